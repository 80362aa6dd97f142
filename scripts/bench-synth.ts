/**
 * `npm run bench:synth`: times this project's synth against the AWS CDK reference app doing the same
 * job (`../shared/peers/aws-cdk-edge-api`: a Lambda per model behind an EDGE REST API per region,
 * certificate, usage plan, logging), at 3 × 2, 9 × 5 and 17 × 10 regions × models.
 *
 * - This app: cdktf.json's `app` command with a generated configuration (the reference's region
 *   lists; models cycling through the offline kinds; the smallest valid `kong` section).
 *   - warm: the build cache kept (the second synth of an unchanged tree);
 *   - cold: an empty build directory for every run (a fresh clone's first synth: the app is
 *     compiled and every model host package built).
 * - The reference: `node dist/main.js` with `CDK_VALIDATION=false` and creation stack traces off, as
 *   its README's "lean" variant; cold, from a fresh clone, it must run `tsc` first. It is copied to
 *   `.build/peer/` and installed there on first use.
 *
 * After one warm-up of each, every round runs every size, this app and the reference in turn, so a
 * drift in the machine's speed touches every figure alike (growth compares sizes, ratios compare the
 * two apps). The output directory is removed before every run, as the reference's own bench does. Each run is timed by
 * `/usr/bin/time` (wall clock and peak resident set). Prints a table of medians and writes the same
 * figures as JSON (`--json <file>`, default `.build/bench/synth.json`).
 *
 *   npm run bench:synth -- [--runs 3] [--sizes 3x2,9x5,17x10] [--no-cold] [--json file] [--peer dir] [--project dir]
 *
 * `--project` times the app of another checkout (an older revision, say) against the same reference.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { runCli } from '../app/cli';
import { GatewayError, usageError } from '../core/errors';
import { BUILD_DIR, BUILD_DIR_ENV, PROJECT_ROOT } from '../core/project';

/** The reference README's region lists, by count. */
const REGION_LISTS: Record<number, readonly string[]> = {
  3: ['us-east-1', 'eu-west-1', 'ap-southeast-1'],
  9: ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1'],
  17: [
    'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1', 'eu-west-1', 'eu-west-2', 'eu-west-3',
    'eu-central-1', 'eu-north-1', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  ],
};

/** The model kinds that need no credentials or network, cycled through. */
const OFFLINE_KINDS = ['sentiment', 'entities', 'keywords'] as const;

const TIME = '/usr/bin/time';

interface Size {
  readonly regions: number;
  readonly models: number;
}

interface Sample {
  readonly wallSeconds: number;
  readonly peakMiB: number;
}

interface Series {
  readonly medianWallSeconds: number;
  readonly peakMiB: number;
  readonly runs: readonly Sample[];
}

interface SizeResult {
  readonly size: string;
  readonly regions: number;
  readonly models: number;
  readonly warm: Series;
  readonly reference: Series;
  readonly warmRatio: number;
  readonly cold?: Series;
  readonly referenceCold?: Series;
  /** This app cold against the reference's compiled synth. */
  readonly coldRatio?: number;
  /** This app cold against the reference's fresh-clone synth (tsc, then synth). */
  readonly coldRatioToReferenceCold?: number;
}

interface Options {
  readonly runs: number;
  readonly sizes: readonly Size[];
  readonly cold: boolean;
  readonly json: string;
  readonly peer: string;
  /** The checkout whose app is timed (another revision, to compare before and after). */
  readonly project: string;
}

