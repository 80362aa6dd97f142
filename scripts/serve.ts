/**
 * `npm run serve`: the environment's model hosts on localhost, with the same paths and the same
 * handler code as API Gateway + Lambda, so a model can be tried before it is deployed:
 *
 *   curl -X POST localhost:8080/v1/sentiment -H 'content-type: application/json' -d '{"inputs":"great"}'
 *
 * Offline models answer offline. Bedrock models call Bedrock with your AWS credentials, and answer
 * 502 with what to set when there are none; a streaming model streams, as through API Gateway
 * (`npm run stub:bedrock` stands in for Bedrock without an account). Each request gets its model's
 * function timeout as its deadline. Chat models enforce the tiers' token and dollar budgets as a
 * region does, with the first region's share, in an in-process store (nothing is shared or kept),
 * for the consumer named by X-Consumer-Username (Kong sets it in front of the regions); their
 * metrics are printed as the EMF lines Lambda would write. PORT picks the port (default 8080; 0 for any free one);
 * GATEWAY_ENV / GATEWAY_CONFIG pick the configuration, as for synth.
 */
import { randomUUID } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { errorBody } from '../contract/errors';
import { createHandler, createStreamingHandler, powertoolsLog, type LogFn, type ModelHostContext, type ModelHostEvent } from '../lambda/handler';
import type { ResponseSink } from '../lambda/response-sink';
import { ALL_MODEL_FACTORIES, factoryFor, type ModelRuntime } from '../lambda/models';
import { createBedrockChatRuntime } from '../lambda/models/bedrock-chat';
import { reportFailure, runCli } from '../app/cli';
import { hostConfigOf } from '../config/host-config';
import { hasBudgets, meteringFor } from '../config/metering';
import { Naming } from '../config/naming';
import { modelChain } from '../contract/chat';
import { CONSUMER_HEADER } from '../contract/budgets';
import type { CounterStore } from '../lambda/budgets/counter-store';
import { MemoryCounterStore } from '../lambda/budgets/memory-store';
import { meteredChatRuntime } from '../lambda/budgets/metered-chat';
import { stdoutMetricsSink, type MetricsSink } from '../lambda/budgets/metrics';
import { loadConfig } from '../config/load';
import { isHostedModel, type GatewayConfig, type HostedModelConfig } from '../config/schema';
import { portUnavailable, usageError } from '../core/errors';
import { HEALTH_PATH, modelPath } from '../contract/paths';

/** The default port of the local server. */
export const DEFAULT_PORT = 8080;

/** API Gateway's own payload limit: larger bodies never reach a function. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** How the local server answers one model's requests. */
type LocalRoute = (event: ModelHostEvent, res: http.ServerResponse, context: ModelHostContext) => Promise<void>;

/** A response sink over a Node HTTP response: status and headers at once, then each write as it comes. */
function httpSink(res: http.ServerResponse): ResponseSink {
  return {
    start(status, headers) {
      res.writeHead(status, headers);
      res.flushHeaders();
    },
    write(text) {
      res.write(text);
    },
    end() {
      return new Promise((resolve) => res.end(resolve));
    },
  };
}

/**
 * The local route of one model: the streaming handler for a model that streams (as Lambda response
 * streaming runs it), the buffered handler otherwise.
 */
function localRoute(model: HostedModelConfig, log: LogFn, metering: LocalMetering): LocalRoute {
  let host = hostConfigOf(model);
  let runtime: ModelRuntime;
  if (host.kind === 'bedrock-chat') {
    // Locally the configured ids are invoked as they are (no per-region resolution).
    const chain = modelChain(host.settings).map((id) => ({ configuredId: id, invokeId: id }));
    const chat = { ...host, metering: meteringFor(metering.config, metering.naming, { region: metering.region, table: metering.naming.budgetTableName }, chain) };
    runtime = meteredChatRuntime(chat, createBedrockChatRuntime(chat), { metering: chat.metering, store: metering.store, sink: metering.sink }) as ModelRuntime;
    host = chat;
  } else {
    runtime = factoryFor(host, ALL_MODEL_FACTORIES)!(host);
  }
  if (host.kind === 'bedrock-chat' && host.streaming) {
    const handler = createStreamingHandler(host, { runtime, log });
    return (event, res, context) => handler(event, httpSink(res), context);
  }
  const handler = createHandler(host, { runtime, log });
  return async (event, res, context) => {
    const result = await handler(event, context);
    res.writeHead(result.statusCode, (result.headers ?? {}) as Record<string, string>);
    res.end(result.body);
  };
}

/** How the local server meters chat models: as its first region does, in this process. */
interface LocalMetering {
  readonly config: GatewayConfig;
  readonly naming: Naming;
  readonly region: GatewayConfig['regions'][number];
  readonly store: CounterStore;
  readonly sink: MetricsSink;
}

