/**
 * Token budgets and metering of a chat model, through the handler as Lambda runs it: the consumer
 * from Kong's header, the reservation before Bedrock is called, the settlement after, OpenAI's 429,
 * and one EMF record per call.
 */
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, type ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { meteringSchema, type Metering } from '../../contract/budgets';
import type { CounterStore } from '../../lambda/budgets/counter-store';
import { MemoryCounterStore } from '../../lambda/budgets/memory-store';
import { meteredChatRuntime } from '../../lambda/budgets/metered-chat';
import { createHandler, createStreamingHandler } from '../../lambda/handler';
import { createBedrockChatRuntime } from '../../lambda/models/bedrock-chat';
import type { ResponseSink } from '../../lambda/response-sink';
import { hostConfig } from '../support/hosts';
import { jsonBody, proxyEvent } from '../support/events';

const PRIMARY = 'eu.amazon.nova-micro-v1:0';
const SECOND = 'eu.amazon.nova-lite-v1:0';
const bedrock = mockClient(BedrockRuntimeClient);
/** 12:00:30 UTC: 30 s left in the minute. */
const NOW = Date.UTC(2026, 10, 22, 12, 0, 30);

const metering = (overrides: Partial<Metering> = {}): Metering =>
  meteringSchema.parse({
    namespace: 'GlobalAiGateway/aigw-dev',
    region: 'eu-west-1',
    table: 'aigw-dev-token-budgets',
    defaultTier: 'free',
    consumers: { 'web-app': 'team' },
    tiers: { team: { tokens: { perMinute: 1000, counts: 'total' }, usdPerDay: 1 } },
    prices: { [PRIMARY]: { inputPer1k: 0.001, outputPer1k: 0.004 }, [SECOND]: { inputPer1k: 0.002, outputPer1k: 0.008 } },
    ...overrides,
  });

function chat(options: { metering?: Metering; store?: CounterStore } = {}) {
  const config = hostConfig('bedrock-chat', {
    name: 'assistant',
    settings: { modelId: PRIMARY, fallbacks: { modelIds: [SECOND] } },
    streaming: {},
    metering: options.metering ?? metering(),
  });
  const records: Record<string, unknown>[] = [];
  const store = options.store ?? new MemoryCounterStore(() => NOW / 1000);
  const runtime = meteredChatRuntime(config, createBedrockChatRuntime(config), { metering: config.metering!, store, sink: (r) => records.push(r as Record<string, unknown>), now: () => NOW });
  const log = () => undefined;
  return { buffered: createHandler(config, { runtime, log }), streamed: createStreamingHandler(config, { runtime, log }), records };
}

const ask = (body: Record<string, unknown> = {}, consumer: string | null = 'web-app') =>
  proxyEvent({ ...jsonBody({ messages: [{ role: 'user', content: 'Hi' }], ...body }), headers: { 'Content-Type': 'application/json', ...(consumer ? { 'X-Consumer-Username': consumer } : {}) } }, 'assistant');
const answered = (inputTokens: number, outputTokens: number) => ({
  output: { message: { role: 'assistant' as const, content: [{ text: 'Hello' }] } },
  stopReason: 'end_turn' as const,
  usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
});
const throttled = () => Object.assign(new Error('Too many requests'), { name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 429 } });

beforeEach(() => bedrock.reset());
afterAll(() => bedrock.restore());

