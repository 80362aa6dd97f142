/**
 * `npm run scan [dir]`: the guardrails over an existing synthesized output (default cdktf.out),
 * as teams run checkov in CI. Prints every finding (accepted ones with their reason) and a summary;
 * exits 1 when an error-level finding is not accepted. The evaluation and its report are the ones
 * the synth gate uses (app/synth.ts).
 */
import { formatEvaluation, passes } from '../guardrails/report';
import { scanSynthesizedOutput } from '../guardrails/scan';
import { runCli } from '../app/cli';

runCli(() => {
  const dir = process.argv[2] ?? 'cdktf.out';
  const evaluation = scanSynthesizedOutput(dir);
  console.log(`scanned ${evaluation.stacks.length} stacks in ${dir}: ${evaluation.stacks.join(', ')}`);
  if (evaluation.unlisted.length > 0) console.log(`(${evaluation.unlisted.join(', ')}: not in the manifest, scanned because Terraform can still run there; delete the directories of stacks you no longer use)`);
  console.log(formatEvaluation(evaluation));
  if (!passes(evaluation)) process.exitCode = 1;
});