function parseArgs(args: readonly string[]): Options {
  let runs = 3;
  let sizes: Size[] = [
    { regions: 3, models: 2 },
    { regions: 9, models: 5 },
    { regions: 17, models: 10 },
  ];
  let cold = true;
  let json = path.join(BUILD_DIR, 'bench', 'synth.json');
  let peer = path.resolve(PROJECT_ROOT, '..', 'shared', 'peers', 'aws-cdk-edge-api');
  let project = PROJECT_ROOT;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = () => {
      const v = args[(i += 1)];
      if (v === undefined) throw usageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--runs') {
      runs = Number(value());
      if (!Number.isInteger(runs) || runs < 3) throw usageError('--runs takes an integer of at least 3');
    } else if (arg === '--sizes') {
      sizes = value().split(',').map((s) => {
        const match = /^(\d+)x(\d+)$/.exec(s.trim());
        if (!match || !REGION_LISTS[Number(match[1])]) throw usageError(`--sizes takes RxM items with R one of ${Object.keys(REGION_LISTS).join(', ')}, e.g. 3x2,17x10`);
        return { regions: Number(match[1]), models: Number(match[2]) };
      });
    } else if (arg === '--no-cold') cold = false;
    else if (arg === '--json') json = path.resolve(value());
    else if (arg === '--peer') peer = path.resolve(value());
    else if (arg === '--project') project = path.resolve(value());
    else throw usageError(`unknown argument ${JSON.stringify(arg)}; npm run bench:synth -- [--runs N] [--sizes 3x2,9x5,17x10] [--no-cold] [--json file] [--peer dir] [--project dir]`);
  }
  return { runs, sizes, cold, json, peer, project };
}

/** The generated configuration of one size: everything else at its smallest valid setting. */
export function benchConfig(size: Size): Record<string, unknown> {
  return {
    app: 'bench',
    environment: 'bench',
    regions: REGION_LISTS[size.regions],
    dns: { zoneName: 'example.com', apiDomain: 'api.example.com' },
    models: Array.from({ length: size.models }, (_, i) => ({
      name: `model${i}`,
      kind: OFFLINE_KINDS[i % OFFLINE_KINDS.length],
      allowedGroups: ['bench'],
    })),
    kong: { groups: ['bench'], tiers: { basic: { minute: 60 } }, defaultTier: 'basic' },
  };
}

/** Copies the reference app out of ../shared (read-only) and installs and compiles it, once. */
function prepareReference(source: string): string {
  if (!fs.existsSync(path.join(source, 'package.json'))) {
    throw new GatewayError('BENCH_NO_REFERENCE', `The reference app is not at ${source}. Pass its directory with --peer.`);
  }
  const target = path.join(BUILD_DIR, 'peer', path.basename(source));
  const stamp = path.join(target, '.installed-from');
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', ...fs.readdirSync(path.join(source, 'src')).map((f) => `src/${f}`)]) {
    hash.update(`${file}\0`).update(fs.readFileSync(path.join(source, file)));
  }
  const fingerprint = hash.digest('hex');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === fingerprint && fs.existsSync(path.join(target, 'dist', 'main.js'))) return target;
  console.log(`Installing the reference app into ${path.relative(PROJECT_ROOT, target)} (first use)...`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(source)) {
    if (['node_modules', 'dist', 'bench-out'].includes(entry) || entry.startsWith('cdk.out')) continue;
    fs.cpSync(path.join(source, entry), path.join(target, entry), { recursive: true });
  }
  // The copy keeps ../shared's read-only modes; the install writes beside them.
  execFileSync('chmod', ['-R', 'u+w', target]);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: target, stdio: 'inherit' });
  execFileSync(path.join(target, 'node_modules', '.bin', 'tsc'), ['-p', '.'], { cwd: target, stdio: 'inherit' });
  fs.writeFileSync(stamp, fingerprint);
  return target;
}

