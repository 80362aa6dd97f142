import { MODEL_HOST_CONFIG_ENV } from '../../contract/model-host';
import { hostConfig } from '../support/hosts';
import { createHandler, type LogFn, type ModelHostHandler } from '../../lambda/handler';
import { handlerFromEnvironment } from '../../lambda/entry';
import { ALL_MODEL_FACTORIES } from '../../lambda/models';
import { createSentimentRuntime } from '../../lambda/models/sentiment';
import { jsonBody, proxyEvent } from '../support/events';
import { REQUEST_ID_HEADER } from '../../contract/errors';

const config = hostConfig('sentiment', { limits: { maxBodyBytes: 2048, maxInputs: 3, maxInputChars: 100 } });

let logs: Record<string, unknown>[];
const log: LogFn = (entry) => logs.push({ ...entry });
let handler: ModelHostHandler;

beforeAll(() => {
  handler = createHandler(config, { runtime: createSentimentRuntime(config), log });
});
beforeEach(() => {
  logs = [];
});

async function call(overrides: Parameters<typeof proxyEvent>[0] = {}) {
  const response = await handler(proxyEvent(overrides));
  return { ...response, json: JSON.parse(response.body) as Record<string, any> };
}

describe('model host: successful predictions', () => {
  test('a single text returns one labelled prediction with the request id', async () => {
    const response = await call(jsonBody({ inputs: 'I love this, it is wonderful!' }));
    expect(response.statusCode).toBe(200);
    expect(response.json).toEqual({
      model: 'sentiment',
      requestId: 'req-0001',
      results: [{ label: 'positive', score: expect.any(Number) }],
    });
    expect(response.json.results[0].score).toBeGreaterThan(0);
    expect(response.headers).toMatchObject({ [REQUEST_ID_HEADER]: 'req-0001', 'content-type': 'application/json; charset=utf-8' });
  });

  test('a list of texts returns one prediction per text, in order', async () => {
    const response = await call(jsonBody({ inputs: ['This is terrible and I hate it.', 'The sky is blue.', 'Great work!'] }));
    expect(response.statusCode).toBe(200);
    expect(response.json.results.map((r: { label: string }) => r.label)).toEqual(['negative', 'neutral', 'positive']);
  });

  test('scores stay within [-1, 1]', async () => {
    const response = await call(jsonBody({ inputs: ['best best best best amazing wonderful', 'worst awful horrible disaster'] }));
    for (const result of response.json.results) {
      expect(result.score).toBeGreaterThanOrEqual(-1);
      expect(result.score).toBeLessThanOrEqual(1);
    }
  });

  test('the neutral band comes from the model settings', async () => {
    const wideConfig = hostConfig('sentiment', { settings: { neutralThreshold: 0.99 } });
    const wide = createHandler(wideConfig, { runtime: createSentimentRuntime(wideConfig), log });
    const response = await wide(proxyEvent(jsonBody({ inputs: 'I love this' })));
    expect(JSON.parse(response.body).results[0].label).toBe('neutral');
  });

  test('content type parameters and header case do not matter', async () => {
    const response = await call({ headers: { 'CONTENT-TYPE': 'Application/JSON; charset=UTF-8' } });
    expect(response.statusCode).toBe(200);
  });

  test('a base64-encoded body is decoded', async () => {
    const body = Buffer.from(JSON.stringify({ inputs: 'happy' })).toString('base64');
    expect((await call({ body, isBase64Encoded: true })).statusCode).toBe(200);
  });

  test.each([
    ['bytes UTF-8 does not allow (base64-encoded)', { body: Buffer.from([0x7b, 0x22, 0x69, 0x6e, 0x70, 0x75, 0x74, 0x73, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]).toString('base64'), isBase64Encoded: true }],
    ['an overlong encoding of "/"', { body: Buffer.concat([Buffer.from('{"inputs":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]).toString('base64'), isBase64Encoded: true }],
    ['an unpaired surrogate in a text body', { body: '{"inputs":"\ud800"}' }],
  ])('a body that is not UTF-8 answers 400: %s', async (_case, event) => {
    const response = await call({ ...jsonBody({}), ...event });
    expect(response.statusCode).toBe(400);
    expect(response.json.error).toEqual({ code: 'invalid_json', message: expect.stringMatching(/^The body is not valid UTF-8/) });
  });

  test('an empty text is valid and neutral', async () => {
    const response = await call(jsonBody({ inputs: '' }));
    expect(response.json.results).toEqual([{ label: 'neutral', score: 0 }]);
  });

  test('logs the correlation id Kong forwards, so one id follows the request end to end', async () => {
    await call({ headers: { 'content-type': 'application/json', 'kong-request-id': '6a1c3e2f-0d0f-4b6e#42' } });
    expect(logs).toEqual([expect.objectContaining({ requestId: 'req-0001', correlationId: '6a1c3e2f-0d0f-4b6e#42', status: 200 })]);
  });

  test('each request writes one structured log line without the text', async () => {
    await call(jsonBody({ inputs: 'secret prompt text' }));
    expect(logs).toEqual([
      expect.objectContaining({ level: 'INFO', message: 'request', requestId: 'req-0001', model: 'sentiment', status: 200, inputs: 1 }),
    ]);
    expect(JSON.stringify(logs)).not.toContain('secret prompt text');
  });
});

describe('model host: client errors', () => {
  test.each([
    ['malformed JSON', { body: '{"inputs": ' }, 400, 'invalid_json', /not valid JSON/],
    ['an empty body', { body: '' }, 400, 'invalid_json', /body is empty/],
    ['a missing body', { body: null }, 400, 'invalid_json', /body is empty/],
    ['a JSON array body', jsonBody(['x']), 400, 'invalid_request', /the body must be a JSON object/],
    ['inputs of the wrong type', jsonBody({ inputs: 42 }), 400, 'invalid_request', /inputs must be a string or a list of at most 3 strings/],
    ['a missing inputs field', jsonBody({ text: 'x' }), 400, 'invalid_request', /unknown field "text"/],
    ['an empty inputs list', jsonBody({ inputs: [] }), 400, 'invalid_request', /inputs is empty; send at least one text/],
    ['too many inputs', jsonBody({ inputs: ['a', 'b', 'c', 'd'] }), 400, 'invalid_request', /inputs has more than 3 texts/],
    ['a text over the length limit', jsonBody({ inputs: ['ok', 'x'.repeat(101)] }), 400, 'invalid_request', /inputs\[1\] is longer than 100 characters/],
    ['a non-string in the list', jsonBody({ inputs: ['ok', 3] }), 400, 'invalid_request', /inputs\[1\] must be a string/],
    ['an unknown field', jsonBody({ inputs: 'x', parameters: {} }), 400, 'invalid_request', /does not match \{"inputs": string \| string\[\]\}: unknown field "parameters"/],
    ['a body over the byte limit', jsonBody({ inputs: 'x'.repeat(3000) }), 413, 'payload_too_large', /accepts at most 2048/],
    ['a text content type', { headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type', /"text\/plain" is not supported/],
    ['no content type', { headers: {} }, 415, 'unsupported_media_type', /Content-Type is missing/],
    ['a non-UTF-8 charset', { headers: { 'content-type': 'application/json; charset=latin1' } }, 415, 'unsupported_media_type', /Charset "latin1"/],
    ['a GET', { httpMethod: 'GET' }, 405, 'method_not_allowed', /GET is not supported/],
    ['a PUT', { httpMethod: 'PUT' }, 405, 'method_not_allowed', /PUT is not supported/],
  ])('%s is refused', async (_case, overrides, status, code, message) => {
    const response = await call(overrides as Parameters<typeof proxyEvent>[0]);
    expect(response.statusCode).toBe(status);
    expect(response.json).toEqual({ error: { code, message: expect.stringMatching(message) }, requestId: 'req-0001' });
    expect(response.headers?.[REQUEST_ID_HEADER]).toBe('req-0001');
  });

  test('405 says which method is allowed', async () => {
    expect((await call({ httpMethod: 'DELETE' })).headers).toMatchObject({ allow: 'POST' });
  });

  test('without an API Gateway request id, the Lambda request id is used', async () => {
    const response = await handler(proxyEvent({ requestContext: undefined as never }), { awsRequestId: 'lambda-req-9' });
    expect(JSON.parse(response.body).requestId).toBe('lambda-req-9');
    expect(response.headers?.[REQUEST_ID_HEADER]).toBe('lambda-req-9');
  });
});

describe('model host: failures inside the model', () => {
  test('a model that throws answers 500 internal_error without the stack, and logs the cause', async () => {
    const failing = createHandler(config, {
      log,
      runtime: {
        ...createSentimentRuntime(config),
        invoke: async () => {
          throw new Error('weights corrupted at /opt/model.bin');
        },
      },
    });
    const response = await failing(proxyEvent());
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: 'internal_error', message: expect.stringContaining('quote the request id') },
      requestId: 'req-0001',
    });
    expect(response.body).not.toContain('weights corrupted');
    expect(logs[0]).toMatchObject({ level: 'ERROR', status: 500, error: 'Error: weights corrupted at /opt/model.bin' });
  });
});

describe('model host: configuration from the environment', () => {
  test('a valid MODEL_HOST_CONFIG serves its model', async () => {
    const fromEnv = handlerFromEnvironment({ [MODEL_HOST_CONFIG_ENV]: JSON.stringify({ name: 'mood', kind: 'sentiment' }) }, ALL_MODEL_FACTORIES, log);
    const response = await fromEnv(proxyEvent());
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).model).toBe('mood');
  });

  test.each([
    ['missing', {}, /MODEL_HOST_CONFIG is not set/],
    ['not JSON', { [MODEL_HOST_CONFIG_ENV]: '{' }, /MODEL_HOST_CONFIG is not valid JSON/],
    ['an unknown kind', { [MODEL_HOST_CONFIG_ENV]: JSON.stringify({ name: 'x', kind: 'llm' }) }, /MODEL_HOST_CONFIG is invalid/],
  ])('a %s configuration answers 500 misconfigured and says which variable', async (_case, env, message) => {
    const broken = handlerFromEnvironment(env, ALL_MODEL_FACTORIES, log);
    const response = await broken(proxyEvent());
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body).error).toEqual({ code: 'misconfigured', message: expect.stringMatching(message) });
    expect(logs[0]).toMatchObject({ level: 'ERROR', message: 'model host misconfigured' });
  });
});
