/** Guardrail findings as a readable table: level, rule, Terraform address, finding. */
import { maskSecrets } from '../core/secrets';
import { blocking, type Finding } from './engine';
import type { Evaluation } from './scan';

/** Formats findings as a table; acknowledged findings show their reason. */
export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '  (no findings)';
  const rows = findings.map((f) => [
    f.acknowledged !== undefined ? 'accepted' : f.level,
    f.rule,
    `${f.stack}: ${f.address}`,
    maskSecrets(`${f.finding} (${f.detail})${f.acknowledged !== undefined ? ` Accepted: ${f.acknowledged}` : ''}`),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]!.padEnd(widths[2]!)}  ${r[3]}`).join('\n');
}

/** A one-line summary: how many checks, errors, warnings and accepted findings. */
export function summarize(findings: readonly Finding[], checked: number): string {
  const errors = blocking(findings).length;
  const warnings = findings.filter((f) => f.level === 'warning' && f.acknowledged === undefined).length;
  const accepted = findings.filter((f) => f.acknowledged !== undefined).length;
  return `guardrails: ${checked} checks, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${accepted} accepted`;
}

/**
 * The report of an evaluation, as synth and scan print it: every finding (accepted ones with their
 * reason), then the summary line.
 */
export function formatEvaluation(evaluation: Evaluation): string {
  const lines = evaluation.findings.length > 0 ? [formatFindings(evaluation.findings)] : [];
  return [...lines, summarize(evaluation.findings, evaluation.checked)].join('\n');
}

/** Whether an evaluation lets the output through: no error-level finding that is not accepted. */
export function passes(evaluation: Evaluation): boolean {
  return blocking(evaluation.findings).length === 0;
}
