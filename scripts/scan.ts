/**
 * `npm run scan [dir]`: the guardrails over an existing synthesized output (default cdktf.out),
 * as teams run checkov in CI. Prints every finding (accepted ones with their reason) and a summary;
 * exits 1 when an error-level finding is not accepted.
 */
import { blocking } from '../guardrails/engine';
import { formatFindings, summarize } from '../guardrails/report';
import { scanSynthesizedOutput } from '../guardrails/scan';
import { runCli } from '../app/cli';

runCli(() => {
  const dir = process.argv[2] ?? 'cdktf.out';
  const result = scanSynthesizedOutput(dir);
  console.log(`scanned ${result.stacks.length} stacks in ${dir}: ${result.stacks.join(', ')}`);
  if (result.unlisted.length > 0) console.log(`(${result.unlisted.join(', ')}: not in the manifest, scanned because Terraform can still run there; delete the directories of stacks you no longer use)`);
  if (result.findings.length > 0) console.log(formatFindings(result.findings));
  console.log(summarize(result.findings, result.checked));
  if (blocking(result.findings).length > 0) process.exitCode = 1;
});