describe('a consumer within its budget', () => {
  test('is answered, with the tokens left in its tightest window after settling to the real usage', async () => {
    bedrock.on(ConverseCommand).resolves(answered(9, 2));
    const { buffered } = chat();
    const response = await buffered(ask({ max_tokens: 500 }));
    expect(response.statusCode).toBe(200);
    // 1000 - (9 + 2): the reservation of 500 + 1 was given back down to what the call used.
    expect(response.headers).toMatchObject({ 'x-ratelimit-limit-tokens': '1000', 'x-ratelimit-remaining-tokens': '989' });
  });

  test('one EMF record per call: tokens, cost at the answering model’s price, latency, under the three dimension sets', async () => {
    bedrock.on(ConverseCommand).resolves(answered(1000, 500));
    const { buffered, records } = chat();
    await buffered(ask());
    expect(records).toEqual([
      {
        _aws: {
          Timestamp: NOW,
          CloudWatchMetrics: [
            {
              Namespace: 'GlobalAiGateway/aigw-dev',
              Dimensions: [['Model', 'Region', 'Consumer', 'Tier'], ['Model', 'Region'], ['Tier', 'Region']],
              Metrics: [
                { Name: 'InputTokens', Unit: 'Count' },
                { Name: 'OutputTokens', Unit: 'Count' },
                { Name: 'CostUsd', Unit: 'None' },
                { Name: 'BudgetUsedPercent', Unit: 'Percent' },
                { Name: 'Latency', Unit: 'Milliseconds' },
              ],
            },
          ],
        },
        requestId: expect.any(String),
        answeredBy: PRIMARY,
        Model: 'assistant',
        Region: 'eu-west-1',
        Consumer: 'web-app',
        Tier: 'team',
        InputTokens: 1000,
        OutputTokens: 500,
        // 1000 × 0.001 / 1000 + 500 × 0.004 / 1000
        CostUsd: 0.003,
        // $0.003 of the $1 day
        BudgetUsedPercent: 0.3,
        Latency: 0,
      },
    ]);
  });

  test('a fallback is priced as the model that answered, and the throttled attempt is counted', async () => {
    bedrock.on(ConverseCommand, { modelId: PRIMARY }).rejects(throttled()).on(ConverseCommand, { modelId: SECOND }).resolves(answered(1000, 1000));
    const { buffered, records } = chat();
    const response = await buffered(ask());
    expect(response.statusCode).toBe(200);
    expect(records[0]).toMatchObject({ answeredBy: SECOND, CostUsd: 0.01, ModelThrottles: 1 });
  });

  test('a consumer not listed is in the default tier, and a tier without a budget is metered but never refused', async () => {
    bedrock.on(ConverseCommand).resolves(answered(9, 2));
    const { buffered, records } = chat();
    const response = await buffered(ask({ max_tokens: 4000 }, 'batch-jobs'));
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['x-ratelimit-limit-tokens']).toBeUndefined();
    expect(records[0]).toMatchObject({ Consumer: 'batch-jobs', Tier: 'free', InputTokens: 9 });
  });

  test('a streamed call carries the budget headers from its start, and settles to the usage Bedrock reports at the end', async () => {
    async function* events(): AsyncGenerator<ConverseStreamOutput> {
      yield { messageStart: { role: 'assistant' } };
      yield { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Hello' } } };
      yield { messageStop: { stopReason: 'end_turn' } };
      yield { metadata: { usage: { inputTokens: 9, outputTokens: 2, totalTokens: 11 }, metrics: { latencyMs: 5 } } };
    }
    bedrock.on(ConverseStreamCommand).callsFake(() => ({ stream: events() }));
    bedrock.on(ConverseCommand).resolves(answered(9, 2));
    const store = new MemoryCounterStore(() => NOW / 1000);
    const { streamed, buffered, records } = chat({ store });
    const sink: ResponseSink & { headers?: Record<string, string> } = {
      start: (_status, headers) => void (sink.headers = headers),
      write: () => undefined,
      end: async () => undefined,
    };
    await streamed(ask({ stream: true, max_tokens: 300 }), sink);
    // At the start, the reservation (300 + 1) is held.
    expect(sink.headers).toMatchObject({ 'content-type': 'text/event-stream; charset=utf-8', 'x-ratelimit-remaining-tokens': '699' });
    expect(records[0]).toMatchObject({ InputTokens: 9, OutputTokens: 2, TimeToFirstToken: expect.any(Number) });
    // Settled: the next call sees 11 used, not 301.
    const next = await buffered(ask({ max_tokens: 10 }));
    expect(next.headers).toMatchObject({ 'x-ratelimit-remaining-tokens': String(1000 - 11 - 11) });
  });
});