/** Runs a command under /usr/bin/time; fails loudly if the command fails. */
function timed(command: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; label: string }): Sample {
  const report = path.join(os.tmpdir(), `aigw-bench-time-${process.pid}.txt`);
  const run = spawnSync(TIME, ['-f', '%e %M', '-o', report, ...command], { cwd: options.cwd, env: options.env, encoding: 'utf8' });
  if (run.error) throw new GatewayError('BENCH_NO_TIME', `Cannot run ${TIME} (${run.error.message}). Install it (Debian: apt-get install time).`);
  if (run.status !== 0) {
    throw new GatewayError('BENCH_RUN_FAILED', `${options.label} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  const [wall, rssKb] = fs.readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(report, { force: true });
  return { wallSeconds: wall!, peakMiB: rssKb! / 1024 };
}

function series(samples: readonly Sample[]): Series {
  const walls = samples.map((s) => s.wallSeconds).sort((a, b) => a - b);
  const mid = Math.floor(walls.length / 2);
  const median = walls.length % 2 ? walls[mid]! : (walls[mid - 1]! + walls[mid]!) / 2;
  return { medianWallSeconds: median, peakMiB: Math.max(...samples.map((s) => s.peakMiB)), runs: samples };
}

/** How to run this app and the reference at one size. */
interface SizeRunner {
  readonly size: Size;
  readonly label: string;
  /** This app, build cache kept. */
  ours(): Sample;
  /** This app with an empty build directory: a fresh clone's first synth. */
  oursCold(): Sample;
  /** The reference, compiled. */
  theirs(): Sample;
  /** The reference from a fresh clone: `tsc`, then the synth. */
  theirsCold(): Sample;
}

function sizeRunner(size: Size, work: string, reference: string, project: string, appCommand: readonly string[]): SizeRunner {
  const label = `${size.regions}x${size.models}`;
  const configFile = path.join(work, label, 'bench.yaml');
  fs.mkdirSync(path.dirname(configFile), { recursive: true });
  fs.writeFileSync(configFile, stringify(benchConfig(size)));
  const ours = path.join(work, label, 'cdktf.out');
  const theirs = path.join(work, label, 'cdk.out');
  const ourEnv = (buildDir?: string): NodeJS.ProcessEnv => ({
    ...process.env,
    GATEWAY_CONFIG: configFile,
    CDKTF_OUTDIR: ours,
    ...(buildDir ? { [BUILD_DIR_ENV]: buildDir } : {}),
  });
  const theirEnv: NodeJS.ProcessEnv = {
    ...process.env,
    REGIONS: REGION_LISTS[size.regions]!.join(','),
    MODELS: String(size.models),
    CDK_OUT: theirs,
    CDK_VALIDATION: 'false',
    CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-stack-trace': true }),
  };
  const runOurs = (buildDir?: string) => {
    fs.rmSync(ours, { recursive: true, force: true });
    return timed(appCommand, { cwd: project, env: ourEnv(buildDir), label: `this app at ${label}` });
  };
  const runTheirs = (command: readonly string[]) => {
    fs.rmSync(theirs, { recursive: true, force: true });
    return timed(command, { cwd: reference, env: theirEnv, label: `the reference at ${label}` });
  };
  return {
    size,
    label,
    ours: () => runOurs(),
    oursCold: () => {
      const buildDir = fs.mkdtempSync(path.join(work, 'build-'));
      try {
        return runOurs(buildDir);
      } finally {
        fs.rmSync(buildDir, { recursive: true, force: true });
      }
    },
    theirs: () => runTheirs(['node', 'dist/main.js']),
    theirsCold: () => {
      fs.rmSync(path.join(reference, 'dist'), { recursive: true, force: true });
      return runTheirs(['sh', '-c', './node_modules/.bin/tsc -p . && exec node dist/main.js']);
    },
  };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const reference = prepareReference(options.peer);
  const appCommand = (JSON.parse(fs.readFileSync(path.join(options.project, 'cdktf.json'), 'utf8')) as { app: string }).app.split(/\s+/);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-bench-'));
  const results: SizeResult[] = [];
  try {
    const runners = options.sizes.map((size) => sizeRunner(size, work, reference, options.project, appCommand));
    process.stdout.write('warm-up');
    for (const runner of runners) {
      runner.ours();
      runner.theirs();
    }
    // Every round runs every size, so a drift in the machine's speed touches all sizes alike.
    const samples = runners.map(() => ({ warm: [] as Sample[], cold: [] as Sample[], ref: [] as Sample[], refCold: [] as Sample[] }));
    for (let i = 0; i < options.runs; i += 1) {
      process.stdout.write(` ${i + 1}`);
      runners.forEach((runner, n) => {
        samples[n]!.warm.push(runner.ours());
        samples[n]!.ref.push(runner.theirs());
        if (options.cold) {
          samples[n]!.cold.push(runner.oursCold());
          samples[n]!.refCold.push(runner.theirsCold());
        }
      });
    }
    process.stdout.write('\n');
    runners.forEach((runner, n) => {
      const { warm, cold, ref, refCold } = samples[n]!;
      const warmSeries = series(warm);
      const refSeries = series(ref);
      const coldSeries = options.cold ? series(cold) : undefined;
      const refColdSeries = options.cold ? series(refCold) : undefined;
      results.push({
        size: runner.label,
        regions: runner.size.regions,
        models: runner.size.models,
        warm: warmSeries,
        reference: refSeries,
        warmRatio: warmSeries.medianWallSeconds / refSeries.medianWallSeconds,
        ...(coldSeries && refColdSeries
          ? {
              cold: coldSeries,
              referenceCold: refColdSeries,
              coldRatio: coldSeries.medianWallSeconds / refSeries.medianWallSeconds,
              coldRatioToReferenceCold: coldSeries.medianWallSeconds / refColdSeries.medianWallSeconds,
            }
          : {}),
      });
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    runs: options.runs,
    results,
    growth: growth(results),
  };
  fs.mkdirSync(path.dirname(options.json), { recursive: true });
  fs.writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatTable(results, report.growth));
  console.log(`\nMedians of ${options.runs} runs after a warm-up; peak = the largest resident set of any run. JSON: ${path.relative(process.cwd(), options.json)}`);
}

/** Growth from the smallest to the largest size measured, for this app (warm) and the reference. */
function growth(results: readonly SizeResult[]): { from: string; to: string; warm: number; reference: number } | undefined {
  if (results.length < 2) return undefined;
  const first = results[0]!;
  const last = results[results.length - 1]!;
  return {
    from: first.size,
    to: last.size,
    warm: last.warm.medianWallSeconds / first.warm.medianWallSeconds,
    reference: last.reference.medianWallSeconds / first.reference.medianWallSeconds,
  };
}

function formatTable(results: readonly SizeResult[], grown: ReturnType<typeof growth>): string {
  const s = (x: number) => `${x.toFixed(2)} s`;
  const m = (x: number) => `${x.toFixed(0)} MiB`;
  const both = (x: Series | undefined) => (x ? `${s(x.medianWallSeconds)}, ${m(x.peakMiB)}` : 'not run');
  const ratio = (x: number | undefined) => (x !== undefined ? `${x.toFixed(2)}×` : '-');
  const table = (head: string[], rows: string[][]) => {
    const all = [head, ...rows];
    const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
    const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
  };
  const out = [
    'Warm (the second synth of an unchanged tree):',
    table(
      ['regions × models', 'this app', 'AWS CDK', 'ratio'],
      results.map((r) => [`${r.regions} × ${r.models}`, both(r.warm), both(r.reference), ratio(r.warmRatio)]),
    ),
  ];
  if (results.some((r) => r.cold)) {
    out.push(
      '',
      'Cold (a fresh clone\'s first synth: this app compiles itself and builds its Lambda packages; the AWS CDK app runs tsc first):',
      table(
        ['regions × models', 'this app', 'AWS CDK (tsc + synth)', 'ratio to AWS CDK synth', 'ratio to AWS CDK tsc + synth'],
        results.map((r) => [`${r.regions} × ${r.models}`, both(r.cold), both(r.referenceCold), ratio(r.coldRatio), ratio(r.coldRatioToReferenceCold)]),
      ),
    );
  }
  if (grown) out.push('', `Growth ${grown.from} → ${grown.to} (warm): this app ${grown.warm.toFixed(2)}×, AWS CDK ${grown.reference.toFixed(2)}×`);
  return out.join('\n');
}

runCli(main);
