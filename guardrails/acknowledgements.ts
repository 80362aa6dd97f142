/**
 * Reading acknowledgements from synthesized output, where anyone could have written them: one is
 * honoured only when it names a rule of the pack that may be accepted, that judges the resource it
 * sits on and accepts it there, and when it carries a real reason. Anything else accepts nothing
 * and is itself a finding (rule AIGW-GR-1).
 */
import { ruleApplies, type GuardrailRule, type StackView, type SynthResource } from './rule';

/** An acknowledgement as written into a resource's `//` metadata. */
export interface Acknowledgement {
  readonly rule: string;
  readonly reason: string;
}

/** Where acknowledgements live in a synthesized resource: `//.guardrails.acknowledged`. */
export const ACKNOWLEDGEMENTS_KEY = 'guardrails';

/** The shortest reason accepted: a sentence, not a shrug. */
export const MIN_REASON_LENGTH = 30;

/** An acknowledgement that cannot be honoured, and why. */
export interface AcknowledgementProblem {
  readonly rule: string;
  readonly problem: string;
}

/** The acknowledgements of a resource, split into those honoured and those refused. */
export function readAcknowledgements(
  resource: SynthResource,
  stack: StackView,
  rules: readonly GuardrailRule[],
): { readonly honoured: readonly Acknowledgement[]; readonly problems: readonly AcknowledgementProblem[] } {
  const meta = (resource.values['//'] as Record<string, unknown> | undefined)?.[ACKNOWLEDGEMENTS_KEY];
  if (meta === undefined) return { honoured: [], problems: [] };
  const raw = (meta as { acknowledged?: unknown } | null)?.acknowledged;
  if (!Array.isArray(raw)) return { honoured: [], problems: [{ rule: '?', problem: `//.${ACKNOWLEDGEMENTS_KEY}.acknowledged must be a list of { rule, reason }` }] };
  const honoured: Acknowledgement[] = [];
  const problems: AcknowledgementProblem[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    const { rule: id, reason } = (entry ?? {}) as { rule?: unknown; reason?: unknown };
    if (typeof id !== 'string' || typeof reason !== 'string') {
      problems.push({ rule: typeof id === 'string' ? id : '?', problem: 'an acknowledgement is { rule, reason }, both text' });
      continue;
    }
    const rule = rules.find((r) => r.id === id);
    const problem =
      rule === undefined
        ? `${id} is no rule of the pack`
        : seen.has(id)
          ? `${id} is acknowledged twice`
          : rule.acknowledgeable === undefined
            ? `${id} is never accepted`
            : !ruleApplies(rule, resource)
              ? `${id} does not judge ${resource.type}`
              : reason.trim().length < MIN_REASON_LENGTH
                ? `the reason for ${id} is ${reason.trim().length} characters; write at least ${MIN_REASON_LENGTH} saying why the finding is acceptable here`
                : rule.acknowledgeable(resource, stack);
    seen.add(id);
    if (problem === undefined) honoured.push({ rule: id, reason: reason.trim() });
    else problems.push({ rule: id, problem });
  }
  return { honoured, problems };
}
