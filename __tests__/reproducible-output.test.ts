import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { BUILD_DIR, PROJECT_ROOT } from '../core/project';
import { configDocument, modelDocument } from './support/config';
import { appCommand } from './support/run';

/** Every file under `dir`, relative, sorted. */
function files(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? files(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)]))
    .sort();
}

/** The files that differ between two output directories (by path or by bytes). */
function differences(a: string, b: string): string[] {
  const left = files(a);
  const right = files(b);
  const paths = [...new Set([...left, ...right])].sort();
  return paths.filter((file) => !left.includes(file) || !right.includes(file) || !fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file))));
}

/** The app, run from `root` as cdktf runs it, with its own build directory. */
function synth(root: string, configFile: string, outdir: string, buildDir: string, timeZone = 'UTC'): void {
  const [command, ...args] = appCommand();
  const run = spawnSync(command!, args, {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: os.tmpdir(), GATEWAY_CONFIG: configFile, CDKTF_OUTDIR: outdir, GATEWAY_BUILD_DIR: buildDir, TZ: timeZone },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`synth in ${root} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
}

/** A copy of the working tree (what git would clone, plus uncommitted edits) with node_modules linked in. */
function cloneWorkingTree(): string {
  const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-clone-'));
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  for (const file of tracked.split('\0').filter(Boolean)) {
    const from = path.join(PROJECT_ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree, not yet in the index
    fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    fs.copyFileSync(from, path.join(clone, file));
  }
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
  return clone;
}

describe('the synthesized output is reproducible', () => {
  let work: string;
  let configFile: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-repro-'));
    configFile = path.join(work, 'test.yaml');
    fs.writeFileSync(configFile, stringify(configDocument({ regions: ['eu-west-1'], models: [modelDocument()] })));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('a synth from the build cache here and one building from scratch in another clone directory and time zone write byte-identical files', () => {
    // Here: the app and packages the global setup built (.build), reused from the cache.
    synth(PROJECT_ROOT, configFile, path.join(work, 'here'), BUILD_DIR);
    expect(files(path.join(work, 'here'))).toContain(path.join('stacks', 'aigw-test-eu-west-1', 'cdk.tf.json'));
    const clone = cloneWorkingTree();
    try {
      // There: everything built anew, in UTC+14, where a zip stamped in local time would differ by a day.
      synth(clone, configFile, path.join(work, 'there'), path.join(work, 'build-there'), 'Pacific/Kiritimati');
      const written = files(path.join(work, 'there'));
      // The Lambda package is among the files compared.
      expect(written.some((file) => file.endsWith('.zip'))).toBe(true);
      expect(differences(path.join(work, 'here'), path.join(work, 'there'))).toEqual([]);
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
    }
  });
});
