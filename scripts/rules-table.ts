/** Prints the rule pack as a Markdown table (used to keep docs/security.md in step; a test checks it). */
import { renderRulesTable } from '../guardrails/docs';
import { runCli } from '../app/cli';

runCli(() => {
  console.log(renderRulesTable());
});
