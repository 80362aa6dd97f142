/**
 * The cdktf app: loads one environment's configuration (GATEWAY_ENV, default `dev`, or the file in
 * GATEWAY_CONFIG), validates it before any construct exists, synthesizes its stacks, and checks them
 * against the guardrails. Invalid configuration or a guardrail violation prints every problem and
 * exits non-zero, leaving the previous cdktf.out alone.
 */
import { formatFindings, summarize } from './guardrails/report';
import { runCli } from './lib/cli';
import { loadConfig } from './lib/config/load';
import { synthesizeGuarded } from './lib/synth';

runCli(() => {
  const config = loadConfig();
  const result = synthesizeGuarded(config, process.env['CDKTF_OUTDIR'] ?? 'cdktf.out');
  console.log(summarize(result.findings, result.checked));
  if (result.findings.length > 0) console.log(formatFindings(result.findings));
});
