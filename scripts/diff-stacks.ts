/**
 * `npm run diff:stacks`: `cdktf diff` for every stack of the synthesized environment, in pull
 * requests, when it can run: the environment keeps state in Terraform Cloud and a token is
 * available (TF_TOKEN_<host>). Otherwise it says why it skipped, as a GitHub notice, and succeeds.
 * Run after `npm run synth` for the same GATEWAY_ENV; it diffs cdktf.out as synthesized.
 */
import { spawnSync } from 'child_process';
import { readSynthesizedStacks } from '../guardrails/scan';
import { runCli } from '../app/cli';
import { loadConfig } from '../config/load';
import { cloudTokenVariable } from '../stacks/state-backend';

runCli(() => {
  const config = loadConfig();
  if (config.backend.type !== 'cloud') {
    console.log(`::notice::cdktf diff skipped for ${config.environment}: its state is ${config.backend.type}, which pull requests cannot read; the deploy workflow plans it with AWS credentials.`);
    return;
  }
  const variable = cloudTokenVariable(config.backend.hostname);
  if (!process.env[variable]) {
    console.log(`::notice::cdktf diff skipped for ${config.environment}: no Terraform Cloud token (${variable}) is available to this run.`);
    return;
  }
  for (const { name: stack } of readSynthesizedStacks('cdktf.out')) {
    console.log(`== cdktf diff ${stack}`);
    const run = spawnSync('npx', ['cdktf', 'diff', stack, '--skip-synth', '--no-color'], { stdio: 'inherit' });
    if (run.status !== 0) process.exitCode = 1;
  }
});