/** Options of {@link createModelServer}. */
export interface ModelServerOptions {
  /** Where log entries go. @default Powertools logger on stdout */
  readonly log?: LogFn;
  /** Where budget counters live. @default a new in-process store */
  readonly store?: CounterStore;
  /** Where metrics records go. @default stdout, as in Lambda */
  readonly metricsSink?: MetricsSink;
}

/** A local server answering like the regional APIs. */
export function createModelServer(config: GatewayConfig, options: ModelServerOptions = {}): { server: http.Server; routes: Map<string, LocalRoute>; store: CounterStore } {
  const log = options.log ?? powertoolsLog();
  const store = options.store ?? new MemoryCounterStore();
  const metering: LocalMetering = { config, naming: new Naming(config.app, config.environment), region: config.regions[0]!, store, sink: options.metricsSink ?? stdoutMetricsSink };
  const routes = new Map<string, LocalRoute>();
  const timeouts = new Map<string, number>();
  for (const model of config.models.filter(isHostedModel)) {
    routes.set(modelPath(model.name), localRoute(model, log, metering));
    timeouts.set(modelPath(model.name), model.timeoutSeconds * 1000);
  }

  // No Nagle delay: a streamed chunk leaves as soon as it is written.
  const server = http.createServer({ noDelay: true }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (path === `/${HEALTH_PATH}` && req.method === 'GET') return send(200, { status: 'ok' });
    const route = routes.get(path);
    if (!route) {
      return send(404, errorBody('NOT_FOUND', `No model at ${path}. Models: ${[...routes.keys()].join(', ')}.`, randomUUID()));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= GATEWAY_MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > GATEWAY_MAX_BODY_BYTES) {
        return send(413, errorBody('REQUEST_TOO_LARGE', 'API Gateway accepts bodies up to 10 MB.', randomUUID()));
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
      // The function's deadline, as Lambda would give it.
      const deadline = Date.now() + timeouts.get(path)!;
      route(
        {
          httpMethod: req.method ?? 'GET',
          headers,
          // The bytes as sent (base64), so the host judges their encoding as it does any body.
          body: chunks.length ? Buffer.concat(chunks).toString('base64') : null,
          isBase64Encoded: chunks.length > 0,
          requestContext: { requestId: randomUUID() },
        },
        res,
        { getRemainingTimeInMillis: () => deadline - Date.now() },
      ).catch((err: unknown) => {
        if (res.headersSent) res.destroy();
        else send(500, errorBody('internal_error', String(err), randomUUID()));
      });
    });
  });
  return { server, routes, store };
}

/** The port PORT names: an integer from 0 (any free port) to 65535; 8080 when unset. */
function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) throw usageError(`PORT=${JSON.stringify(value)} is not a port; use an integer from 0 (any free port) to 65535, e.g. PORT=8081 npm run serve`);
  return port;
}

runCli(() => {
  // Laptops have no instance metadata service: don't let the AWS SDK wait for one. Lambda runs
  // Node 22, so the SDK's notice about Node 20 does not concern the deployed code.
  process.env['AWS_EC2_METADATA_DISABLED'] ??= 'true';
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const config = loadConfig();
  // Bedrock models are called in the environment's first region unless AWS_REGION says otherwise.
  process.env['AWS_REGION'] ??= config.regions[0];
  const port = portFrom(process.env['PORT']);
  const { server, routes, store } = createModelServer(config);
  server.on('error', (err: NodeJS.ErrnoException) => {
    const reasons: Record<string, string> = { EADDRINUSE: 'the port is in use', EACCES: 'permission denied (ports below 1024 need privileges)' };
    reportFailure(reasons[err.code ?? ''] ? portUnavailable(port, reasons[err.code!]!) : err);
    server.close();
  });
  server.listen(port, '127.0.0.1', () => {
    const { port: bound } = server.address() as AddressInfo;
    const lines = [...routes.keys()].map((p) => `  POST http://localhost:${bound}${p}`);
    console.log(`listening on http://127.0.0.1:${bound} (environment ${config.environment})\n${lines.join('\n')}\n  GET  http://localhost:${bound}/${HEALTH_PATH}`);
    if (hasBudgets(config) && config.models.some((m) => m.kind === 'bedrock-chat')) {
      console.log(
        `budgets: ${config.regions[0]}'s share of each tier's budgets, kept in ${store.description}; name the consumer with ${CONSUMER_HEADER} (Kong sets it in front of the regions)`,
      );
    }
    const first = [...routes.keys()][0];
    if (first) console.log(`try: curl -X POST localhost:${bound}${first} -H 'content-type: application/json' -d '{"inputs":"great"}'`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // idle keep-alive connections would otherwise hold close() open
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
