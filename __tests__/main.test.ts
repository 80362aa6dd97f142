import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../core/project';
import { configDocument, modelDocument } from './support/config';
import { appCommand } from './support/run';

/** Runs the app the way `cdktf synth` does: cdktf.json's app command with CDKTF_OUTDIR set. */
function runApp(env: Record<string, string>, outdir: string) {
  const [command, ...args] = appCommand();
  const result = spawnSync(command!, args, {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), CDKTF_OUTDIR: outdir, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('main.ts (the app cdktf runs)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-main-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('invalid configuration: exits 1, lists every problem, no stack trace, previous output untouched', () => {
    const outdir = path.join(dir, 'cdktf.out');
    fs.mkdirSync(outdir);
    fs.writeFileSync(path.join(outdir, 'manifest.json'), '{"previous":true}');
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, stringify(configDocument({ regions: ['us-east-1', 'us-east-1'], endpointType: 'EDG', models: [modelDocument({ name: 'x', memoryMb: 1 })] })));

    const run = runApp({ GATEWAY_CONFIG: file }, outdir);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Invalid configuration in');
    expect(run.stderr).toContain('(3 problems)');
    expect(run.stderr).toMatch(/regions\[1\]: duplicate of regions\[0\]/);
    expect(run.stderr).toMatch(/endpointType: received "EDG"; accepted: one of "EDGE", "REGIONAL"/);
    expect(run.stderr).toMatch(/models\[0\]\.memoryMb: received 1; accepted: an integer from 128 to 10240/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(fs.readdirSync(outdir)).toEqual(['manifest.json']);
    expect(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')).toBe('{"previous":true}');
  });

  test('an unknown GATEWAY_ENV exits 1 and names the environments that exist', () => {
    const run = runApp({ GATEWAY_ENV: 'qa' }, path.join(dir, 'out'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('GATEWAY_ENV="qa" has no configuration file');
    expect(run.stderr).toContain('Available environments: dev, prod, staging.');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('GATEWAY_ENV=staging synthesizes the staging stacks', () => {
    const outdir = path.join(dir, 'out');
    const run = runApp({ GATEWAY_ENV: 'staging' }, outdir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> };
    expect(Object.keys(manifest.stacks).sort()).toEqual([
      'aigw-staging-ap-southeast-2',
      'aigw-staging-control',
      'aigw-staging-eu-west-1',
      'aigw-staging-global',
      'aigw-staging-us-east-1',
    ]);
  });
});
