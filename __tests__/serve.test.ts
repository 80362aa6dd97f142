import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as os from 'os';
import { PROJECT_ROOT } from '../core/project';
import { entryArgs } from './support/run';


describe('npm run serve (the dev models on localhost)', () => {
  let server: ChildProcess;
  let base: string;

  beforeAll(async () => {
    server = spawn(process.execPath, entryArgs('scripts/serve.ts'), {
      cwd: PROJECT_ROOT,
      // As on a laptop without AWS credentials: nothing in the environment, no shared config.
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), PORT: '0', GATEWAY_ENV: 'dev' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let timer: NodeJS.Timeout | undefined;
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 20_000);
    }).finally(() => clearTimeout(timer));
  }, 30_000);
  afterAll(async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  const post = (model: string, body: unknown) =>
    fetch(`${base}/v1/${model}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

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
