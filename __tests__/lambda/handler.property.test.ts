import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import type { ModelKind } from '../../contract/model-host';
import { createHandler, type ModelHostEvent, type ModelHostHandler } from '../../lambda/handler';
import { ALL_MODEL_FACTORIES, factoryFor } from '../../lambda/models';
import { hostConfig } from '../support/hosts';
import { ERROR_STATUS, REQUEST_ID_HEADER } from '../../contract/errors';

const bedrock = mockClient(BedrockRuntimeClient);
beforeAll(() => {
  bedrock.on(ConverseCommand).resolves({
    output: { message: { role: 'assistant', content: [{ text: 'Hello!' }] } },
    stopReason: 'end_turn',
    usage: { inputTokens: 5, outputTokens: 2, totalTokens: 7 },
    metrics: { latencyMs: 1 },
  });
});
afterAll(() => bedrock.restore());

const textLimits = { maxBodyBytes: 4096, maxInputs: 8, maxInputChars: 200 };
const chatLimits = { maxBodyBytes: 4096, maxMessages: 6, maxInputChars: 300 };

function handlerFor(kind: ModelKind): ModelHostHandler {
  const config = hostConfig(kind, { limits: kind === 'bedrock-chat' ? chatLimits : textLimits });
  return createHandler(config, { runtime: factoryFor(config, ALL_MODEL_FACTORIES)!(config), log: () => {} });
}

const contentTypes = fc.oneof(fc.constant('application/json'), fc.constant('application/json; charset=utf-8'), fc.constant('text/plain'), fc.string());

const headers = fc.oneof(
  fc.constant(null),
  fc.dictionary(fc.string(), fc.string()),
  fc.record({ 'content-type': contentTypes }),
  fc.record({ 'Content-Type': contentTypes, 'Kong-Request-ID': fc.string() }),
  fc.dictionary(fc.string(), fc.anything()),
);

const role = fc.oneof(fc.constantFrom('system', 'user', 'assistant'), fc.string());
const content = fc.oneof(fc.string({ maxLength: 120 }), fc.array(fc.record({ type: fc.oneof(fc.constant('text'), fc.string()), text: fc.string() }), { maxLength: 3 }), fc.anything());
const chatBodies = fc
  .record(
    {
      messages: fc.oneof(fc.array(fc.record({ role, content }, { requiredKeys: [] }), { maxLength: 8 }), fc.anything()),
      max_tokens: fc.oneof(fc.integer({ min: -5, max: 10_000 }), fc.double(), fc.anything()),
      temperature: fc.oneof(fc.double({ min: -1, max: 3, noNaN: false }), fc.anything()),
      top_p: fc.double(),
      stop: fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 6 })),
      stream: fc.anything(),
      n: fc.integer({ min: 0, max: 3 }),
      model: fc.string(),
    },
    { requiredKeys: [] },
  )
  .map((b) => JSON.stringify(b) ?? '');

/** Bodies: random text, random JSON, near-valid bodies of each shape, wrong-typed values. */
const bodies = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify({ inputs: v })),
  fc.array(fc.string({ maxLength: 300 }), { maxLength: 12 }).map((inputs) => JSON.stringify({ inputs })),
  chatBodies,
  fc.constant(null),
);

const events: fc.Arbitrary<ModelHostEvent> = fc.record(
  {
    httpMethod: fc.oneof(fc.constantFrom('POST', 'GET', 'PUT', 'OPTIONS', 'post'), fc.string(), fc.anything()),
    headers,
    body: bodies,
    isBase64Encoded: fc.oneof(fc.boolean(), fc.anything()),
    requestContext: fc.oneof(fc.constant(null), fc.record({ requestId: fc.oneof(fc.string(), fc.anything()) })),
  },
  { requiredKeys: [] },
);

describe.each(['sentiment', 'entities', 'keywords', 'bedrock-chat'] as const)('the %s host under random requests', (kind) => {
  const handler = handlerFor(kind);

  test('never throws, never answers 5xx, always answers JSON with a request id', async () => {
    await fc.assert(
      fc.asyncProperty(events, async (event) => {
        const response = await handler(event);
        expect(response.statusCode).toBeLessThan(500);
        const body = JSON.parse(response.body) as { requestId?: unknown; error?: { code: string } };
        if (response.statusCode !== 200) {
          expect(typeof body.requestId).toBe('string');
          expect(ERROR_STATUS[body.error!.code as keyof typeof ERROR_STATUS]).toBe(response.statusCode);
        }
        expect(typeof response.headers?.[REQUEST_ID_HEADER]).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('valid requests always succeed', () => {
  test.each(['sentiment', 'entities', 'keywords'] as const)('%s: one result per input', async (kind) => {
    const handler = handlerFor(kind);
    const texts = fc.string({ maxLength: textLimits.maxInputChars, unit: 'grapheme' }).filter((t) => t.length <= textLimits.maxInputChars);
    await fc.assert(
      fc.asyncProperty(fc.array(texts, { minLength: 1, maxLength: textLimits.maxInputs }), async (inputs) => {
        const body = JSON.stringify({ inputs });
        fc.pre(Buffer.byteLength(body) <= textLimits.maxBodyBytes);
        const response = await handler({ httpMethod: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(response.statusCode).toBe(200);
        expect((JSON.parse(response.body) as { results: unknown[] }).results).toHaveLength(inputs.length);
      }),
      { numRuns: 100 },
    );
  });

  test('bedrock-chat: every well-formed conversation gets one choice', async () => {
    const handler = handlerFor('bedrock-chat');
    const message = fc.record({ role: fc.constantFrom('system', 'user', 'assistant'), content: fc.string({ maxLength: 40 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 0, maxLength: 4 }), fc.string({ maxLength: 40 }), async (history, last) => {
        const body = JSON.stringify({ messages: [...history, { role: 'user', content: last }] });
        const response = await handler({ httpMethod: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(response.statusCode).toBe(200);
        expect((JSON.parse(response.body) as { choices: unknown[] }).choices).toHaveLength(1);
      }),
      { numRuns: 100 },
    );
  });
});
