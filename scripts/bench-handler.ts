/**
 * `npm run bench:handler`: measures the bundled model host, the artifact Lambda runs, per model kind:
 *
 * - package size: the deployment zip synth ships;
 * - cold initialisation: time to load the bundle with its configuration (model loading included),
 *   each in a fresh Node process, several times;
 * - latency per request: p50/p99 of in-process invocations for a small (1 KB) and a large request.
 *   Bedrock chat is measured against a stub Bedrock on loopback, so the number is the host's and the
 *   SDK's overhead, not Bedrock's inference time.
 *
 * It prints a table and the budgets, and exits non-zero when a budget is missed.
 * Options (environment): BENCH_COLD_RUNS (default 7), BENCH_REQUESTS (default 2000).
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http2 from 'http2';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { MODEL_HOST_CONFIG_ENV, type ModelKind } from '../contract/model-host';
import { modelHostPackage, MODEL_HOST_HANDLER, unpackModelHostPackage } from '../constructs/model-host-bundle';
import { runCliAsync } from '../app/cli';

/**
 * The budgets: package size, cold start, a 1 KB sentiment request, and the worst case of the text
 * kinds: p99 per 64 KB text of the adversarial set, answered (200) or refused (400).
 */
export const BUDGETS = { zippedBytes: 5 * 1024 * 1024, coldInitMs: 300, sentimentSmallP50Ms: 5, adversarialP99Ms: 50 } as const;

/**
 * Texts that once cost the text kinds quadratic time (runs without whitespace, of punctuation
 * above all) or many tokens per character, each 64 KB: one text per request, under limits that
 * admit it.
 */
const ADVERSARIAL_CHARS = 65_536;
export const ADVERSARIAL: Record<string, string> = {
  'exclamations': '!'.repeat(ADVERSARIAL_CHARS),
  'hash-a': '#a'.repeat(ADVERSARIAL_CHARS / 2),
  'bang-question': '!?'.repeat(ADVERSARIAL_CHARS / 2),
  'one-letter': 'a'.repeat(ADVERSARIAL_CHARS),
  'spaced-bangs': '! '.repeat(ADVERSARIAL_CHARS / 2),
  'spaced-digits': '1 '.repeat(ADVERSARIAL_CHARS / 2),
  'spaced-hashtags': '#a '.repeat(Math.floor(ADVERSARIAL_CHARS / 3)),
  'dotted': 'a.b '.repeat(ADVERSARIAL_CHARS / 4),
  'prose': SENTENCE_FOR_ADVERSARIAL().repeat(Math.ceil(ADVERSARIAL_CHARS / 103)).slice(0, ADVERSARIAL_CHARS),
};
const ADVERSARIAL_LIMITS = { maxBodyBytes: 4 * ADVERSARIAL_CHARS, maxInputChars: ADVERSARIAL_CHARS };
const ADVERSARIAL_REQUESTS = Number(process.env['BENCH_ADVERSARIAL_REQUESTS'] ?? 30);

function SENTENCE_FOR_ADVERSARIAL(): string {
  return 'The new release is fast and reliable, although the setup guide could be clearer for first-time users. ';
}

const COLD_RUNS = Number(process.env['BENCH_COLD_RUNS'] ?? 7);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 2000);

const SENTENCE = 'The new release is fast and reliable, although the setup guide could be clearer for first-time users. ';
const ONE_KB_TEXT = SENTENCE.repeat(10).slice(0, 1000);

/** What each kind is measured with. */
const CASES: Record<ModelKind, { config: object; small: object; large: object }> = {
  sentiment: { config: { name: 'sentiment', kind: 'sentiment' }, small: { inputs: ONE_KB_TEXT }, large: { inputs: Array(32).fill(ONE_KB_TEXT) } },
  entities: { config: { name: 'entities', kind: 'entities' }, small: { inputs: ONE_KB_TEXT }, large: { inputs: Array(32).fill(ONE_KB_TEXT) } },
  keywords: { config: { name: 'keywords', kind: 'keywords' }, small: { inputs: ONE_KB_TEXT }, large: { inputs: Array(32).fill(ONE_KB_TEXT) } },
  'bedrock-chat': {
    config: { name: 'assistant', kind: 'bedrock-chat', settings: { modelId: 'amazon.nova-micro-v1:0' } },
    small: { messages: [{ role: 'user', content: ONE_KB_TEXT }] },
    large: { messages: Array.from({ length: 20 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: ONE_KB_TEXT })).concat([{ role: 'user', content: 'Summarise.' }]) },
  },
};

