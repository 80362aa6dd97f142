import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { MODEL_HOST_CONFIG_ENV, type ModelKind } from '../../contract/model-host';
import { execFile } from 'child_process';
import type { AddressInfo } from 'net';
import { MODEL_HOST_HANDLER, MODEL_HOST_STREAM_HANDLER } from '../../constructs/model-host-bundle';
import { createBedrockStub } from '../../tooling/bedrock-stub';
import { configDocument, modelDocument } from '../support/config';
import { gatewayConfigSchema } from '../../config/schema';
import { proxyEvent } from '../support/events';
import { resources, synthesizeEnvironment, type SynthesizedApp } from '../support/synth';

/** The response of one invocation, and the JSON log lines the host wrote (stdout and stderr, as CloudWatch gets them). */
type Invocation = { statusCode: number; body: string; headers: Record<string, string>; logs: Record<string, unknown>[] };

/** Runs one invocation of an unpacked Lambda package in a fresh Node process, as Lambda would. */
function invokePackage(dir: string, env: Record<string, string>, event: unknown): Invocation {
  const [file, exported] = MODEL_HOST_HANDLER.split('.');
  const script = `
    const mod = require(${JSON.stringify(path.join(dir, `${file}.js`))});
    mod[${JSON.stringify(exported)}](JSON.parse(process.argv[1]), { awsRequestId: 'ctx', getRemainingTimeInMillis: () => 10000 })
      .then((r) => process.stdout.write('\\n@@' + JSON.stringify(r)));`;
  const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(event)], {
    // A clean environment: no AWS credentials, no shared config, no instance metadata probe.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the package crashed (exit ${run.status}): ${run.stderr}`);
  const marker = run.stdout.lastIndexOf('@@');
  const logs = `${run.stdout.slice(0, marker)}\n${run.stderr}`
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...(JSON.parse(run.stdout.slice(marker + 2)) as Omit<Invocation, 'logs'>), logs };
}

/**
 * Runs the streaming export of an unpacked package in a fresh Node process, with stand-ins for the
 * `awslambda` globals Lambda's Node.js runtime provides: `streamifyResponse` marks the handler, and
 * `HttpResponseStream.from` records the prelude (status, headers) before the body, as Lambda sends it.
 * Asynchronous, so that a stub Bedrock in this process can answer.
 */
function invokeStreamingPackage(dir: string, env: Record<string, string>, event: unknown): Promise<{ streamified: boolean; prelude: { statusCode: number; headers: Record<string, string> }; writes: string[] }> {
  const [file, exported] = MODEL_HOST_STREAM_HANDLER.split('.');
  const script = `
    const marked = new Set();
    globalThis.awslambda = {
      streamifyResponse: (fn) => { marked.add(fn); return fn; },
      HttpResponseStream: { from: (stream, prelude) => { stream.prelude = prelude; return stream; } },
    };
    const mod = require(${JSON.stringify(path.join(dir, `${file}.js`))});
    const writes = [];
    const stream = { write: (t) => { writes.push(String(t)); return true; }, end: (cb) => cb && cb() };
    mod[${JSON.stringify(exported)}](JSON.parse(process.argv[1]), stream, { awsRequestId: 'ctx', getRemainingTimeInMillis: () => 60000 })
      .then(() => process.stdout.write('\\n@@' + JSON.stringify({ streamified: marked.has(mod[${JSON.stringify(exported)}]), prelude: stream.prelude, writes })));`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', script, JSON.stringify(event)],
      { env: { PATH: process.env.PATH ?? '', HOME: dir, AWS_REGION: 'eu-west-1', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env }, encoding: 'utf8' },
      (err, stdout, stderr) => (err ? reject(new Error(`the package crashed: ${stderr}`)) : resolve(JSON.parse(stdout.slice(stdout.lastIndexOf('@@') + 2)))),
    );
  });
}

const KINDS: ModelKind[] = ['sentiment', 'entities', 'keywords', 'bedrock-chat'];

