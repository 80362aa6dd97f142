import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { createHandler, type LogEntry, type ModelHostHandler } from '../../lambda/handler';
import { createBedrockChatRuntime, finishReason } from '../../lambda/models/bedrock-chat';
import { hostConfig } from '../support/hosts';
import { jsonBody, proxyEvent } from '../support/events';

const MODEL_ID = 'amazon.nova-micro-v1:0';
const bedrock = mockClient(BedrockRuntimeClient);
let logs: LogEntry[];

function chatHandler(overrides: Record<string, unknown> = {}): ModelHostHandler {
  const config = hostConfig('bedrock-chat', {
    name: 'chat',
    settings: { modelId: MODEL_ID, defaultMaxTokens: 300, maxTokensCeiling: 1000, stopSequences: ['\n\nHuman:'] },
    limits: { maxMessages: 4, maxInputChars: 200 },
    ...overrides,
  });
  return createHandler(config, { runtime: createBedrockChatRuntime(config), log: (e) => logs.push(e) });
}

const converse = (text = 'Bonjour !', stopReason = 'end_turn') => ({
  output: { message: { role: 'assistant' as const, content: [{ text }] } },
  stopReason: stopReason as 'end_turn',
  usage: { inputTokens: 21, outputTokens: 4, totalTokens: 25 },
  metrics: { latencyMs: 120 },
});

const awsError = (name: string, message = 'details', headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { name, $fault: 'client', $metadata: {}, $response: { headers } });

async function call(handler: ModelHostHandler, body: unknown, context = {}) {
  const response = await handler(proxyEvent({ ...jsonBody(body), path: '/v1/chat', resource: '/v1/chat' }), context);
  return { ...response, json: JSON.parse(response.body) as Record<string, any> };
}

beforeEach(() => {
  bedrock.reset();
  logs = [];
});
afterAll(() => bedrock.restore());

