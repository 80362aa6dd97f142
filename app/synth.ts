/**
 * Synthesizes an environment the way `npm run synth` does, with the guardrails as a gate: the app is
 * synthesized into a staging directory beside the output, the rule pack runs once over what was
 * written there (the same evaluation `npm run scan` runs over any output), and only a clean result
 * is moved over the output. A violation is reported and nothing is written, so the previous output
 * stays as it was. Files Terraform keeps in the stack directories (.terraform, lock files) survive.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects } from 'cdktf';
import { GuardrailsAspect } from '../guardrails/aspect';
import { blocking } from '../guardrails/engine';
import { RULE_IDS, RULES } from '../guardrails/pack';
import { formatFindings } from '../guardrails/report';
import { scanSynthesizedOutput, type Evaluation } from '../guardrails/scan';
import type { GatewayConfig } from '../config/schema';
import { guardrailViolations, unknownAcknowledgedRules } from '../core/errors';
import { KONG_NODE_SETTINGS_FILE, kongNodeSettings, renderKongNodeEnv } from './kong-node-settings';
import { defineEnvironment } from './environment';

/** Staging directories are `.cdktf-staging-<pid>-<random>`, beside the output. */
const STAGING_PREFIX = '.cdktf-staging-';

/** Whether a process is running (signal 0 checks without sending anything). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes staging directories a killed synthesis left behind (its `finally` never ran): those of
 * processes that are gone, and those of older versions, which carried no process id. A synthesis
 * running beside this one keeps its own.
 */
function removeAbandonedStaging(dir: string): void {
  for (const entry of fs.readdirSync(dir)) {
    if (!entry.startsWith(STAGING_PREFIX)) continue;
    const pid = /^(\d+)-/.exec(entry.slice(STAGING_PREFIX.length))?.[1];
    if (pid !== undefined && (Number(pid) === process.pid || running(Number(pid)))) continue;
    fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
}

/**
 * Synthesizes `config` into `outdir` and returns the rule pack's evaluation of it (the same result
 * `npm run scan` reports), or throws the guardrail report without touching `outdir`. This is where
 * the pack meets the stacks: the aspect is attached here, so stacks and constructs know nothing of it.
 */
export function synthesizeGuarded(config: GatewayConfig, outdir: string): Evaluation {
  const target = path.resolve(outdir);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  removeAbandonedStaging(path.dirname(target));
  const staging = fs.mkdtempSync(path.join(path.dirname(target), `${STAGING_PREFIX}${process.pid}-`));
  try {
    const app = new App({ outdir: staging });
    const environment = defineEnvironment(app, config);
    const stacks = [environment.global, ...environment.regions, environment.control];
    const aspects = stacks.map((stack) => {
      const aspect = new GuardrailsAspect(RULE_IDS);
      Aspects.of(stack).add(aspect);
      return aspect;
    });
    app.synth();
    // What the Kong nodes must be given, beside the stack that configures Kong.
    fs.writeFileSync(
      path.join(staging, 'stacks', environment.control.node.id, KONG_NODE_SETTINGS_FILE),
      renderKongNodeEnv(kongNodeSettings(config, environment.naming), environment.control.node.id),
    );

    const unknown = aspects.flatMap((a) => a.problems);
    if (unknown.length > 0) throw unknownAcknowledgedRules(unknown, RULE_IDS);

    const evaluation = scanSynthesizedOutput(staging);
    const failing = blocking(evaluation.findings);
    if (failing.length > 0) {
      const explanations = [...new Set(failing.map((f) => f.rule))]
        .map((id) => RULES.find((r) => r.id === id)!)
        .map((rule) => `${rule.id}: ${rule.explanation}`)
        .join('\n');
      throw guardrailViolations(formatFindings(failing), failing.length, explanations);
    }

    const names = stacks.map((s) => s.node.id);
    publish(staging, target, names);
    // The stacks in the order the environment defines them: global, the regions, control.
    return { ...evaluation, stacks: names };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Moves a staged synthesis over the output by renaming (the staging directory is beside it, on the
 * same file system): each stack's files and assets (content-addressed, so the old ones go), then the
 * manifest last, so a reader never sees a manifest naming files that are not there yet.
 */
function publish(staging: string, target: string, stacks: readonly string[]): void {
  for (const stack of stacks) {
    const from = path.join(staging, 'stacks', stack);
    const to = path.join(target, 'stacks', stack);
    fs.mkdirSync(to, { recursive: true });
    fs.rmSync(path.join(to, 'assets'), { recursive: true, force: true });
    for (const entry of fs.readdirSync(from)) fs.renameSync(path.join(from, entry), path.join(to, entry));
  }
  fs.renameSync(path.join(staging, 'manifest.json'), path.join(target, 'manifest.json'));
}