describe('a consumer past its budget', () => {
  test('gets 429 in OpenAI’s error shape, with the limit, what is left, and Retry-After to the end of the window; Bedrock is not called', async () => {
    bedrock.on(ConverseCommand).resolves(answered(9, 2));
    const { buffered, records } = chat();
    expect((await buffered(ask({ max_tokens: 500 }))).statusCode).toBe(200);
    const response = await buffered(ask({ max_tokens: 990 }));
    expect(response.statusCode).toBe(429);
    expect(response.headers).toMatchObject({ 'x-ratelimit-limit-tokens': '1000', 'x-ratelimit-remaining-tokens': '989', 'retry-after': '30' });
    const body = JSON.parse(response.body);
    expect(body).toEqual({
      error: {
        code: 'rate_limit_exceeded',
        type: 'tokens',
        param: null,
        message: 'Token budget of tier team used: 11 of 1000 per-minute tokens in this region, and this call reserves 991. Retry after 30 s (at 2026-11-22T12:01:00.000Z), or ask for fewer max_tokens.',
      },
      requestId: expect.any(String),
    });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
    expect(records[1]).toMatchObject({ BudgetRefusals: 1, Consumer: 'web-app', Tier: 'team' });
    expect(records[1]).not.toHaveProperty('InputTokens');
  });

  test('a call that alone exceeds the window is told to ask for less, with no Retry-After', async () => {
    const { buffered } = chat();
    const response = await buffered(ask({ max_tokens: 1000 }));
    expect(response.statusCode).toBe(429);
    expect(response.headers?.['retry-after']).toBeUndefined();
    expect(JSON.parse(response.body).error.message).toMatch(/reserves 1001 tokens .* more than the per-minute token budget of 1000 .* ask for fewer max_tokens/);
  });

  test('the daily dollar budget answers insufficient_quota, priced at the dearest model of the chain', async () => {
    bedrock.on(ConverseCommand).resolves(answered(9, 2));
    const { buffered } = chat({ metering: metering({ tiers: { team: { usdPerDay: 0.001 } } }) });
    // max_tokens 200 at the fallback's $0.008 per 1k: up to $0.0016, above the $0.001 day.
    const response = await buffered(ask({ max_tokens: 200 }));
    expect(response.statusCode).toBe(429);
    expect(JSON.parse(response.body).error).toMatchObject({ code: 'insufficient_quota', type: 'insufficient_quota', message: expect.stringMatching(/up to \$0\.0016, more than the daily budget of \$0\.0010/) });
  });
});

describe('failures', () => {
  test('with budgets, a request without X-Consumer-Username is refused 401 before anything is reserved or invoked', async () => {
    const { buffered } = chat();
    const response = await buffered(ask({}, null));
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body).error).toMatchObject({ code: 'consumer_required', message: expect.stringMatching(/Kong, which sets X-Consumer-Username/) });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(0);
  });

  test('a call Bedrock refuses before answering gives its reservation back', async () => {
    bedrock.on(ConverseCommand).rejectsOnce(Object.assign(new Error('bad'), { name: 'ValidationException', $fault: 'client', $metadata: {} })).resolves(answered(9, 2));
    const { buffered } = chat();
    expect((await buffered(ask({ max_tokens: 900 }))).statusCode).toBe(400);
    const next = await buffered(ask({ max_tokens: 10 }));
    expect(next.headers).toMatchObject({ 'x-ratelimit-remaining-tokens': '989' });
  });

  test('a budget store that does not answer fails the call closed (503), without invoking the model', async () => {
    const broken: CounterStore = { description: 'broken', update: () => Promise.reject(new Error('ProvisionedThroughputExceededException')) };
    const { buffered } = chat({ store: broken });
    const response = await buffered(ask());
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(response.body).error.message).toMatch(/budget store did not answer/);
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(0);
  });

  test('budgets without a store are a deployment mistake, refused when the host starts', () => {
    const config = hostConfig('bedrock-chat', { name: 'assistant', metering: metering() });
    expect(() => meteredChatRuntime(config, createBedrockChatRuntime(config), { metering: config.metering!, sink: () => undefined })).toThrow(/tiers team have budgets, but no budget table/);
  });
});
