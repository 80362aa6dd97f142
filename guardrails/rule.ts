/**
 * The shape of a guardrail rule: a stable id, a level, a one-line finding, a paragraph on why it
 * matters and how to fix it, and a three-valued check of one synthesized resource.
 */

/** How bad a non-compliant resource is: errors fail synth and scan; warnings are reported. */
export type RuleLevel = 'error' | 'warning';

/** The result of checking one resource against one rule. */
export type RuleOutcome =
  | { readonly status: 'compliant' }
  | { readonly status: 'non-compliant'; readonly detail: string }
  | { readonly status: 'not-applicable' };

export const compliant: RuleOutcome = { status: 'compliant' };
export const notApplicable: RuleOutcome = { status: 'not-applicable' };
export const nonCompliant = (detail: string): RuleOutcome => ({ status: 'non-compliant', detail });

/** The type under which a stack's outputs are judged. */
export const OUTPUT_TYPE = 'output';

/** The type under which a stack's provider configurations are judged. */
export const PROVIDER_TYPE = 'provider';

/** A rule's `resourceTypes` entry that matches every block. */
export const EVERY_BLOCK = '*';

/** Whether a rule judges blocks of a resource's type. */
export function ruleApplies(rule: Pick<GuardrailRule, 'resourceTypes'>, resource: Pick<SynthResource, 'type'>): boolean {
  return rule.resourceTypes.includes(EVERY_BLOCK) || rule.resourceTypes.includes(resource.type);
}

/** One block of a synthesized stack (cdk.tf.json): a resource, data source or output, with its address. */
export interface SynthResource {
  readonly type: string;
  readonly name: string;
  /** `type.name`, as Terraform and plans show it. */
  readonly address: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** A synthesized stack, for rules that look at more than one resource. */
export interface StackView {
  readonly name: string;
  readonly resources: readonly SynthResource[];
  /** Whether the stack declares what a reference's address names (`aws_x.y`, `data.aws_x.y`, `var.z`, ...). */
  declares(address: string): boolean;
  /** Every resource of a type. */
  ofType(type: string): readonly SynthResource[];
}

/** A guardrail. */
export interface GuardrailRule {
  /** Stable id, e.g. `AIGW-APIG-1`; acknowledgements and docs refer to it. */
  readonly id: string;
  readonly level: RuleLevel;
  /** The checkov checks it stands for, if any. */
  readonly checkov: readonly string[];
  /** Resource types it looks at (`data.<type>` for data sources, `output`, or `*` for every block). */
  readonly resourceTypes: readonly string[];
  /** The finding, in one line. */
  readonly finding: string;
  /** Why it matters and how to fix it. */
  readonly explanation: string;
  /** Checks one resource of a type in `resourceTypes`. */
  evaluate(resource: SynthResource, stack: StackView): RuleOutcome;
  /**
   * Whether a finding of this rule may be accepted on a resource, with a written reason in its
   * `//` metadata: undefined when it may, otherwise why not. Rules without it are never accepted
   * (an acknowledgement of one is itself a finding, AIGW-GR-1).
   */
  readonly acknowledgeable?: (resource: SynthResource, stack: StackView) => string | undefined;
}

/** Declares a rule (a typed identity function, so rule files read as data). */
export function defineRule(rule: GuardrailRule): GuardrailRule {
  return rule;
}
