/**
 * A stand-in for the Bedrock runtime endpoint, for trying and testing streaming models with no AWS
 * account: it answers Converse with JSON and ConverseStream with a real AWS event stream (the
 * binary framing the SDK decodes, from @smithy/core's codec), a word at a time at a set pace, and
 * can throttle chosen models so that a fallback chain can be seen at work. Point the AWS SDK at it
 * with `AWS_ENDPOINT_URL_BEDROCK_RUNTIME` (any credentials; it does not check signatures).
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html (service-specific endpoint variables)
 */
import * as http2 from 'http2';
import { EventStreamCodec } from '@smithy/core/event-streams';

/** How the stub answers. */
export interface BedrockStubOptions {
  /** The words of every answer. @default a short sentence */
  readonly reply?: string;
  /** Milliseconds before the first event of a stream (and before a Converse answer). @default 300 */
  readonly firstTokenMs?: number;
  /** Milliseconds between two words of a stream. @default 120 */
  readonly tokenMs?: number;
  /** Model ids answered with 429 ThrottlingException (to exercise fallbacks). @default none */
  readonly throttle?: readonly string[];
}

/** What the stub saw, for tests and its own log. */
export interface BedrockStubCall {
  readonly operation: 'Converse' | 'ConverseStream';
  readonly modelId: string;
  readonly outcome: 'answered' | 'throttled';
}

const DEFAULT_REPLY = 'Streaming works: each word of this answer leaves the stub on its own, as a model would produce it.';

const codec = new EventStreamCodec(
  (bytes) => Buffer.from(bytes).toString('utf8'),
  (text) => new Uint8Array(Buffer.from(text, 'utf8')),
);

/** One event-stream message of type `event` with a JSON payload. */
function eventMessage(type: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: new Uint8Array(Buffer.from(JSON.stringify(payload), 'utf8')),
  });
}

const ROUTE = /^\/model\/([^/]+)\/(converse|converse-stream)$/;

/**
 * Creates the stub server (not yet listening): HTTP/2 without TLS, because the Bedrock Runtime
 * client talks HTTP/2 (its request handler is NodeHttp2Handler). `calls` records every request.
 */
export function createBedrockStub(options: BedrockStubOptions = {}): { server: http2.Http2Server; calls: BedrockStubCall[] } {
  const words = (options.reply ?? DEFAULT_REPLY).split(/(?<= )/);
  const firstTokenMs = options.firstTokenMs ?? 300;
  const tokenMs = options.tokenMs ?? 120;
  const throttled = new Set(options.throttle ?? []);
  const calls: BedrockStubCall[] = [];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    const method = headers[':method'];
    const path = String(headers[':path'] ?? '');
    const match = ROUTE.exec(path.split('?')[0]!);
    stream.on('error', () => undefined); // a client that went away
    if (method !== 'POST' || !match) {
      stream.respond({ ':status': 404, 'content-type': 'application/json', 'x-amzn-errortype': 'UnknownOperationException' });
      stream.end(JSON.stringify({ message: `The stub answers POST /model/<id>/converse and /converse-stream, not ${method} ${path}` }));
      return;
    }
    const modelId = decodeURIComponent(match[1]!);
    const operation = match[2] === 'converse' ? 'Converse' : 'ConverseStream';
    let bodyBytes = 0;
    stream.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    stream.on('end', () => {
      if (throttled.has(modelId)) {
        calls.push({ operation, modelId, outcome: 'throttled' });
        stream.respond({ ':status': 429, 'content-type': 'application/json', 'x-amzn-errortype': 'ThrottlingException' });
        stream.end(JSON.stringify({ message: `The stub throttles ${modelId}.` }));
        return;
      }
      calls.push({ operation, modelId, outcome: 'answered' });
      const inputTokens = Math.max(1, Math.ceil(bodyBytes / 4));
      const usage = { inputTokens, outputTokens: words.length, totalTokens: inputTokens + words.length };
      void (async () => {
        await sleep(firstTokenMs);
        if (stream.closed) return;
        if (operation === 'Converse') {
          stream.respond({ ':status': 200, 'content-type': 'application/json' });
          stream.end(JSON.stringify({ output: { message: { role: 'assistant', content: [{ text: words.join('') }] } }, stopReason: 'end_turn', usage, metrics: { latencyMs: firstTokenMs } }));
          return;
        }
        stream.respond({ ':status': 200, 'content-type': 'application/vnd.amazon.eventstream' });
        stream.write(eventMessage('messageStart', { role: 'assistant' }));
        for (const [i, word] of words.entries()) {
          if (i > 0) await sleep(tokenMs);
          if (stream.closed) return;
          stream.write(eventMessage('contentBlockDelta', { contentBlockIndex: 0, delta: { text: word } }));
        }
        stream.write(eventMessage('contentBlockStop', { contentBlockIndex: 0 }));
        stream.write(eventMessage('messageStop', { stopReason: 'end_turn' }));
        stream.end(eventMessage('metadata', { usage, metrics: { latencyMs: firstTokenMs + tokenMs * (words.length - 1) } }));
      })();
    });
  });
  return { server, calls };
}
