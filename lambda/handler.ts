/**
 * The model host: one Lambda handler that serves whichever model its environment names.
 *
 * The shared checks (method, content type, size, JSON) run first, then the kind's own request
 * schema, then the model. Text kinds take `{"inputs": "<text>" | ["<text>", ...]}` and answer
 * `{"model", "requestId", "results"}`; chat kinds take and answer OpenAI chat completions. Errors
 * answer JSON `{"error": {"code", "message"}, "requestId"}` with the status of their code (see
 * `http.ts`). Every response carries the request id in `x-request-id`; every request is logged once,
 * as structured JSON, without inputs or outputs unless the model's payload logging is on.
 */
import { randomUUID } from 'crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { KONG_CORRELATION_HEADER, MODEL_HOST_CONFIG_ENV, modelHostConfigSchema, type ModelHostConfig } from '../contract/model-host';
import { errorResponse, headerValue, HttpError, jsonResponse } from './http';
// Only types from the registry: importing its values would pull every kind into every bundle.
import type { Invocation, ModelFactories, ModelRuntime } from './models';
import { factoryFor } from './models/factory';
import { readJsonBody, validateBody, type ProxyEventLike } from './request';

/** An API Gateway proxy event as far as the host reads it. */
export interface ModelHostEvent extends ProxyEventLike {
  readonly requestContext?: { readonly requestId?: unknown } | null;
}

/** The Lambda context as far as the host reads it. */
export interface ModelHostContext {
  readonly awsRequestId?: string;
  getRemainingTimeInMillis?(): number;
}

/** The handler's signature. */
export type ModelHostHandler = (event: ModelHostEvent, context?: ModelHostContext) => Promise<APIGatewayProxyResult>;

/** One structured log entry. */
export type LogEntry = { readonly level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'; readonly message: string } & Readonly<Record<string, unknown>>;

/** Where log entries go. */
export type LogFn = (entry: LogEntry) => void;

/** The service name in every log line. */
export const LOG_SERVICE = 'global-ai-gateway-model-host';

/** Log entries as JSON lines through Powertools for AWS Lambda's logger (level: POWERTOOLS_LOG_LEVEL). */
export function powertoolsLog(logger: Logger = new Logger({ serviceName: LOG_SERVICE })): LogFn {
  return ({ level, message, ...fields }) => {
    if (level === 'ERROR') logger.error(message, fields);
    else if (level === 'WARN') logger.warn(message, fields);
    else if (level === 'DEBUG') logger.debug(message, fields);
    else logger.info(message, fields);
  };
}

/** Options for {@link createHandler}. */
export interface HandlerOptions {
  /** The model runtime (built once, at cold start). */
  readonly runtime: ModelRuntime;
  /** Where log entries go. @default Powertools logger on stdout */
  readonly log?: LogFn;
}

/** Builds a handler for one model. */
export function createHandler(config: ModelHostConfig, options: HandlerOptions): ModelHostHandler {
  const { runtime } = options;
  const log = options.log ?? powertoolsLog();

  return async (event, context) => {
    const started = performance.now();
    const requestId = requestIdOf(event, context);
    const correlationId = headerValue(event?.headers, KONG_CORRELATION_HEADER);
    let response: APIGatewayProxyResult;
    let invocation: Invocation | undefined;
    let inputBytes = 0;
    let failure: string | undefined;
    try {
      const body = readJsonBody(event ?? {}, config.limits.maxBodyBytes, runtime.example);
      inputBytes = body.bytes;
      const request = validateBody(runtime.requestSchema, body.value, runtime.shape);
      invocation = await runtime.invoke(request, { requestId, remainingTimeMs: context?.getRemainingTimeInMillis?.() });
      response = jsonResponse(200, invocation.body, requestId);
    } catch (err) {
      if (err instanceof HttpError) {
        response = errorResponse(err, requestId);
        if (err.status >= 500) failure = err.detail ? `${err.message} (${err.detail})` : err.message;
      } else {
        failure = describe(err);
        response = errorResponse(
          new HttpError('internal_error', 'The model failed on this request; quote the request id when reporting it.'),
          requestId,
        );
      }
    }
    log({
      level: response.statusCode >= 500 ? 'ERROR' : 'INFO',
      message: 'request',
      requestId,
      correlationId,
      model: config.name,
      kind: config.kind,
      status: response.statusCode,
      latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
      inputBytes,
      outputBytes: Buffer.byteLength(response.body),
      inputs: invocation?.inputs ?? 0,
      inputChars: invocation?.inputChars ?? 0,
      outputChars: invocation?.outputChars ?? 0,
      ...(invocation?.usage ? { usage: invocation.usage } : {}),
      ...(failure ? { error: failure } : {}),
      ...(config.logging.payloads && invocation ? { payload: invocation.payload } : {}),
    });
    return response;
  };
}

/**
 * Builds the handler from {@link MODEL_HOST_CONFIG_ENV}. A missing or invalid configuration, or a
 * kind this bundle does not carry, is a deployment bug, not a client error: every request then
 * answers 500 `misconfigured`, saying what to fix, and the problem is logged.
 */
export function handlerFromEnvironment(
  env: NodeJS.ProcessEnv,
  factories: ModelFactories,
  log: LogFn = powertoolsLog(),
): ModelHostHandler {
  const problem = (detail: string): ModelHostHandler => {
    log({ level: 'ERROR', message: 'model host misconfigured', detail });
    return async (event, context) =>
      errorResponse(
        new HttpError('misconfigured', `The model host is misconfigured: ${detail}. Redeploy the stack that owns it.`),
        requestIdOf(event, context),
      );
  };
  const raw = env[MODEL_HOST_CONFIG_ENV];
  if (raw === undefined) return problem(`${MODEL_HOST_CONFIG_ENV} is not set`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return problem(`${MODEL_HOST_CONFIG_ENV} is not valid JSON`);
  }
  const parsed = modelHostConfigSchema.safeParse(json);
  if (!parsed.success) {
    return problem(`${MODEL_HOST_CONFIG_ENV} is invalid (${parsed.error.issues.map((i) => i.message).join('; ')})`);
  }
  const factory = factoryFor(parsed.data, factories);
  if (!factory) {
    return problem(`this bundle serves ${Object.keys(factories).join(', ')}, not ${parsed.data.kind}`);
  }
  return createHandler(parsed.data, { runtime: factory(parsed.data), log });
}

/**
 * A Lambda entry point for the given kinds. The model loads during Lambda's init phase when the
 * function is configured, so the first request does not pay for it; without the variable (e.g. when
 * a test imports the module) the handler is built on first use and reports the misconfiguration.
 */
export function lambdaEntry(factories: ModelFactories): ModelHostHandler {
  let active: ModelHostHandler | undefined =
    process.env[MODEL_HOST_CONFIG_ENV] !== undefined ? handlerFromEnvironment(process.env, factories) : undefined;
  return (event, context) => {
    active ??= handlerFromEnvironment(process.env, factories);
    return active(event, context);
  };
}

function requestIdOf(event: ModelHostEvent | null | undefined, context: ModelHostContext | undefined): string {
  const fromGateway = event?.requestContext?.requestId;
  if (typeof fromGateway === 'string' && fromGateway) return fromGateway;
  return context?.awsRequestId || randomUUID();
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
