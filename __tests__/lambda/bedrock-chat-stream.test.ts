import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, type ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { createHandler, createStreamingHandler, type LogEntry } from '../../lambda/handler';
import { createBedrockChatRuntime } from '../../lambda/models/bedrock-chat';
import type { ResponseSink } from '../../lambda/response-sink';
import { PASSIVE_UNHEALTHY_STATUSES } from '../../kong/facts';
import { hostConfig } from '../support/hosts';
import { jsonBody, proxyEvent } from '../support/events';

const PRIMARY = 'amazon.nova-micro-v1:0';
const SECOND = 'amazon.nova-lite-v1:0';
const bedrock = mockClient(BedrockRuntimeClient);
let logs: LogEntry[];

/** A sink that records what a client would receive, with when each write arrived. */
function recorder() {
  const writes: { at: number; text: string }[] = [];
  const sink: ResponseSink & { status?: number; headers?: Record<string, string>; ended: boolean } = {
    ended: false,
    start(status, headers) {
      if (sink.status !== undefined) throw new Error('started twice');
      sink.status = status;
      sink.headers = { ...headers };
    },
    write(text) {
      if (sink.status === undefined || sink.ended) throw new Error('write outside the response');
      writes.push({ at: Date.now(), text });
    },
    async end() {
      sink.ended = true;
    },
  };
  return { sink, writes, body: () => writes.map((w) => w.text).join('') };
}

/** The `data:` payloads of an SSE body, parsed (the [DONE] marker kept as a string). */
function dataEvents(body: string): unknown[] {
  return body
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length))
    .map((data) => (data === '[DONE]' ? data : JSON.parse(data)));
}

function streamingChat(settings: Record<string, unknown> = {}, streaming: Record<string, unknown> = {}) {
  const config = hostConfig('bedrock-chat', { name: 'chat', settings: { modelId: PRIMARY, ...settings }, streaming });
  const runtime = createBedrockChatRuntime(config);
  const log = (e: LogEntry) => logs.push(e);
  return { streamed: createStreamingHandler(config, { runtime, log }), buffered: createHandler(config, { runtime, log }) };
}

async function* events(list: (ConverseStreamOutput | Error | { waitMs: number })[]): AsyncGenerator<ConverseStreamOutput> {
  for (const item of list) {
    if (item instanceof Error) throw item;
    if ('waitMs' in item) await new Promise((resolve) => setTimeout(resolve, item.waitMs));
    else yield item;
  }
}

const awsError = (name: string) => Object.assign(new Error(`${name} from Bedrock`), { name, $fault: 'client', $metadata: {} });
const start: ConverseStreamOutput = { messageStart: { role: 'assistant' } };
const delta = (text: string): ConverseStreamOutput => ({ contentBlockDelta: { contentBlockIndex: 0, delta: { text } } });
const stop: ConverseStreamOutput = { messageStop: { stopReason: 'end_turn' } };
const metadata: ConverseStreamOutput = { metadata: { usage: { inputTokens: 9, outputTokens: 2, totalTokens: 11 }, metrics: { latencyMs: 80 } } };
const ask = (extra: Record<string, unknown> = {}) =>
  proxyEvent({ ...jsonBody({ messages: [{ role: 'user', content: 'Hi' }], stream: true, ...extra }), path: '/v1/chat' });

beforeEach(() => {
  bedrock.reset();
  logs = [];
});
afterEach(() => jest.useRealTimers());
afterAll(() => bedrock.restore());

