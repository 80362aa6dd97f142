/**
 * The synthesis benchmark's parts (scripts/bench-synth.ts is its entry point): the generated
 * configurations, the reference app's preparation, timed runs under /usr/bin/time, and the table.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { GatewayError } from '../core/errors';
import { BUILD_DIR, BUILD_DIR_ENV, PROJECT_ROOT } from '../core/project';

/** The reference README's region lists, by count. */
export const REGION_LISTS: Record<number, readonly string[]> = {
  3: ['us-east-1', 'eu-west-1', 'ap-southeast-1'],
  9: ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1'],
  17: [
    'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1', 'eu-west-1', 'eu-west-2', 'eu-west-3',
    'eu-central-1', 'eu-north-1', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  ],
};

/** The model kinds that need no credentials or network, cycled through. */
export const OFFLINE_KINDS = ['sentiment', 'entities', 'keywords'] as const;

export const TIME = '/usr/bin/time';

export interface Size {
  readonly regions: number;
  readonly models: number;
}

export interface Sample {
  readonly wallSeconds: number;
  readonly peakMiB: number;
}

export interface Series {
  readonly medianWallSeconds: number;
  readonly peakMiB: number;
  readonly runs: readonly Sample[];
}

export interface SizeResult {
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
export function prepareReference(source: string): string {
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
export function timed(command: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; label: string }): Sample {
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

export function series(samples: readonly Sample[]): Series {
  const walls = samples.map((s) => s.wallSeconds).sort((a, b) => a - b);
  const mid = Math.floor(walls.length / 2);
  const median = walls.length % 2 ? walls[mid]! : (walls[mid - 1]! + walls[mid]!) / 2;
  return { medianWallSeconds: median, peakMiB: Math.max(...samples.map((s) => s.peakMiB)), runs: samples };
}

/** How to run this app and the reference at one size. */
export interface SizeRunner {
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

export function sizeRunner(size: Size, work: string, reference: string, project: string, appCommand: readonly string[]): SizeRunner {
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

/** Growth from the smallest to the largest size measured, for this app (warm) and the reference. */
export function growth(results: readonly SizeResult[]): { from: string; to: string; warm: number; reference: number } | undefined {
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

export function formatTable(results: readonly SizeResult[], grown: ReturnType<typeof growth>): string {
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
