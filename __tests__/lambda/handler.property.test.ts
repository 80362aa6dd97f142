import fc from 'fast-check';
import { modelHostConfigSchema } from '../../lambda/contract';
import { createHandler, type ModelHostEvent } from '../../lambda/handler';
import { ERROR_STATUS, REQUEST_ID_HEADER } from '../../lambda/http';

const limits = { maxBodyBytes: 4096, maxInputs: 8, maxInputChars: 200 };
const handler = createHandler(modelHostConfigSchema.parse({ name: 'sentiment', kind: 'sentiment', limits }), { log: () => {} });

const contentTypes = fc.oneof(
  fc.constant('application/json'),
  fc.constant('application/json; charset=utf-8'),
  fc.constant('text/plain'),
  fc.string(),
);

/** Any header map a client (or a broken proxy) could send, including odd casing and non-strings. */
const headers = fc.oneof(
  fc.constant(null),
  fc.dictionary(fc.string(), fc.string()),
  fc.record({ 'content-type': contentTypes }),
  fc.record({ 'Content-Type': contentTypes, 'x-api-key': fc.string() }),
  fc.dictionary(fc.string(), fc.anything()),
);

/** Bodies: random text, random JSON, near-valid request bodies, and wrong-typed values. */
const bodies = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify({ inputs: v })),
  fc.array(fc.string({ maxLength: 300 }), { maxLength: 12 }).map((inputs) => JSON.stringify({ inputs })),
  fc.anything().map((v) => {
    try {
      return JSON.stringify(v) ?? null;
    } catch {
      return null;
    }
  }),
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

describe('model host under random requests', () => {
  test('never throws, never answers 5xx, always answers JSON with a request id', async () => {
    await fc.assert(
      fc.asyncProperty(events, async (event) => {
        const response = await handler(event);
        expect(response.statusCode).toBeLessThan(500);
        const body = JSON.parse(response.body) as { requestId?: unknown; error?: { code: string } };
        expect(typeof body.requestId).toBe('string');
        expect(response.headers?.[REQUEST_ID_HEADER]).toBe(body.requestId);
        if (response.statusCode !== 200) {
          expect(ERROR_STATUS[body.error!.code as keyof typeof ERROR_STATUS]).toBe(response.statusCode);
        }
      }),
      { numRuns: 600 },
    );
  });

  test('every valid request gets one prediction per input with a known label and a score in [-1, 1]', async () => {
    const texts = fc.string({ maxLength: limits.maxInputChars, unit: 'grapheme' }).filter((t) => t.length <= limits.maxInputChars);
    await fc.assert(
      fc.asyncProperty(fc.array(texts, { minLength: 1, maxLength: limits.maxInputs }), async (inputs) => {
        const body = JSON.stringify({ inputs });
        fc.pre(Buffer.byteLength(body) <= limits.maxBodyBytes);
        const response = await handler({ httpMethod: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(response.statusCode).toBe(200);
        const { results } = JSON.parse(response.body) as { results: { label: string; score: number }[] };
        expect(results).toHaveLength(inputs.length);
        for (const { label, score } of results) {
          expect(['positive', 'negative', 'neutral']).toContain(label);
          expect(score).toBeGreaterThanOrEqual(-1);
          expect(score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
