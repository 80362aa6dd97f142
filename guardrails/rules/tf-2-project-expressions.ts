import { expressionContents } from '../expressions';
import { templateEntries } from '../inspect';
import { compliant, defineRule, EVERY_BLOCK, nonCompliant } from '../rule';

/**
 * The functions this project's constructs call in expressions: `jsonencode` (Kong plugin configs
 * with references, deployment triggers), `sensitive` (values read from another stack's state),
 * `sha1` (deployment triggers), `toset`/`tolist` (validation records), `lookup` (their fields).
 * Anything else in an interpolation did not come from the project.
 */
export const PROJECT_FUNCTIONS: ReadonlySet<string> = new Set(['jsonencode', 'sensitive', 'sha1', 'tolist', 'toset', 'lookup']);

/**
 * Project rule: every interpolation is one the project generates. Configuration text reaches
 * Terraform escaped (terraform/literals.ts), so an interpolation calling another function
 * (`file`, `templatefile`, `base64decode`, ...) or a template directive (`%{ ... }`) means text got
 * in as an expression: a hand edit, or a path around the boundary.
 */
export const terraformProjectExpressions = defineRule({
  id: 'AIGW-TF-2',
  level: 'error',
  checkov: [],
  resourceTypes: [EVERY_BLOCK],
  finding: 'An expression calls a function, or uses a template directive, that this project never generates.',
  explanation:
    'Text from the configuration is written in Terraform’s literal forms ($${, %%{), so it can never run as an expression. The project’s own expressions are references and a few functions (jsonencode, sensitive, sha1, tolist, toset, lookup). A call such as file("...") reads the deploy runner’s files into AWS, and a %{ directive changes text at plan time: either came from data or from a hand edit. Regenerate the output with cdktf synth and do not edit it; if a construct needs another function, add it to PROJECT_FUNCTIONS with the reason.',
  evaluate(block) {
    const { '//': _metadata, ...values } = block.values;
    for (const [at, text] of templateEntries(values)) {
      const contents = expressionContents(text);
      const foreign = contents.functions.find((f) => !PROJECT_FUNCTIONS.has(f));
      if (foreign !== undefined) return nonCompliant(`${at ?? 'a value'} calls ${foreign}()`);
      if (contents.directives.length > 0) return nonCompliant(`${at ?? 'a value'} holds a template directive (%{${contents.directives[0]}})`);
    }
    return compliant;
  },
});