describe('bedrock-chat: the OpenAI chat completions contract', () => {
  test('maps messages to Converse (system apart) and answers a chat.completion with usage', async () => {
    bedrock.on(ConverseCommand).resolves(converse());
    const response = await call(chatHandler(), {
      model: 'anything',
      messages: [
        { role: 'system', content: 'Answer in French.' },
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: [{ type: 'text', text: 'Salut' }] },
        { role: 'user', content: 'How are you?' },
      ],
      temperature: 0.2,
      stop: 'END',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json).toEqual({
      id: 'chatcmpl-req-0001',
      object: 'chat.completion',
      created: expect.any(Number),
      model: MODEL_ID,
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour !' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 21, completion_tokens: 4, total_tokens: 25 },
    });
    const input = bedrock.commandCalls(ConverseCommand)[0]!.args[0].input;
    expect(input).toEqual({
      modelId: MODEL_ID,
      system: [{ text: 'Answer in French.' }],
      messages: [
        { role: 'user', content: [{ text: 'Hello' }] },
        { role: 'assistant', content: [{ text: 'Salut' }] },
        { role: 'user', content: [{ text: 'How are you?' }] },
      ],
      inferenceConfig: { maxTokens: 300, temperature: 0.2, stopSequences: ['\n\nHuman:', 'END'] },
    });
  });

  test('max_tokens (or max_completion_tokens) from the request, up to the ceiling', async () => {
    bedrock.on(ConverseCommand).resolves(converse());
    await call(chatHandler(), { messages: [{ role: 'user', content: 'Hi' }], max_tokens: 1000 });
    await call(chatHandler(), { messages: [{ role: 'user', content: 'Hi' }], max_completion_tokens: 7 });
    expect(bedrock.commandCalls(ConverseCommand).map((c) => c.args[0].input.inferenceConfig?.maxTokens)).toEqual([1000, 7]);
  });

  test.each([
    ['max_tokens', 'length'],
    ['content_filtered', 'content_filter'],
    ['guardrail_intervened', 'content_filter'],
    ['tool_use', 'tool_calls'],
    ['stop_sequence', 'stop'],
  ])('stop reason %s becomes finish_reason %s', (stop, finish) => {
    expect(finishReason(stop)).toBe(finish);
  });

  test('logs token usage, sizes and latency, but not the conversation', async () => {
    bedrock.on(ConverseCommand).resolves(converse('secret answer'));
    await call(chatHandler(), { messages: [{ role: 'user', content: 'secret question' }] });
    expect(logs).toEqual([
      expect.objectContaining({
        message: 'request',
        model: 'chat',
        kind: 'bedrock-chat',
        status: 200,
        inputs: 1,
        inputChars: 15,
        outputChars: 13,
        usage: { inputTokens: 21, outputTokens: 4, totalTokens: 25 },
        latencyMs: expect.any(Number),
        inputBytes: expect.any(Number),
        outputBytes: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(logs)).not.toMatch(/secret (question|answer)/);
  });

  test('logs the conversation only when payload logging is on', async () => {
    bedrock.on(ConverseCommand).resolves(converse('secret answer'));
    await call(chatHandler({ logging: { payloads: true } }), { messages: [{ role: 'user', content: 'secret question' }] });
    expect(logs[0]).toMatchObject({ payload: { input: [{ role: 'user', content: 'secret question' }], output: 'secret answer' } });
  });
});

describe('bedrock-chat: invalid parameters are 400 before Bedrock is called', () => {
  test.each([
    ['no messages', { messages: [] }, /messages is empty; send at least one message/],
    ['only system messages', { messages: [{ role: 'system', content: 'x' }] }, /messages hold only system messages; add a user message/],
    ['too many messages', { messages: Array.from({ length: 5 }, () => ({ role: 'user', content: 'x' })) }, /messages has more than 4 messages/],
    ['too much text', { messages: [{ role: 'user', content: 'x'.repeat(201) }] }, /messages hold 201 characters; this model accepts at most 200/],
    ['an unknown role', { messages: [{ role: 'tool', content: 'x' }] }, /messages\[0\]\.role must be "system", "user" or "assistant"/],
    ['image content', { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }] }, /messages\[0\]\.content/],
    ['max_tokens over the ceiling', { messages: [{ role: 'user', content: 'x' }], max_tokens: 1001 }, /max_tokens must be at most 1000 for this model/],
    ['temperature above 1', { messages: [{ role: 'user', content: 'x' }], temperature: 1.5 }, /temperature must be between 0 and 1/],
    ['streaming from a model that does not stream', { messages: [{ role: 'user', content: 'x' }], stream: true }, /stream must be false: this model does not stream \(its configuration has no streaming section\)/],
    ['stream_options without a stream', { messages: [{ role: 'user', content: 'x' }], stream_options: { include_usage: true } }, /must be false|stream_options is only allowed with "stream": true/],
    ['several choices', { messages: [{ role: 'user', content: 'x' }], n: 2 }, /n must be 1/],
    ['an unknown field', { messages: [{ role: 'user', content: 'x' }], tools: [] }, /unknown field "tools"/],
  ])('%s', async (_case, body, message) => {
    const response = await call(chatHandler(), body);
    expect(response.statusCode).toBe(400);
    expect(response.json.error).toEqual({ code: 'invalid_request', message: expect.stringMatching(message) });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(0);
  });
});

describe('bedrock-chat: Bedrock failures become honest answers', () => {
  const hello = { messages: [{ role: 'user', content: 'Hello' }] };

  test.each([
    ['ThrottlingException', 429, 'rate_limited', /throttling requests to amazon\.nova-micro/],
    ['ServiceQuotaExceededException', 429, 'rate_limited', /throttling/],
    ['ModelTimeoutException', 504, 'upstream_timeout', /did not answer in time/],
    ['AccessDeniedException', 502, 'model_unavailable', /the model is not enabled for this account or the id is wrong/],
    ['ResourceNotFoundException', 502, 'model_unavailable', /the id is wrong/],
    ['ValidationException', 400, 'invalid_request', /Bedrock rejected the request for .*: details/],
    ['ModelNotReadyException', 503, 'service_unavailable', /is not ready on Bedrock/],
    ['ServiceUnavailableException', 503, 'service_unavailable', /retry after/],
    ['InternalServerException', 502, 'upstream_error', /Bedrock failed to run/],
    ['ModelErrorException', 502, 'upstream_error', /Bedrock failed to run/],
    ['CredentialsProviderError', 502, 'model_unavailable', /No AWS credentials are available to call Bedrock/],
  ])('%s answers %i %s', async (name, status, code, message) => {
    bedrock.on(ConverseCommand).rejects(awsError(name));
    const response = await call(chatHandler(), hello);
    expect(response.statusCode).toBe(status);
    expect(response.json.error).toEqual({ code, message: expect.stringMatching(message) });
    expect(response.body).not.toMatch(/\s+at\s/);
  });

  test('Bedrock’s AccessDenied text (account, role) goes to the log, never to the client', async () => {
    const said = 'User: arn:aws:sts::111122223333:assumed-role/aigw-dev-model-chat/aigw-dev-chat is not authorized to perform: bedrock:InvokeModel';
    bedrock.on(ConverseCommand).rejects(awsError('AccessDeniedException', said));
    const response = await call(chatHandler(), hello);
    expect(response.statusCode).toBe(502);
    expect(response.body).not.toMatch(/111122223333|assumed-role|aigw-dev-model-chat/);
    expect(logs[0]).toMatchObject({ level: 'ERROR', error: expect.stringContaining(said) });
  });

  test.each(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT'])('a network failure (%s) to Bedrock answers 502, not 500', async (code) => {
    bedrock.on(ConverseCommand).rejects(Object.assign(new Error(`connect ${code} bedrock-runtime.us-east-1.amazonaws.com`), { code }));
    const response = await call(chatHandler(), hello);
    expect(response.statusCode).toBe(502);
    expect(response.json.error).toEqual({ code: 'upstream_error', message: expect.stringMatching(/Bedrock could not be reached for .*; retry later\./) });
    expect(logs[0]).toMatchObject({ level: 'ERROR', error: expect.stringContaining(code) });
  });

  test('a 5xx Bedrock answers with an exception this code does not know by name is a 502', async () => {
    bedrock.on(ConverseCommand).rejects(Object.assign(awsError('SomeNewServerException'), { $fault: 'server', $metadata: { httpStatusCode: 500 } }));
    expect((await call(chatHandler(), hello)).statusCode).toBe(502);
  });

  test('a missing region answers 502 saying to set AWS_REGION', async () => {
    bedrock.on(ConverseCommand).rejects(new Error('Region is missing'));
    const response = await call(chatHandler(), hello);
    expect(response.statusCode).toBe(502);
    expect(response.json.error).toEqual({ code: 'model_unavailable', message: expect.stringContaining('set AWS_REGION') });
  });

  test('throttling carries Retry-After, from Bedrock when it says, else 2 s', async () => {
    bedrock.on(ConverseCommand).rejectsOnce(awsError('ThrottlingException', 'slow down', { 'retry-after': '7' })).rejectsOnce(awsError('ThrottlingException'));
    expect((await call(chatHandler(), hello)).headers).toMatchObject({ 'retry-after': '7' });
    expect((await call(chatHandler(), hello)).headers).toMatchObject({ 'retry-after': '2' });
  });

  test('a call that would outlive the Lambda deadline is aborted and answers 504', async () => {
    bedrock.on(ConverseCommand).callsFake((_input, getClient) => new Promise(() => void getClient));
    const started = Date.now();
    const response = await call(chatHandler(), hello, { getRemainingTimeInMillis: () => 1200 });
    expect(response.statusCode).toBe(504);
    expect(Date.now() - started).toBeLessThan(2000);
  }, 10_000);

  test('an unknown failure is a 500 without details, and is logged', async () => {
    bedrock.on(ConverseCommand).rejects(new TypeError('cannot read x of undefined'));
    const response = await call(chatHandler(), hello);
    expect(response.statusCode).toBe(500);
    expect(response.json.error.code).toBe('internal_error');
    expect(response.body).not.toContain('cannot read');
    expect(logs[0]).toMatchObject({ level: 'ERROR', error: 'TypeError: cannot read x of undefined' });
  });
});
