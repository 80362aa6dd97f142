/**
 * The Lambda and API Gateway limits that both sides of the model API obey: the configuration is
 * checked against them, the model host stays within them.
 */

/** Lambda limits the configuration is checked against. */
export const LAMBDA_LIMITS = {
  /** @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html */
  minMemoryMb: 128,
  maxMemoryMb: 10240,
  maxTimeoutSeconds: 900,
  /** Synchronous invocation payload limit (request and response). */
  maxPayloadBytes: 6 * 1024 * 1024,
  /** Function names: 1 to 64 characters. */
  maxFunctionNameLength: 64,
  /**
   * "The total size of all environment variables doesn't exceed 4 KB" (per function).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
   */
  maxEnvironmentBytes: 4096,
} as const;

/** API Gateway limits the configuration is checked against. */
export const API_GATEWAY_LIMITS = {
  /**
   * The integration timeout, 29 s. EDGE endpoints cannot raise it; REGIONAL ones only through a
   * Service Quotas request, which this project does not model.
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
   */
  maxIntegrationTimeoutSeconds: 29,
  /** Account-level default steady-state rate per region. */
  maxRateLimit: 10000,
  /** Account-level default burst per region. */
  maxBurstLimit: 5000,
  /** Resources per REST API (each model takes one, plus /v1 and /health). */
  maxResourcesPerApi: 300,
  /**
   * A streamed response is cut when no byte has passed for this long: "For Regional or private
   * endpoints, the timeout is 5 minutes. For edge-optimized endpoints, the timeout is 30 seconds."
   * AWS does not say whether the wait for the first byte counts; nothing reaches the client before
   * it, so the project assumes it does and keeps that wait under the limit too.
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html
   */
  streamIdleTimeoutSeconds: { EDGE: 30, REGIONAL: 300 },
  /**
   * The longest integration timeout of a streamed integration that the pinned AWS provider accepts.
   * API Gateway allows 15 minutes ("you can configure the integration timeout up to 15 minutes",
   * response-streaming-http.html), but hashicorp/aws 6.25.0, which @cdktf/provider-aws 21.22.1 is
   * generated from, validates 50-300000 ms whatever the transfer mode (hashicorp/terraform-provider-aws
   * issue 45472: "expected timeout_milliseconds to be in the range (50 - 300000), got 900000"); 6.26.0
   * allows 900000 for STREAM (CHANGELOG 6.26.0, PR 45482), and no prebuilt cdktf bindings exist for it.
   */
  maxStreamIntegrationTimeoutSeconds: 300,
} as const;
