/**
 * Accepting a finding: only for one rule on one resource, only with a written reason. The
 * acknowledgement is written into the resource's `//` metadata in cdk.tf.json (Terraform ignores
 * it), so `npm run scan` sees it too, and every report shows it with its reason.
 */
import type { TerraformResource } from 'cdktf';
import { invalidProp } from '../lib/errors';
import { ACKNOWLEDGEMENTS_KEY, type Acknowledgement } from './engine';
import { RULE_IDS } from './pack';

/** The shortest reason accepted: a sentence, not a shrug. */
export const MIN_REASON_LENGTH = 30;

const written = new WeakMap<TerraformResource, Acknowledgement[]>();

/** Accepts `ruleId`'s finding on `resource` for `reason`. */
export function acknowledgeFinding(resource: TerraformResource, ruleId: string, reason: string): void {
  if (!RULE_IDS.includes(ruleId)) {
    throw invalidProp('acknowledgeFinding', 'ruleId', ruleId, `one of the rule ids: ${RULE_IDS.join(', ')}`);
  }
  if (reason.trim().length < MIN_REASON_LENGTH) {
    throw invalidProp('acknowledgeFinding', 'reason', reason, `a written reason of at least ${MIN_REASON_LENGTH} characters saying why the finding is acceptable here`);
  }
  const list = written.get(resource) ?? [];
  if (list.some((a) => a.rule === ruleId)) throw invalidProp('acknowledgeFinding', 'ruleId', ruleId, 'a rule not yet acknowledged on this resource');
  list.push({ rule: ruleId, reason: reason.trim() });
  written.set(resource, list);
  resource.addOverride(`//.${ACKNOWLEDGEMENTS_KEY}.acknowledged`, list.map((a) => ({ ...a })));
}