describe('the Lambda packages synth produces (what Lambda runs)', () => {
  let synth: SynthesizedApp;
  let work: string;
  /** Per model kind: the unpacked zip and the function's environment, as synthesized. */
  const packages = new Map<ModelKind, { dir: string; env: Record<string, string>; zipBytes: number; files: string[] }>();

  beforeAll(() => {
    const config = gatewayConfigSchema.parse(
      configDocument({
        regions: ['eu-west-1'],
        models: [
          modelDocument({ name: 'sentiment' }),
          modelDocument({ name: 'entities', kind: 'entities' }),
          modelDocument({ name: 'keywords', kind: 'keywords', settings: { maxKeywords: 3 } }),
          modelDocument({ name: 'chat', kind: 'bedrock-chat', settings: { modelId: 'amazon.nova-micro-v1:0' }, timeoutSeconds: 60, streaming: {} }),
        ],
      }),
    );
    synth = synthesizeEnvironment(config);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-pkg-'));
    const stackDir = path.join(synth.outdir, synth.manifest.stacks['aigw-test-eu-west-1']!.workingDirectory);
    for (const fn of resources(synth.stack('aigw-test-eu-west-1'), 'aws_lambda_function')) {
      const env = (fn['environment'] as { variables: Record<string, string> }).variables;
      const kind = (JSON.parse(env[MODEL_HOST_CONFIG_ENV]!) as { kind: ModelKind }).kind;
      const zip = fs.readFileSync(path.join(stackDir, fn['filename'] as string));
      const dir = path.join(work, kind);
      fs.mkdirSync(dir);
      const entries = unzipSync(new Uint8Array(zip));
      for (const [name, data] of Object.entries(entries)) fs.writeFileSync(path.join(dir, name), data);
      packages.set(kind, { dir, env, zipBytes: zip.byteLength, files: Object.keys(entries) });
    }
  });
  afterAll(() => {
    synth.cleanup();
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('each kind has its own package: index.js and the data files it requires, run where no node_modules can be found', () => {
    expect([...packages.keys()].sort()).toEqual([...KINDS].sort());
    for (const [kind, { files, dir }] of packages) {
      expect(files).toContain('index.js');
      // The rest are JSON data files esbuild copied (content-hashed names), which index.js requires.
      const code = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
      for (const data of files.filter((f) => f !== 'index.js')) {
        expect(data).toMatch(/^[\w.-]+-[A-Z0-9]{8}\.json$/);
        expect(code).toContain(`require("./${data}")`);
      }
      if (kind !== 'bedrock-chat') expect(files).toContain(files.find((f) => f.startsWith('eng-core-web-model-')));
      // Node resolves packages upwards from the module's directory: none above means the
      // invocations below prove the package is self-contained.
      for (let up = dir; up !== path.dirname(up); up = path.dirname(up)) {
        expect(fs.existsSync(path.join(up, 'node_modules'))).toBe(false);
      }
    }
  });

  test('the Bedrock package does not carry the language model, and the text packages do not carry the Bedrock client', () => {
    expect(packages.get('bedrock-chat')!.zipBytes).toBeLessThan(packages.get('sentiment')!.zipBytes / 2);
    expect(fs.readFileSync(path.join(packages.get('sentiment')!.dir, 'index.js'), 'utf8')).not.toContain('ConverseCommand');
  });

  test.each([
    ['sentiment', { inputs: ['I love it', 'I hate it'] }, { results: [{ label: 'positive' }, { label: 'negative' }] }],
    ['entities', { inputs: 'Pay $20 on March 3rd to bob@example.com' }, { results: [{ entities: expect.arrayContaining([{ text: 'bob@example.com', type: 'EMAIL' }]) }] }],
    ['keywords', { inputs: 'Cloud platforms help teams. Cloud tools and cloud platforms scale.' }, { results: [{ keywords: [{ keyword: 'cloud', count: 3 }, { keyword: 'platform', count: 2 }, expect.anything()] }] }],
  ] as const)('%s answers a prediction with the environment synth gave it', (kind, body, expected) => {
    const { dir, env } = packages.get(kind)!;
    const response = invokePackage(dir, env, proxyEvent({ body: JSON.stringify(body) }));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ model: kind, requestId: 'req-0001', ...expected });
  });

  test('bedrock-chat without AWS credentials answers 502 with what to set, not a crash', () => {
    const { dir, env } = packages.get('bedrock-chat')!;
    const response = invokePackage(dir, env, proxyEvent({ body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }] }) }));
    expect(response.statusCode).toBe(502);
    expect(JSON.parse(response.body).error).toEqual({ code: 'model_unavailable', message: expect.stringContaining('No AWS credentials') });
    // The metrics record (CloudWatch EMF, straight to stdout), then the request's log line.
    expect(response.logs).toEqual([
      expect.objectContaining({
        _aws: expect.objectContaining({ CloudWatchMetrics: [expect.objectContaining({ Namespace: 'GlobalAiGateway/aigw-test' })] }),
        Model: 'chat',
        Region: 'eu-west-1',
        Consumer: 'unknown',
        Latency: expect.any(Number),
      }),
      expect.objectContaining({ level: 'ERROR', message: 'request', status: 502, kind: 'bedrock-chat' }),
    ]);
  });

  test('a streaming model runs streamHandler, wrapped by streamifyResponse, and streams events from Bedrock (a stub) through HttpResponseStream', async () => {
    const stub = createBedrockStub({ reply: 'a b c', firstTokenMs: 0, tokenMs: 5 });
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    try {
      const { dir, env } = packages.get('bedrock-chat')!;
      const endpoint = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}`;
      const result = await invokeStreamingPackage(
        dir,
        { ...env, AWS_ENDPOINT_URL_BEDROCK_RUNTIME: endpoint, AWS_ACCESS_KEY_ID: 'stub', AWS_SECRET_ACCESS_KEY: 'stub' },
        proxyEvent({ body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }], stream: true }) }),
      );
      expect(result.streamified).toBe(true);
      expect(result.prelude).toEqual({ statusCode: 200, headers: expect.objectContaining({ 'content-type': 'text/event-stream; charset=utf-8', 'x-model-id': 'eu.amazon.nova-micro-v1:0' }) });
      const text = result.writes.join('');
      expect(text).toContain('"delta":{"content":"a "}');
      expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
      expect(stub.calls).toEqual([{ operation: 'ConverseStream', modelId: 'eu.amazon.nova-micro-v1:0', outcome: 'answered' }]);
    } finally {
      await new Promise((resolve) => stub.server.close(resolve));
    }
  });

  test('a package answers 500 misconfigured, not a crash, when its environment names another kind', () => {
    const { dir } = packages.get('sentiment')!;
    const response = invokePackage(dir, { [MODEL_HOST_CONFIG_ENV]: JSON.stringify({ name: 'k', kind: 'keywords' }) }, proxyEvent());
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body).error).toEqual({ code: 'misconfigured', message: expect.stringContaining('this bundle serves sentiment, not keywords') });
    expect(response.logs).toEqual([expect.objectContaining({ level: 'ERROR', message: 'model host misconfigured', detail: 'this bundle serves sentiment, not keywords' })]);
  });
});
