import { secretKind } from '../../core/secrets';
import { templateEntries } from '../inspect';
import { compliant, defineRule, EVERY_BLOCK, nonCompliant } from '../rule';

/**
 * Project rule: no literal anywhere in the output looks like a secret (an access key, a private
 * key, an LLM provider key, a token), in any resource, data source, output or provider block, in
 * values and keys alike. Secrets enter as references to sensitive variables or resources, or as
 * Kong vault references, never as text.
 */
export const secretLiterals = defineRule({
  id: 'AIGW-SEC-1',
  level: 'error',
  checkov: [],
  resourceTypes: [EVERY_BLOCK],
  finding: 'A literal in the output looks like a secret.',
  explanation:
    'A secret written as text sits in the synthesized JSON, in git, in every state file and plan, and in CI logs. The configuration refuses secret-looking values, so one here came from code or a hand edit. Pass secrets as references to sensitive variables or resources (Kong: vault references to the nodes’ environment).',
  evaluate(block) {
    const { '//': _metadata, ...values } = block.values;
    for (const [at, text] of templateEntries(values)) {
      const kind = secretKind(text);
      if (kind) return nonCompliant(`${at ?? 'a value'} looks like ${kind}`);
    }
    return compliant;
  },
});
