/**
 * Accepting a finding: only for one rule on one resource, only with a written reason. The
 * acknowledgement is written into the resource's `//` metadata in cdk.tf.json (Terraform ignores
 * it), so `npm run scan` sees it too, and every report shows it with its reason. This module
 * imports no rule pack (as cdk-nag's suppressions do not): the guardrails aspect checks at synth
 * that every acknowledgement names a rule of the pack it applies.
 */
import type { IConstruct } from 'constructs';
import type { TerraformResource } from 'cdktf';
import { invalidProp } from '../core/errors';
import { ACKNOWLEDGEMENTS_KEY, MIN_REASON_LENGTH, type Acknowledgement } from './acknowledgements';

const written = new WeakMap<IConstruct, Acknowledgement[]>();

/** Accepts `ruleId`'s finding on `resource` for `reason`. */
export function acknowledgeFinding(resource: TerraformResource, ruleId: string, reason: string): void {
  if (reason.trim().length < MIN_REASON_LENGTH) {
    throw invalidProp('acknowledgeFinding', 'reason', reason, `a written reason of at least ${MIN_REASON_LENGTH} characters saying why the finding is acceptable here`);
  }
  const list = written.get(resource) ?? [];
  if (list.some((a) => a.rule === ruleId)) throw invalidProp('acknowledgeFinding', 'ruleId', ruleId, 'a rule not yet acknowledged on this resource');
  list.push({ rule: ruleId, reason: reason.trim() });
  written.set(resource, list);
  resource.addOverride(`//.${ACKNOWLEDGEMENTS_KEY}.acknowledged`, list.map((a) => ({ ...a })));
}

/** The acknowledgements written on a construct (none for constructs that are not resources). */
export function acknowledgementsOn(construct: IConstruct): readonly Acknowledgement[] {
  return written.get(construct) ?? [];
}