interface Result {
  kind: ModelKind;
  rawBytes: number;
  zippedBytes: number;
  coldMs: number[];
  small: { p50: number; p99: number };
  large: { p50: number; p99: number };
  /** Text kinds: p99 and status of each adversarial text. */
  adversarial?: Record<string, { p99: number; status: number }>;
}

/** Runs inside a fresh Node process: loads the bundle, measures init, then requests. */
const CHILD = String.raw`
const [file, exported, mode, n, small, large] = process.argv.slice(1);
const t0 = process.hrtime.bigint();
const mod = require(file);
const initMs = Number(process.hrtime.bigint() - t0) / 1e6;
const event = (body) => ({ httpMethod: 'POST', headers: { 'content-type': 'application/json' }, body, requestContext: { requestId: 'bench' } });
const ctx = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 25000 };
async function measure(body) {
  const times = [];
  for (let i = 0; i < 100; i++) await mod[exported](event(body), ctx);
  for (let i = 0; i < Number(n); i++) {
    const s = process.hrtime.bigint();
    const r = await mod[exported](event(body), ctx);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
    if (r.statusCode !== 200) throw new Error('status ' + r.statusCode + ': ' + r.body);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p99: at(0.99) };
}
async function worst(bodies, n) {
  const out = {};
  for (const [name, body] of Object.entries(bodies)) {
    const times = [];
    let status = 0;
    for (let i = 0; i < Number(n); i++) {
      const s = process.hrtime.bigint();
      const r = await mod[exported](event(body), ctx);
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
      status = r.statusCode;
      if (r.statusCode !== 200 && r.statusCode !== 400) throw new Error(name + ': status ' + r.statusCode + ': ' + r.body);
    }
    times.sort((a, b) => a - b);
    out[name] = { p99: times[Math.min(times.length - 1, Math.floor(0.99 * times.length))], status };
  }
  return out;
}
(async () => {
  if (mode === 'cold') { process.stdout.write(JSON.stringify({ initMs })); return; }
  if (mode === 'adversarial') { process.stdout.write(JSON.stringify(await worst(JSON.parse(require('fs').readFileSync(small, 'utf8')), n))); return; }
  const s = await measure(small);
  const l = await measure(large);
  process.stdout.write(JSON.stringify({ small: s, large: l }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/**
 * A stub of Bedrock's Converse endpoint on loopback that answers every call at once. HTTP/2 without
 * TLS, because the Bedrock Runtime client talks HTTP/2.
 */
async function startStubBedrock(): Promise<{ url: string; close: () => void }> {
  const answer = JSON.stringify({
    output: { message: { role: 'assistant', content: [{ text: 'A short answer.' }] } },
    stopReason: 'end_turn',
    usage: { inputTokens: 250, outputTokens: 4, totalTokens: 254 },
    metrics: { latencyMs: 0 },
  });
  const server = http2.createServer();
  server.on('stream', (stream) => {
    stream.resume();
    stream.on('end', () => {
      stream.respond({ ':status': 200, 'content-type': 'application/json' });
      stream.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** Runs the child asynchronously: the stub Bedrock lives in this process and must keep answering. */
function runChild(bundleFile: string, env: NodeJS.ProcessEnv, args: string[]): Promise<unknown> {
  const [, exported] = MODEL_HOST_HANDLER.split('.');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', CHILD, bundleFile, exported!, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${err.message}\n${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

async function benchKind(kind: ModelKind, stubUrl: string): Promise<Result> {
  const pkg = modelHostPackage(kind);
  const zippedBytes = pkg.zipBytes;
  const { config, small, large } = CASES[kind];
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-bench-'));
  unpackModelHostPackage(pkg, path.join(home, 'task'));
  const file = path.join(home, 'task', `${MODEL_HOST_HANDLER.split('.')[0]}.js`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: home,
    [MODEL_HOST_CONFIG_ENV]: JSON.stringify(config),
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: stubUrl,
  };
  try {
    const coldMs: number[] = [];
    for (let run = 0; run < COLD_RUNS; run++) coldMs.push(((await runChild(file, env, ['cold'])) as { initMs: number }).initMs);
    const warm = (await runChild(file, env, ['warm', String(REQUESTS), JSON.stringify(small), JSON.stringify(large)])) as Pick<Result, 'small' | 'large'>;
    if (kind === 'bedrock-chat') return { kind, rawBytes: pkg.bundleBytes, zippedBytes, coldMs, ...warm };
    const adversarialEnv = { ...env, [MODEL_HOST_CONFIG_ENV]: JSON.stringify({ ...config, limits: ADVERSARIAL_LIMITS }) };
    const bodies = Object.fromEntries(Object.entries(ADVERSARIAL).map(([name, text]) => [name, JSON.stringify({ inputs: text })]));
    // Too large for a command line: handed over in a file.
    const bodiesFile = path.join(home, 'adversarial.json');
    fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
    const adversarial = (await runChild(file, adversarialEnv, ['adversarial', String(ADVERSARIAL_REQUESTS), bodiesFile, ''])) as Result['adversarial'];
    return { kind, rawBytes: pkg.bundleBytes, zippedBytes, coldMs, ...warm, adversarial };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const stub = await startStubBedrock();
  const results: Result[] = [];
  try {
    for (const kind of Object.keys(CASES) as ModelKind[]) results.push(await benchKind(kind, stub.url));
  } finally {
    stub.close();
  }

  console.log(`model host bench on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${COLD_RUNS} cold starts, ${REQUESTS} requests per size`);
  console.log('small = one 1 KB text (chat: one 1 KB message); large = 32 × 1 KB texts (chat: 21 messages, ~20 KB)\n');
  const rows = [
    ['kind', 'zipped', 'bundle', 'cold init median', 'cold init max', 'small p50', 'small p99', 'large p50', 'large p99'],
    ...results.map((r) => [r.kind, mb(r.zippedBytes), mb(r.rawBytes), ms(median(r.coldMs)), ms(Math.max(...r.coldMs)), ms(r.small.p50), ms(r.small.p99), ms(r.large.p50), ms(r.large.p99)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));

  const texts = results.filter((r) => r.adversarial);
  const names = Object.keys(ADVERSARIAL);
  console.log(`\nadversarial texts of ${ADVERSARIAL_CHARS / 1024} KB, one per request (p99 of ${ADVERSARIAL_REQUESTS}; 400 = refused as too dense)`);
  const table = [['kind', ...names], ...texts.map((r) => [r.kind, ...names.map((n) => `${ms(r.adversarial![n]!.p99)}${r.adversarial![n]!.status === 400 ? ' (400)' : ''}`)])];
  const columns = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(columns[i]!)).join('  '));
  const worstCase = Math.max(...texts.flatMap((r) => Object.values(r.adversarial!).map((a) => a.p99)));

  const largestZip = Math.max(...results.map((r) => r.zippedBytes));
  const slowestCold = Math.max(...results.map((r) => median(r.coldMs)));
  const sentiment = results.find((r) => r.kind === 'sentiment')!;
  const budgets = [
    [`zipped bundle ≤ ${mb(BUDGETS.zippedBytes)}`, `largest ${mb(largestZip)}`, largestZip <= BUDGETS.zippedBytes],
    [`cold init ≤ ${BUDGETS.coldInitMs} ms (median per kind)`, `slowest ${ms(slowestCold)}`, slowestCold <= BUDGETS.coldInitMs],
    [`p50 ≤ ${BUDGETS.sentimentSmallP50Ms} ms for a 1 KB sentiment request`, ms(sentiment.small.p50), sentiment.small.p50 <= BUDGETS.sentimentSmallP50Ms],
    [`p99 ≤ ${BUDGETS.adversarialP99Ms} ms per 64 KB adversarial text`, `worst ${ms(worstCase)}`, worstCase <= BUDGETS.adversarialP99Ms],
  ] as const;
  console.log('\nbudgets');
  for (const [name, measured, met] of budgets) console.log(`  ${met ? 'met   ' : 'MISSED'}  ${name}: ${measured}`);
  if (budgets.some(([, , met]) => !met)) process.exitCode = 1;
}

runCliAsync(main);
