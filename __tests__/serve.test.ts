import { spawn, spawnSync, type ChildProcess } from 'child_process';
import type { AddressInfo } from 'net';
import * as os from 'os';
import { PROJECT_ROOT } from '../core/project';
import { createBedrockStub } from '../tooling/bedrock-stub';
import { entryArgs } from './support/run';

/** Starts `npm run serve` (dev) with the given extra environment; resolves to its base URL. */
async function startServe(env: Record<string, string> = {}): Promise<{ server: ChildProcess; base: string; logs: () => string }> {
  const server = spawn(process.execPath, entryArgs('scripts/serve.ts'), {
    cwd: PROJECT_ROOT,
    // As on a laptop without AWS credentials: nothing in the environment, no shared config.
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), PORT: '0', GATEWAY_ENV: 'dev', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  let timer: NodeJS.Timeout | undefined;
  const base = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 20_000);
  }).finally(() => clearTimeout(timer));
  return { server, base, logs: () => out };
}

async function stopServe(server: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  return exited;
}

describe('npm run serve (the dev models on localhost)', () => {
  let server: ChildProcess;
  let base: string;

  beforeAll(async () => {
    ({ server, base } = await startServe());
  }, 30_000);
  afterAll(async () => {
    expect(await stopServe(server)).toBe(0);
  });

  // Kong names the consumer in front of the regions; locally the client does.
  const post = (model: string, body: unknown) =>
    fetch(`${base}/v1/${model}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-consumer-username': 'web-app' }, body: JSON.stringify(body) });

  test('answers real sentiment predictions offline', async () => {
    const response = await post('sentiment', { inputs: 'great' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ model: 'sentiment', results: [{ label: 'positive' }] });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('serves every hosted model of the configuration at its API Gateway path', async () => {
    expect((await post('entities', { inputs: 'mail bob@example.com' })).status).toBe(200);
    expect((await post('keywords', { inputs: 'cloud tools' })).status).toBe(200);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  test('answers client mistakes exactly as the deployed host does', async () => {
    const response = await fetch(`${base}/v1/sentiment`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  test('a Bedrock model without AWS credentials answers 502 saying what to set', async () => {
    const response = await post('assistant', { messages: [{ role: 'user', content: 'Hi' }] });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 'model_unavailable', message: expect.stringContaining('No AWS credentials') } });
  });

  test('a body that is not UTF-8 answers 400, as the deployed host does', async () => {
    const response = await fetch(`${base}/v1/sentiment`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0x22, 0x69, 0x6e, 0x70, 0x75, 0x74, 0x73, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^The body is not valid UTF-8/);
  });

  test.each([
    ['a PORT that is not a port (or out of range)', () => 'eighty', /^Usage: PORT="eighty" is not a port; use an integer from 0 \(any free port\) to 65535/m],
    ['a port in use', () => new URL(base).port, /^Cannot listen on 127\.0\.0\.1:\d+: the port is in use\. Set PORT to a free port \(PORT=0 picks one\)\./m],
  ])('%s is a plain error and exit 1, not a stack trace', async (_case, port, message) => {
    const second = spawnSync(process.execPath, entryArgs('scripts/serve.ts'), {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), PORT: port(), GATEWAY_ENV: 'dev' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(message);
    expect(second.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  test('an unknown path answers 404 listing the models', async () => {
    const response = await post('nope', {});
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('/v1/sentiment');
  });
});

describe('npm run serve streams a Bedrock model, against the stub Bedrock (npm run stub:bedrock)', () => {
  const TOKEN_MS = 60;
  const stub = createBedrockStub({ reply: 'one two three four five six', firstTokenMs: 50, tokenMs: TOKEN_MS, throttle: ['amazon.nova-micro-v1:0'] });
  let serve: Awaited<ReturnType<typeof startServe>>;

  beforeAll(async () => {
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    const { port } = stub.server.address() as AddressInfo;
    serve = await startServe({ AWS_ENDPOINT_URL_BEDROCK_RUNTIME: `http://127.0.0.1:${port}`, AWS_ACCESS_KEY_ID: 'stub', AWS_SECRET_ACCESS_KEY: 'stub' });
  }, 30_000);
  afterAll(async () => {
    expect(await stopServe(serve.server)).toBe(0);
    await new Promise((resolve) => stub.server.close(resolve));
  });

  test('chunks arrive as the model produces them, from the fallback when the primary is throttled', async () => {
    const started = performance.now();
    const response = await fetch(`${serve.base}/v1/assistant`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-consumer-username': 'web-app' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_usage: true } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    // dev's chain: Nova Micro (throttled by the stub), then Nova Lite.
    expect(response.headers.get('x-model-id')).toBe('amazon.nova-lite-v1:0');

    const reads: { at: number; text: string }[] = [];
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) reads.push({ at: performance.now() - started, text: decoder.decode(chunk, { stream: true }) });
    const body = reads.map((r) => r.text).join('');
    const events = body.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.slice('data: '.length)) as { model: string; choices: { delta: { content?: string } }[]; usage: unknown });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('one two three four five six');
    expect(chunks.every((c) => c.model === 'amazon.nova-lite-v1:0')).toBe(true);
    expect(chunks.at(-1)!.usage).toMatchObject({ completion_tokens: 6 });
    // Streamed, not buffered: the words came in separate reads, spread over the stub's pace.
    const wordReads = reads.filter((r) => r.text.includes('"content":"') && !r.text.includes('"content":""'));
    expect(wordReads.length).toBeGreaterThanOrEqual(4);
    // The six words leave the stub over 5 × TOKEN_MS; a buffered answer would arrive in one read. A
    // busy machine may hold the first reads back and bunch them, so the bound keeps a margin.
    expect(wordReads.at(-1)!.at - wordReads[0]!.at).toBeGreaterThanOrEqual(2 * TOKEN_MS);
    expect(stub.calls.map((c) => `${c.modelId} ${c.outcome}`)).toEqual(['amazon.nova-micro-v1:0 throttled', 'amazon.nova-lite-v1:0 answered']);
  }, 20_000);

  test('"stream": false on the same model answers one chat.completion', async () => {
    const response = await fetch(`${serve.base}/v1/assistant`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-consumer-username': 'web-app' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }] }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ object: 'chat.completion', model: 'amazon.nova-lite-v1:0', choices: [{ message: { content: 'one two three four five six' } }] });
  });

  test('enforces the tier budgets in-process: a free-tier consumer past its share of the minute gets 429, and every call is an EMF line', async () => {
    expect(serve.logs()).toContain("budgets: us-east-1's share of each tier's budgets, kept in in-process memory");
    const call = (maxTokens: number, consumer: string | null = 'batch-jobs') =>
      fetch(`${serve.base}/v1/assistant`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(consumer ? { 'x-consumer-username': consumer } : {}) },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }], max_tokens: maxTokens }),
      });
    // dev's free tier: 3000 tokens a minute, a third of it in each of three regions.
    const first = await call(990);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit-tokens')).toBe('1000');
    const left = Number(first.headers.get('x-ratelimit-remaining-tokens'));
    expect(left).toBeLessThan(991);
    const refused = await call(990);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-remaining-tokens')).toBe(String(left));
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limit_exceeded', type: 'tokens', param: null } });
    expect((await call(10, null)).status).toBe(401);
    const records = serve
      .logs()
      .split('\n')
      .filter((line) => line.startsWith('{"_aws"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.filter((r) => r['Consumer'] === 'batch-jobs')).toEqual([
      expect.objectContaining({ Tier: 'free', Model: 'assistant', Region: 'us-east-1', OutputTokens: 6, ModelThrottles: 1 }),
      expect.objectContaining({ Tier: 'free', BudgetRefusals: 1 }),
    ]);
  });
});
