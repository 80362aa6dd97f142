/**
 * Lambda entry points: the handler built from the function's environment ({@link MODEL_HOST_CONFIG_ENV}),
 * buffered (`handler`) or streamed (`streamHandler`, for Lambda response streaming).
 */
import { MODEL_HOST_CONFIG_ENV, modelHostConfigSchema, type ModelHostConfig } from '../contract/model-host';
import {
  createHandler,
  createStreamingHandler,
  powertoolsLog,
  requestIdOf,
  type LogFn,
  type ModelHostContext,
  type ModelHostEvent,
  type ModelHostHandler,
  type StreamingModelHostHandler,
} from './handler';
import { errorResponse, HttpError } from './http';
// Only types from the registry: importing its values would pull every kind into every bundle.
import type { ModelFactories, ModelRuntime } from './models';
import { factoryFor } from './models/factory';
import { lambdaResponseSink, type HttpResponseStreamFactory, type LambdaResponseStream } from './response-sink';

/** The model a function serves, or why it cannot serve one. */
type Host = { readonly config: ModelHostConfig; readonly runtime: ModelRuntime } | { readonly problem: string };

/**
 * Reads the function's model from its environment. A missing or invalid configuration, or a kind
 * this bundle does not carry, is a deployment bug, not a client error: it is logged, and every
 * request then answers 500 `misconfigured`, saying what to fix.
 */
function hostFromEnvironment(env: NodeJS.ProcessEnv, factories: ModelFactories, log: LogFn): Host {
  const problem = (detail: string): Host => {
    log({ level: 'ERROR', message: 'model host misconfigured', detail });
    return { problem: detail };
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
  if (!factory) return problem(`this bundle serves ${Object.keys(factories).join(', ')}, not ${parsed.data.kind}`);
  try {
    return { config: parsed.data, runtime: factory(parsed.data) };
  } catch (err) {
    return problem(`the model could not start (${err instanceof Error ? err.message : String(err)})`);
  }
}

function misconfigured(detail: string, event: ModelHostEvent, context: ModelHostContext | undefined) {
  return errorResponse(
    new HttpError('misconfigured', `The model host is misconfigured: ${detail}. Redeploy the stack that owns it.`),
    requestIdOf(event, context),
  );
}

/** The buffered handler of the environment's model (or one answering `misconfigured`). */
export function handlerFromEnvironment(env: NodeJS.ProcessEnv, factories: ModelFactories, log: LogFn = powertoolsLog()): ModelHostHandler {
  const host = hostFromEnvironment(env, factories, log);
  if ('problem' in host) return async (event, context) => misconfigured(host.problem, event, context);
  return createHandler(host.config, { runtime: host.runtime, log });
}

/** The streaming handler of the environment's model (or one answering `misconfigured`). */
export function streamingHandlerFromEnvironment(
  env: NodeJS.ProcessEnv,
  factories: ModelFactories,
  log: LogFn = powertoolsLog(),
): StreamingModelHostHandler {
  const host = hostFromEnvironment(env, factories, log);
  if ('problem' in host) {
    return async (event, sink, context) => {
      const response = misconfigured(host.problem, event, context);
      sink.start(response.statusCode, response.headers as Record<string, string>);
      sink.write(response.body);
      await sink.end();
    };
  }
  return createStreamingHandler(host.config, { runtime: host.runtime, log });
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

/** What Lambda's Node.js runtime provides to streaming functions as the global `awslambda`. */
export interface LambdaStreamingGlobals {
  streamifyResponse<T>(handler: (event: unknown, responseStream: LambdaResponseStream, context: ModelHostContext) => Promise<T>): unknown;
  readonly HttpResponseStream: HttpResponseStreamFactory;
}

/** A streaming Lambda entry's raw handler, before `streamifyResponse`. */
export type LambdaStreamingHandler = (event: unknown, responseStream: LambdaResponseStream, context: ModelHostContext) => Promise<void>;

/**
 * The streaming entry point (the function's handler is `index.streamHandler`): the handler wrapped
 * with `awslambda.streamifyResponse`, which tells Lambda to stream. Outside Lambda (no `awslambda`
 * global) it is the bare handler, which needs the globals to run.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/config-rs-write-functions.html
 */
export function lambdaStreamingEntry(factories: ModelFactories, globals: LambdaStreamingGlobals | undefined = lambdaGlobals()): unknown {
  let active: StreamingModelHostHandler | undefined =
    process.env[MODEL_HOST_CONFIG_ENV] !== undefined ? streamingHandlerFromEnvironment(process.env, factories) : undefined;
  const handler: LambdaStreamingHandler = async (event, responseStream, context) => {
    if (!globals) throw new Error('awslambda is not defined: this handler runs in AWS Lambda (Node.js runtime) only');
    active ??= streamingHandlerFromEnvironment(process.env, factories);
    await active(event as ModelHostEvent, lambdaResponseSink(responseStream, globals.HttpResponseStream), context);
  };
  return globals ? globals.streamifyResponse(handler) : handler;
}

/**
 * Lambda's streaming globals, when present. Libraries create an `awslambda` object of their own
 * outside Lambda (@aws/lambda-invoke-store, which Powertools loads), so its functions are checked.
 */
function lambdaGlobals(): LambdaStreamingGlobals | undefined {
  const candidate = (globalThis as { awslambda?: Partial<LambdaStreamingGlobals> }).awslambda;
  return typeof candidate?.streamifyResponse === 'function' && candidate.HttpResponseStream ? (candidate as LambdaStreamingGlobals) : undefined;
}
