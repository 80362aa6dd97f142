/**
 * The cdktf app. `cdktf synth|diff|deploy` run it through cdktf.json's `app` (output directory in
 * CDKTF_OUTDIR); `npm run synth` runs it directly (`--output <dir>`, default cdktf.out). What it does
 * is app/synth-command.ts; app/ is the composition root that wires configuration, stacks and the
 * guardrails together.
 */
import { runCli } from './app/cli';
import { synthCommand } from './app/synth-command';

runCli(() => synthCommand(process.argv.slice(2), process.env));
