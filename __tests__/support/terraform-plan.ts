/**
 * The real terraform binary over a synthesized stack, offline. No provider can be downloaded here,
 * so every provider resource and data source is replaced by a stand-in Terraform has built in:
 *
 * - each `<type>.<name>` becomes `terraform_data.<type>__<name>`, with the same `for_each`, `count`,
 *   `depends_on` and `lifecycle`, and its arguments as `input`, so Terraform evaluates every
 *   argument expression (functions, types, `sensitive()`, `for` expressions) and every
 *   `for_each` at plan time;
 * - what other blocks read from it (`aws_x.y.arn`) comes from a local, `local.standin_<type>__<name>`:
 *   an argument the configuration sets keeps its configured value (providers echo them); anything
 *   else is unknown until apply, as a real provider plans a resource being created — except the
 *   attributes a provider is known to plan (ACM's `domain_validation_options`, see below);
 * - `terraform_remote_state` outputs are unknown and, as in real Terraform, not sensitive.
 *
 * - each provider block becomes `terraform_data.provider__<name>[__<alias>]` with its arguments as
 *   `input`, so provider configuration (default tags, allowed accounts) is evaluated too.
 *
 * Provider blocks and `required_providers` are dropped; variables stay (with their `sensitive`
 * flags), and get placeholder values. Outputs, locals and backends stay as synthesized.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { TerraformJson } from './synth';
import { standInDocument, variableValues, type Json, type ComputedValues } from './stand-ins';

/** What terraform printed, and whether it succeeded. */
export interface TerraformRun {
  readonly ok: boolean;
  readonly output: string;
}

const TERRAFORM_ENV = (dir: string) => {
  const config = path.join(dir, '.terraformrc');
  if (!fs.existsSync(config)) fs.writeFileSync(config, '');
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_CLI_CONFIG_FILE: config,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
};

function terraform(dir: string, args: string[]): TerraformRun {
  const run = spawnSync('terraform', [...args, '-no-color'], { cwd: dir, env: TERRAFORM_ENV(dir), encoding: 'utf8' });
  if (run.error) throw new Error(`terraform could not be started (${run.error.message}); the tests need a terraform binary on PATH`);
  return { ok: run.status === 0, output: `${run.stdout}\n${run.stderr}` };
}

/** `terraform init` on the stack with its synthesized backend block and providers stood in. */
export function initWithSynthesizedBackend(stack: TerraformJson): TerraformRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-tf-backend-'));
  try {
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(standInDocument(stack, 'as-synthesized')));
    return terraform(dir, ['init', '-input=false']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A plan as `terraform show -json` prints it (the parts tests read). */
export interface PlanJson {
  readonly resource_changes: readonly {
    readonly address: string;
    readonly type: string;
    readonly name: string;
    readonly index?: string | number;
    readonly change: { readonly actions: readonly string[]; readonly after: Json; readonly after_unknown: Json; readonly after_sensitive: Json };
  }[];
  readonly planned_values: { readonly outputs?: Record<string, { sensitive: boolean; value?: Json }> };
}

/**
 * `terraform plan` of the stack with providers stood in and a local backend: terraform's output and,
 * unless `json` is false (which saves a `terraform show`), the plan as JSON.
 */
export function planStack(stack: TerraformJson, computed: ComputedValues = 'unknown', options: { json?: boolean } = {}): { run: TerraformRun; plan?: PlanJson } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-tf-plan-'));
  try {
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(standInDocument(stack, { localPath: path.join(dir, 'state.tfstate') }, computed)));
    fs.writeFileSync(path.join(dir, 'standin.auto.tfvars.json'), JSON.stringify(variableValues(stack)));
    const init = terraform(dir, ['init', '-input=false']);
    if (!init.ok) return { run: init };
    const plan = terraform(dir, ['plan', '-input=false', '-refresh=false', '-lock=false', '-out=plan.bin']);
    if (!plan.ok || options.json === false) return { run: plan };
    const shown = execFileSync('terraform', ['show', '-json', 'plan.bin'], { cwd: dir, env: TERRAFORM_ENV(dir), encoding: 'utf8', maxBuffer: 64 << 20 });
    return { run: plan, plan: JSON.parse(shown) as PlanJson };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One local state carried across configurations: each `apply` plans a synthesized stack (providers
 * stood in) against what the previous applies left, shows the plan, and applies it, as successive
 * deploys of one stack would. Stand-ins need no provider, so applying works offline.
 */
export class StandInWorkspace {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-tf-workspace-'));
  private initialized = false;

  /** Plans `stack` against the state so far and applies it; the plan, or terraform's errors. */
  apply(stack: TerraformJson): { run: TerraformRun; plan?: PlanJson } {
    fs.writeFileSync(path.join(this.dir, 'main.tf.json'), JSON.stringify(standInDocument(stack, { localPath: path.join(this.dir, 'state.tfstate') })));
    fs.writeFileSync(path.join(this.dir, 'standin.auto.tfvars.json'), JSON.stringify(variableValues(stack)));
    if (!this.initialized) {
      const init = terraform(this.dir, ['init', '-input=false']);
      if (!init.ok) return { run: init };
      this.initialized = true;
    }
    const plan = terraform(this.dir, ['plan', '-input=false', '-lock=false', '-out=plan.bin']);
    if (!plan.ok) return { run: plan };
    const shown = execFileSync('terraform', ['show', '-json', 'plan.bin'], { cwd: this.dir, env: TERRAFORM_ENV(this.dir), encoding: 'utf8', maxBuffer: 64 << 20 });
    const applied = terraform(this.dir, ['apply', '-input=false', '-lock=false', 'plan.bin']);
    return { run: applied, plan: JSON.parse(shown) as PlanJson };
  }

  /** Removes the workspace. */
  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
