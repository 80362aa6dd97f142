/**
 * What `cdktf synth` and `npm run synth` do: load one environment's configuration (GATEWAY_ENV,
 * default `dev`, or the file in GATEWAY_CONFIG), validate it and what spans the environments before
 * any construct exists, synthesize its stacks behind the guardrails gate, and report. Invalid
 * configuration or a guardrail violation throws a {@link GatewayError} listing every problem, and
 * the previous output stays as it was.
 */
import { accountSettingsIssues, accountSettingsWarnings, otherEnvironments } from '../config/environments';
import { CONFIG_DIR, loadConfig, resolveConfigSource } from '../config/load';
import { configWarnings, formatConfigWarnings } from '../config/warnings';
import { invalidConfig } from '../core/errors';
import { formatEvaluation } from '../guardrails/report';
import { outputDirectory } from './cli';
import { synthesizeGuarded } from './synth';
import { configureTokenStackTraces } from './token-stack-traces';

/** Runs a synthesis with the command line `args` and the environment `env`. */
export function synthCommand(args: readonly string[], env: NodeJS.ProcessEnv): void {
  configureTokenStackTraces();
  const outdir = outputDirectory(args, env);
  const source = resolveConfigSource(env);
  const config = loadConfig(source);
  // What spans the environments in config/: one owner of each account-and-region setting.
  const others = config.aws.accountId !== undefined || config.aws.apiGatewayAccountSettings === 'rely' ? otherEnvironments(CONFIG_DIR, config.environment) : [];
  const conflicts = accountSettingsIssues(config, others);
  if (conflicts.length > 0) throw invalidConfig(source.displayName, conflicts);
  const warnings = [...configWarnings(config), ...accountSettingsWarnings(config, others)];
  if (warnings.length > 0) console.log(formatConfigWarnings(source.displayName, warnings));
  const evaluation = synthesizeGuarded(config, outdir);
  console.log(formatEvaluation(evaluation));
  console.log(`Synthesized ${evaluation.stacks.length} stacks into ${outdir}: ${evaluation.stacks.join(', ')}`);
}
