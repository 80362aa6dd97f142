import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Whether a terraform binary is on PATH (it is on this project's machines; providers are not). */
export const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

/**
 * Evaluates Terraform expressions (as cdk.tf.json writes them, e.g. `${jsonencode({...})}`) with the
 * real terraform, offline: a configuration with only variables and locals needs no provider.
 */
export function evaluateWithTerraform(
  locals: Record<string, string>,
  variables: Record<string, string> = {},
): Record<string, unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-tf-'));
  try {
    const config = {
      ...(Object.keys(variables).length
        ? { variable: Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, { type: 'string', default: value, sensitive: true }])) }
        : {}),
      locals,
    };
    const everything = `{${Object.keys(locals).map((name) => `${name} = local.${name}`).join(', ')}}`;
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(config));
    const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
    execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env, stdio: 'pipe' });
    const out = execFileSync('terraform', ['console', '-no-color'], {
      cwd: dir,
      env,
      input: `nonsensitive(jsonencode(${everything}))\n`,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // console prints the string result quoted (HCL string syntax, compatible with JSON here).
    return JSON.parse(JSON.parse(out.trim().split('\n').pop()!)) as Record<string, unknown>;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
