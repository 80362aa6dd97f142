/**
 * Synthesizes an environment the way `npm run synth` does, with the guardrails as a gate: the app is
 * synthesized into a staging directory beside the output, the rule pack's findings are collected
 * from every stack, and only a clean result is copied over the output. A violation is reported and
 * nothing is written, so the previous output stays as it was. Files Terraform keeps in the stack
 * directories (.terraform, lock files) survive the copy.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { blocking, type Finding } from '../guardrails/engine';
import { RULES } from '../guardrails/pack';
import { formatFindings } from '../guardrails/report';
import type { GatewayConfig } from './config/schema';
import { guardrailViolations } from './errors';
import { defineEnvironment } from '../stacks/environment';

/** What a guarded synthesis produced. */
export interface GuardedSynthesis {
  /** The stacks written. */
  readonly stacks: readonly string[];
  /** Every finding, including accepted ones and warnings. */
  readonly findings: readonly Finding[];
  /** Rule × resource checks that applied. */
  readonly checked: number;
}

/** Synthesizes `config` into `outdir`, or throws the guardrail report without touching it. */
export function synthesizeGuarded(config: GatewayConfig, outdir: string): GuardedSynthesis {
  const target = path.resolve(outdir);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(target), '.cdktf-staging-'));
  try {
    const app = new App({ outdir: staging });
    const environment = defineEnvironment(app, config);
    app.synth();

    const stacks = [environment.global, ...environment.regions, environment.control];
    const findings: Finding[] = [];
    let checked = 0;
    for (const stack of stacks) {
      const evaluation = stack.guardrails.evaluation;
      if (!evaluation) throw new Error(`guardrails did not run on ${stack.node.id}`);
      findings.push(...evaluation.findings);
      checked += evaluation.checked;
    }

    const failing = blocking(findings);
    if (failing.length > 0) {
      const explanations = [...new Set(failing.map((f) => f.rule))]
        .map((id) => RULES.find((r) => r.id === id)!)
        .map((rule) => `${rule.id}: ${rule.explanation}`)
        .join('\n');
      throw guardrailViolations(formatFindings(failing), failing.length, explanations);
    }

    publish(staging, target, stacks.map((s) => s.node.id));
    return { stacks: stacks.map((s) => s.node.id), findings, checked };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Copies a staged synthesis over the output, replacing each stack's assets (they are content-addressed). */
function publish(staging: string, target: string, stacks: readonly string[]): void {
  for (const stack of stacks) fs.rmSync(path.join(target, 'stacks', stack, 'assets'), { recursive: true, force: true });
  fs.cpSync(staging, target, { recursive: true, force: true });
}