describe('bedrock-chat streaming: OpenAI server-sent events from ConverseStream', () => {
  test('chunks in OpenAI framing, the usage chunk when asked for, then [DONE]', async () => {
    bedrock.on(ConverseStreamCommand).resolves({ stream: events([start, delta('Hel'), delta('lo'), stop, metadata]) });
    const { sink, body } = recorder();
    await streamingChat().streamed(ask({ stream_options: { include_usage: true } }), sink);

    expect(sink.status).toBe(200);
    expect(sink.headers).toMatchObject({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': 'req-0001', 'x-model-id': PRIMARY });
    const envelope = { id: 'chatcmpl-req-0001', object: 'chat.completion.chunk', created: expect.any(Number), model: PRIMARY };
    expect(dataEvents(body())).toEqual([
      { ...envelope, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }], usage: null },
      { ...envelope, choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }], usage: null },
      { ...envelope, choices: [{ index: 0, delta: { content: 'lo' }, finish_reason: null }], usage: null },
      { ...envelope, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: null },
      { ...envelope, choices: [], usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 } },
      '[DONE]',
    ]);
    expect(body().endsWith('data: [DONE]\n\n')).toBe(true);
    expect(sink.ended).toBe(true);
    expect(bedrock.commandCalls(ConverseStreamCommand)[0]!.args[0].input).toMatchObject({ modelId: PRIMARY, messages: [{ role: 'user', content: [{ text: 'Hi' }] }] });
    expect(logs).toEqual([
      expect.objectContaining({ level: 'INFO', status: 200, outputChars: 5, usage: { inputTokens: 9, outputTokens: 2, totalTokens: 11 }, answeredBy: PRIMARY, streamed: { events: 5, keepAlives: 0 }, firstByteMs: expect.any(Number) }),
    ]);
  });

  test('without stream_options.include_usage no chunk carries usage (it is still logged)', async () => {
    bedrock.on(ConverseStreamCommand).resolves({ stream: events([start, delta('Hi'), stop, metadata]) });
    const { sink, body } = recorder();
    await streamingChat().streamed(ask(), sink);
    const chunks = dataEvents(body()).filter((e): e is Record<string, unknown> => typeof e === 'object');
    expect(chunks).toHaveLength(3);
    for (const chunk of chunks) expect(chunk).not.toHaveProperty('usage');
    expect(logs[0]).toMatchObject({ usage: { totalTokens: 11 } });
  });

  test('the usage chunk comes last, before [DONE], whatever order Bedrock sends its events in', async () => {
    bedrock.on(ConverseStreamCommand).resolves({ stream: events([start, delta('Hi'), metadata, stop]) });
    const { sink, body } = recorder();
    await streamingChat().streamed(ask({ stream_options: { include_usage: true } }), sink);
    const sent = dataEvents(body());
    expect(sent.slice(-3)).toEqual([
      expect.objectContaining({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
      expect.objectContaining({ choices: [], usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 } }),
      '[DONE]',
    ]);
  });

  test('an error after the first byte is the last event, in the error shape, with no [DONE]', async () => {
    bedrock.on(ConverseStreamCommand).resolves({ stream: events([start, delta('Hal'), awsError('ModelStreamErrorException')]) });
    const { sink, body } = recorder();
    await streamingChat().streamed(ask(), sink);
    expect(sink.status).toBe(200);
    const sent = dataEvents(body());
    expect(sent.at(-1)).toEqual({ error: { code: 'upstream_error', message: `Bedrock failed to run ${PRIMARY}; retry later.` }, requestId: 'req-0001' });
    expect(sent).not.toContain('[DONE]');
    expect(sink.ended).toBe(true);
    expect(logs[0]).toMatchObject({ level: 'ERROR', status: 200, streamError: 'upstream_error' });
  });

  test('a failure before the first byte is an ordinary JSON error with its status', async () => {
    bedrock.on(ConverseStreamCommand).rejects(awsError('ThrottlingException'));
    const { sink, body } = recorder();
    await streamingChat().streamed(ask(), sink);
    expect(sink.status).toBe(429);
    expect(sink.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'retry-after': '2' });
    expect(JSON.parse(body()).error.code).toBe('rate_limited');
  });

  test('a quiet stream sends a keep-alive comment every 10 s, and none while tokens flow', async () => {
    jest.useFakeTimers({ now: 0 });
    bedrock.on(ConverseStreamCommand).resolves({ stream: events([start, { waitMs: 25_000 }, delta('late'), { waitMs: 4_000 }, delta('!'), stop]) });
    const { sink, writes } = recorder();
    const done = streamingChat({}, { firstTokenTimeoutSeconds: 20 }).streamed(ask(), sink, { getRemainingTimeInMillis: () => 120_000 });
    await jest.advanceTimersByTimeAsync(40_000);
    await done;
    const comments = writes.filter((w) => w.text === ': keep-alive\n\n').map((w) => w.at);
    expect(comments).toEqual([10_000, 20_000]);
    // No gap between two writes reaches the keep-alive interval.
    const gaps = writes.slice(1).map((w, i) => w.at - writes[i]!.at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10_000);
    expect(logs[0]).toMatchObject({ streamed: { keepAlives: 2 } });
  });

  test('a stream still running at the function deadline ends with a timeout event', async () => {
    jest.useFakeTimers({ now: 0 });
    bedrock.on(ConverseStreamCommand).resolves({ stream: events([start, delta('a'), { waitMs: 60_000 }, delta('never')]) });
    const { sink, body } = recorder();
    const done = streamingChat().streamed(ask(), sink, { getRemainingTimeInMillis: () => 30_000 });
    await jest.advanceTimersByTimeAsync(61_000);
    await done;
    expect(dataEvents(body()).at(-1)).toMatchObject({ error: { code: 'upstream_timeout' } });
    expect(body()).not.toContain('never');
  });

  test('"stream": false on a streaming model answers one chat.completion; the buffered handler refuses "stream": true', async () => {
    bedrock.on(ConverseCommand).resolves({ output: { message: { role: 'assistant', content: [{ text: 'ok' }] } }, stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, metrics: { latencyMs: 1 } });
    const { streamed, buffered } = streamingChat();
    const { sink, body } = recorder();
    await streamed(ask({ stream: false }), sink);
    expect(sink.status).toBe(200);
    expect(JSON.parse(body())).toMatchObject({ object: 'chat.completion', model: PRIMARY });
    const refused = await buffered(ask());
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.body).error.message).toMatch(/answers buffered only; send "stream": false/);
  });
});

