/**
 * The cdktf app: loads one environment's configuration (GATEWAY_ENV, default `dev`, or the file in
 * GATEWAY_CONFIG), validates it before any construct exists, synthesizes its stacks, and checks them
 * against the guardrails. Invalid configuration or a guardrail violation prints every problem and
 * exits non-zero, leaving the previous output alone.
 *
 * `cdktf synth|diff|deploy` run it through cdktf.json's `app` (output directory in CDKTF_OUTDIR);
 * `npm run synth` runs it directly (`--output <dir>`, default cdktf.out), without the cdktf CLI.
 */
import { formatFindings, summarize } from './guardrails/report';
import { outputDirectory, runCli } from './app/cli';
import { accountSettingsIssues, accountSettingsWarnings, otherEnvironments } from './config/environments';
import { CONFIG_DIR, loadConfig, resolveConfigSource } from './config/load';
import { invalidConfig } from './core/errors';
import { configWarnings, formatConfigWarnings } from './config/warnings';
import { synthesizeGuarded } from './app/synth';
import { configureTokenStackTraces } from './app/token-stack-traces';

runCli(() => {
  configureTokenStackTraces();
  const outdir = outputDirectory(process.argv.slice(2), process.env);
  const source = resolveConfigSource();
  const config = loadConfig(source);
  // What spans the environments in config/: one owner of each account-and-region setting.
  const others = config.aws.accountId !== undefined || config.aws.apiGatewayAccountSettings === 'rely' ? otherEnvironments(CONFIG_DIR, config.environment) : [];
  const conflicts = accountSettingsIssues(config, others);
  if (conflicts.length > 0) throw invalidConfig(source.displayName, conflicts);
  const warnings = [...configWarnings(config), ...accountSettingsWarnings(config, others)];
  if (warnings.length > 0) console.log(formatConfigWarnings(source.displayName, warnings));
  const result = synthesizeGuarded(config, outdir);
  console.log(summarize(result.findings, result.checked));
  if (result.findings.length > 0) console.log(formatFindings(result.findings));
  console.log(`Synthesized ${result.stacks.length} stacks into ${outdir}: ${result.stacks.join(', ')}`);
});
