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
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../app/cli';
import { usageError } from '../core/errors';
import { BUILD_DIR, PROJECT_ROOT } from '../core/project';
import { REGION_LISTS, prepareReference, series, sizeRunner, growth, formatTable, type Size, type Sample, type SizeResult } from '../tooling/synth-benchmark';

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

runCli(main);
