/**
 * API Gateway REST response streaming to Lambda: the integration's transfer mode, the URI of
 * Lambda's response-streaming invocations, and the timeout the pinned provider accepts for it.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html
 */
import { API_GATEWAY_LIMITS } from '../contract/limits';
import { contradictoryProps } from '../core/errors';

/** The integration's `response_transfer_mode` values. */
export const RESPONSE_TRANSFER_MODE = { buffered: 'BUFFERED', stream: 'STREAM' } as const;

/**
 * The AWS_PROXY integration URI that invokes a function with response streaming (Lambda's
 * InvokeWithResponseStream, API version 2021-11-15), as response-transfer-mode-lambda.html gives it:
 * `arn:aws:apigateway:us-west-1:lambda:path/2021-11-15/functions/arn:aws:lambda:...:function:my-function-name/response-streaming-invocations`.
 * A STREAM integration with the buffered `2015-03-31/.../invocations` URI is "not supported" there.
 * The provider's `invoke_arn` is that buffered URI, and `response_streaming_invoke_arn` arrived only
 * in hashicorp/aws 6.28.0 (CHANGELOG), after the pinned 6.25.0, so this one is assembled from the
 * unqualified function ARN.
 */
export function streamingInvokeUri(region: string, functionArn: string): string {
  return `arn:aws:apigateway:${region}:lambda:path/2021-11-15/functions/${functionArn}/response-streaming-invocations`;
}

/** The integration timeout of a streaming function: its own timeout, within what the provider accepts. */
export function streamIntegrationTimeoutMs(functionTimeoutSeconds: number): number {
  if (functionTimeoutSeconds > API_GATEWAY_LIMITS.maxStreamIntegrationTimeoutSeconds) {
    throw contradictoryProps(
      'streamIntegrationTimeoutMs',
      `a streamed integration may wait at most ${API_GATEWAY_LIMITS.maxStreamIntegrationTimeoutSeconds} s (hashicorp/aws 6.25.0), not ${functionTimeoutSeconds} s`,
    );
  }
  return functionTimeoutSeconds * 1000;
}
