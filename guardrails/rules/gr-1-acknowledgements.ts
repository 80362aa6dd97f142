import { readAcknowledgements } from '../acknowledgements';
import { compliant, defineRule, EVERY_BLOCK, nonCompliant, notApplicable, type GuardrailRule } from '../rule';

/**
 * Project rule: every acknowledgement written into the output is one the pack honours (see
 * guardrails/acknowledgements.ts). `rules` gives the pack it judges against (the pack itself,
 * which lists this rule).
 */
export function guardrailAcknowledgements(rules: () => readonly GuardrailRule[]): GuardrailRule {
  return defineRule({
    id: 'AIGW-GR-1',
    level: 'error',
    checkov: [],
    resourceTypes: [EVERY_BLOCK],
    finding: 'An acknowledgement accepts nothing: it names no rule that may be accepted here, or gives no real reason.',
    explanation:
      'A finding may be accepted only for rules that allow it, only on resources where they allow it (AIGW-APIG-1: an open GET answered by a MOCK), and only with a written reason of at least a sentence. Anything else in //.guardrails.acknowledged is either a typo or an attempt to silence the guardrails, and accepts nothing. Acknowledge findings in code with acknowledgeFinding (guardrails/acknowledge.ts), never by editing the synthesized output.',
    evaluate(block, stack) {
      const { problems } = readAcknowledgements(block, stack, rules());
      if (problems.length === 0) return (block.values['//'] as { guardrails?: unknown } | undefined)?.guardrails === undefined ? notApplicable : compliant;
      return nonCompliant(problems.map((p) => p.problem).join('; '));
    },
  });
}
