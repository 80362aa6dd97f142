/**
 * The model host: one Lambda handler that serves whichever model its environment names.
 *
 * Contract: `POST /v1/<model>` with `{"inputs": "<text>"}` or `{"inputs": ["<text>", ...]}` answers
 * 200 with `{"model", "requestId", "results": [one prediction per input]}`. Errors answer JSON
 * `{"error": {"code", "message"}, "requestId"}` with the status of their code (see `http.ts`).
 * Every response carries the request id in `x-request-id`.
 */
import { randomUUID } from 'crypto';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { KONG_CORRELATION_HEADER, MODEL_HOST_CONFIG_ENV, modelHostConfigSchema, type ModelHostConfig } from './contract';
import { errorResponse, headerValue, HttpError, jsonResponse } from './http';
import { createModel, type Model } from './models';
import { readPredictionRequest, requestBodySchema, type ProxyEventLike } from './request';

/** An API Gateway proxy event as far as the host reads it. */
export interface ModelHostEvent extends ProxyEventLike {
  readonly requestContext?: { readonly requestId?: unknown } | null;
}

/** The Lambda context as far as the host reads it. */
export interface ModelHostContext {
  readonly awsRequestId?: string;
}

/** The handler's signature. */
export type ModelHostHandler = (event: ModelHostEvent, context?: ModelHostContext) => Promise<APIGatewayProxyResult>;

/** A structured log line; one per request. */
export type LogFn = (entry: Readonly<Record<string, unknown>>) => void;

/** Options for {@link createHandler}. */
export interface HandlerOptions {
  /** The model to serve. @default the model `config` describes, loaded now */
  readonly model?: Model;
  /** Where log lines go. @default one JSON line on stdout */
  readonly log?: LogFn;
}

const jsonLog: LogFn = (entry) => console.log(JSON.stringify(entry));

/** Builds a handler for one model. Loading the model happens here, once. */
export function createHandler(config: ModelHostConfig, options: HandlerOptions = {}): ModelHostHandler {
  const model = options.model ?? createModel(config);
  const log = options.log ?? jsonLog;
  const schema = requestBodySchema(config.limits);

  return async (event, context) => {
    const started = performance.now();
    const requestId = requestIdOf(event, context);
    const correlationId = headerValue(event?.headers, KONG_CORRELATION_HEADER);
    let response: APIGatewayProxyResult;
    let inputs = 0;
    try {
      const request = readPredictionRequest(event ?? {}, config.limits, schema);
      inputs = request.inputs.length;
      const results = request.inputs.map((text) => model.predict(text));
      response = jsonResponse(200, { model: config.name, requestId, results }, requestId);
    } catch (err) {
      if (err instanceof HttpError) {
        response = errorResponse(err, requestId);
      } else {
        log({ level: 'ERROR', message: 'model failed', requestId, correlationId, model: config.name, error: describe(err) });
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
      inputs,
      latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
    });
    return response;
  };
}

/**
 * Builds the handler from {@link MODEL_HOST_CONFIG_ENV}. A missing or invalid configuration is a
 * deployment bug, not a client error: every request then answers 500 `misconfigured`, saying which
 * variable to fix, and the problem is logged.
 */
export function handlerFromEnvironment(env: NodeJS.ProcessEnv, log: LogFn = jsonLog): ModelHostHandler {
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
  return createHandler(parsed.data, { log });
}

function requestIdOf(event: ModelHostEvent | null | undefined, context: ModelHostContext | undefined): string {
  const fromGateway = event?.requestContext?.requestId;
  if (typeof fromGateway === 'string' && fromGateway) return fromGateway;
  return context?.awsRequestId || randomUUID();
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

// Cold start: load the model during Lambda's init phase when the function is configured, so the
// first request does not pay for it. Without the variable (e.g. when tests import this module)
// the handler is built on first use and reports the misconfiguration.
let active: ModelHostHandler | undefined =
  process.env[MODEL_HOST_CONFIG_ENV] !== undefined ? handlerFromEnvironment(process.env) : undefined;

/** The Lambda entry point (`index.handler` in the bundle). */
export const handler: ModelHostHandler = (event, context) => {
  active ??= handlerFromEnvironment(process.env);
  return active(event, context);
};
