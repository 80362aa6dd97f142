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
import { KONG_CORRELATION_HEADER, type ModelHostConfig } from '../contract/model-host';
import { CONSUMER_HEADER } from '../contract/budgets';
import { errorBody } from '../contract/errors';
import { errorResponse, headerValue, HttpError, jsonResponse } from './http';
import type { ResponseSink } from './response-sink';
import { EventStream } from './sse';
// Only types from the registry: importing its values would pull every kind into every bundle.
import type { ModelRuntime, StreamedInvocation } from './models';
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

/** A streaming handler's signature: the answer goes to `sink` as it is produced. */
export type StreamingModelHostHandler = (event: ModelHostEvent, sink: ResponseSink, context?: ModelHostContext) => Promise<void>;

/** Builds a handler for one model: the whole answer at once (API Gateway's buffered integration). */
export function createHandler(config: ModelHostConfig, options: HandlerOptions): ModelHostHandler {
  const serve = requestServer(config, options);
  return async (event, context) => (await serve(event, context, undefined))!;
}

/**
 * Builds a streaming handler for one model (Lambda response streaming, API Gateway's STREAM
 * integration): a request the model streams goes out as server-sent events, anything else (errors
 * before the first byte included) as one response with its status.
 */
export function createStreamingHandler(config: ModelHostConfig, options: HandlerOptions): StreamingModelHostHandler {
  const serve = requestServer(config, options);
  return async (event, sink, context) => {
    const response = await serve(event, context, sink);
    if (response) {
      sink.start(response.statusCode, (response.headers ?? {}) as Record<string, string>);
      sink.write(response.body);
      await sink.end();
    }
  };
}

/**
 * Serves one request: the shared checks, the model, one log line. Returns the response, or nothing
 * when the answer was streamed into `sink`.
 */
function requestServer(config: ModelHostConfig, options: HandlerOptions) {
  const { runtime } = options;
  const log = options.log ?? powertoolsLog();

  return async (event: ModelHostEvent, context: ModelHostContext | undefined, sink: ResponseSink | undefined): Promise<APIGatewayProxyResult | undefined> => {
    const started = performance.now();
    const requestId = requestIdOf(event, context);
    const correlationId = headerValue(event?.headers, KONG_CORRELATION_HEADER);
    const consumer = headerValue(event?.headers, CONSUMER_HEADER);
    const annotations: Record<string, unknown> = {};
    let response: APIGatewayProxyResult | undefined;
    let stream: EventStream | undefined;
    let invocation: StreamedInvocation | undefined;
    let inputBytes = 0;
    let failure: string | undefined;
    try {
      const body = readJsonBody(event ?? {}, config.limits.maxBodyBytes, runtime.example);
      inputBytes = body.bytes;
      const request = validateBody(runtime.requestSchema, body.value, runtime.shape);
      const invokeContext = {
        requestId,
        ...(consumer ? { consumer } : {}),
        remainingTimeMs: context?.getRemainingTimeInMillis?.(),
        annotate: (fields: Readonly<Record<string, unknown>>) => Object.assign(annotations, fields),
      };
      if (runtime.streaming?.wants(request)) {
        if (!sink) throw new HttpError('invalid_request', 'This endpoint answers buffered only; send "stream": false.');
        stream = new EventStream(sink, requestId);
        invocation = await runtime.streaming.stream(request, invokeContext, stream);
        stream.done();
      } else {
        const answer = await runtime.invoke(request, invokeContext);
        invocation = answer;
        response = jsonResponse(200, answer.body, requestId, answer.headers);
      }
    } catch (err) {
      const error = err instanceof HttpError ? err : new HttpError('internal_error', 'The model failed on this request; quote the request id when reporting it.');
      if (!(err instanceof HttpError)) failure = describe(err);
      else if (err.status >= 500) failure = err.detail ? `${err.message} (${err.detail})` : err.message;
      if (stream?.opened) {
        // Past the first byte the status is sent: the failure becomes the stream's last event, a
        // `data:` event with an `error` key, which OpenAI's SDK raises as an APIError
        // (openai/openai-node v7.5.0 src/core/streaming.ts:83-85; the API documents no mid-stream error).
        stream.data(errorBody(error.code, error.message, requestId));
        annotations['streamError'] = error.code;
        failure ??= error.message;
      } else {
        response = errorResponse(error, requestId);
      }
    } finally {
      await stream?.close();
    }
    const status = response?.statusCode ?? 200;
    log({
      level: status >= 500 || annotations['streamError'] ? 'ERROR' : 'INFO',
      message: 'request',
      requestId,
      correlationId,
      ...(consumer ? { consumer } : {}),
      model: config.name,
      kind: config.kind,
      status,
      latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
      inputBytes,
      outputBytes: response ? Buffer.byteLength(response.body) : (stream?.bytes ?? 0),
      inputs: invocation?.inputs ?? 0,
      inputChars: invocation?.inputChars ?? 0,
      outputChars: invocation?.outputChars ?? 0,
      ...(stream ? { streamed: { events: stream.events, keepAlives: stream.keepAlives } } : {}),
      ...annotations,
      ...(invocation?.usage ? { usage: invocation.usage } : {}),
      ...(failure ? { error: failure } : {}),
      ...(config.logging.payloads && invocation ? { payload: invocation.payload } : {}),
    });
    return response;
  };
}

/** The request id: API Gateway's, else Lambda's, else a new one. */
export function requestIdOf(event: ModelHostEvent | null | undefined, context: ModelHostContext | undefined): string {
  const fromGateway = event?.requestContext?.requestId;
  if (typeof fromGateway === 'string' && fromGateway) return fromGateway;
  return context?.awsRequestId || randomUUID();
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