describe('bedrock-chat fallback: the next model of the chain when one is throttled, unavailable or slow', () => {
  const chain = { fallbacks: { modelIds: [SECOND] } };
  const ok = { output: { message: { role: 'assistant' as const, content: [{ text: 'from the second' }] } }, stopReason: 'end_turn' as const, usage: { inputTokens: 1, outputTokens: 3, totalTokens: 4 }, metrics: { latencyMs: 1 } };

  test.each([
    ['ThrottlingException', 'throttled'],
    ['ServiceUnavailableException', 'unavailable'],
    ['ModelNotReadyException', 'unavailable'],
    ['InternalServerException', 'unavailable'],
    ['ModelTimeoutException', 'timeout'],
  ])('%s on the primary: the second answers, is named in model and x-model-id, and both attempts are logged', async (name, outcome) => {
    bedrock.on(ConverseCommand, { modelId: PRIMARY }).rejects(awsError(name)).on(ConverseCommand, { modelId: SECOND }).resolves(ok);
    const response = await streamingChat(chain).buffered(ask({ stream: false }));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ model: SECOND, choices: [{ message: { content: 'from the second' } }] });
    expect(response.headers).toMatchObject({ 'x-model-id': SECOND });
    expect(logs[0]).toMatchObject({
      answeredBy: SECOND,
      attempts: [
        { modelId: PRIMARY, outcome, ms: expect.any(Number), error: name },
        { modelId: SECOND, outcome: 'ok', ms: expect.any(Number) },
      ],
    });
  });

  test.each(['ValidationException', 'AccessDeniedException', 'ResourceNotFoundException'])('%s never falls back', async (name) => {
    bedrock.on(ConverseCommand, { modelId: PRIMARY }).rejects(awsError(name)).on(ConverseCommand, { modelId: SECOND }).resolves(ok);
    const response = await streamingChat(chain).buffered(ask({ stream: false }));
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(bedrock.commandCalls(ConverseCommand, { modelId: SECOND })).toHaveLength(0);
  });

  test('only the configured conditions fall back', async () => {
    bedrock.on(ConverseCommand, { modelId: PRIMARY }).rejects(awsError('ThrottlingException')).on(ConverseCommand, { modelId: SECOND }).resolves(ok);
    const response = await streamingChat({ fallbacks: { modelIds: [SECOND], on: ['timeout'] } }).buffered(ask({ stream: false }));
    expect(response.statusCode).toBe(429);
    expect(bedrock.commandCalls(ConverseCommand, { modelId: SECOND })).toHaveLength(0);
  });

  test('when every model fails, the last failure is the answer', async () => {
    bedrock.on(ConverseCommand).rejects(awsError('ThrottlingException'));
    const response = await streamingChat({ fallbacks: { modelIds: [SECOND, 'amazon.nova-pro-v1:0'] } }).buffered(ask({ stream: false }));
    expect(response.statusCode).toBe(429);
    expect(logs[0]!['attempts']).toHaveLength(3);
  });

  test('an attempt past its deadline is abandoned for the next model, inside the total budget', async () => {
    jest.useFakeTimers({ now: 0 });
    bedrock.on(ConverseCommand, { modelId: PRIMARY }).callsFake(() => new Promise(() => undefined)).on(ConverseCommand, { modelId: SECOND }).resolves(ok);
    const done = streamingChat({ fallbacks: { modelIds: [SECOND], attemptTimeoutSeconds: 3 } }).buffered(ask({ stream: false }), { getRemainingTimeInMillis: () => 25_000 });
    await jest.advanceTimersByTimeAsync(3_000);
    const response = await done;
    expect(response.statusCode).toBe(200);
    expect(logs[0]).toMatchObject({ attempts: [{ modelId: PRIMARY, outcome: 'timeout', ms: 3_000 }, { modelId: SECOND, outcome: 'ok' }] });
  });

  test('a stream falls back while nothing is sent: throttled on send, or as the first event', async () => {
    bedrock
      .on(ConverseStreamCommand, { modelId: PRIMARY })
      .rejectsOnce(awsError('ThrottlingException'))
      .resolvesOnce({ stream: events([awsError('ServiceUnavailableException')]) })
      .on(ConverseStreamCommand, { modelId: SECOND })
      .callsFake(async () => ({ stream: events([start, delta('second'), stop]) }));
    for (let i = 0; i < 2; i++) {
      const { sink, body } = recorder();
      await streamingChat(chain).streamed(ask(), sink);
      expect(sink.headers).toMatchObject({ 'x-model-id': SECOND });
      expect(dataEvents(body())[0]).toMatchObject({ model: SECOND });
    }
  });

  test('a throttled model never counts against the region in Kong\'s passive health checks: fallen back, all throttled, or failing mid-stream', async () => {
    bedrock.on(ConverseCommand, { modelId: PRIMARY }).rejects(awsError('ThrottlingException')).on(ConverseCommand, { modelId: SECOND }).resolves(ok);
    const fellBack = (await streamingChat(chain).buffered(ask({ stream: false }))).statusCode;
    bedrock.reset();
    bedrock.on(ConverseCommand).rejects(awsError('ThrottlingException'));
    const allThrottled = (await streamingChat(chain).buffered(ask({ stream: false }))).statusCode;
    bedrock.on(ConverseStreamCommand).resolves({ stream: events([start, awsError('ThrottlingException')]) });
    const { sink } = recorder();
    await streamingChat(chain).streamed(ask(), sink);
    expect([fellBack, allThrottled, sink.status]).toEqual([200, 429, 200]);
    for (const status of [fellBack, allThrottled, sink.status]) expect(PASSIVE_UNHEALTHY_STATUSES).not.toContain(status);
  });

  test('never after the first streamed byte: a failure then ends the stream', async () => {
    bedrock
      .on(ConverseStreamCommand, { modelId: PRIMARY })
      .resolves({ stream: events([start, delta('half'), awsError('ThrottlingException')]) })
      .on(ConverseStreamCommand, { modelId: SECOND })
      .resolves({ stream: events([start, delta('other'), stop]) });
    const { sink, body } = recorder();
    await streamingChat(chain).streamed(ask(), sink);
    expect(dataEvents(body()).at(-1)).toMatchObject({ error: { code: 'rate_limited' } });
    expect(bedrock.commandCalls(ConverseStreamCommand, { modelId: SECOND })).toHaveLength(0);
  });
});
