/**
 * Runs the rule pack over one synthesized stack (the JSON cdktf writes to cdk.tf.json): the same
 * engine for the aspect that guards `npm run synth` and for `npm run scan` over any cdktf.out.
 */
import { readAcknowledgements } from './acknowledgements';
import { RULES } from './pack';
import { foldLiterals, readTerraformDocuments, type TerraformDocument } from './terraform-json';
import { OUTPUT_TYPE, PROVIDER_TYPE, ruleApplies, type GuardrailRule, type RuleLevel, type StackView, type SynthResource } from './rule';
export { ACKNOWLEDGEMENTS_KEY, type Acknowledgement } from './acknowledgements';

/** A non-compliant resource. */
export interface Finding {
  readonly rule: string;
  readonly level: RuleLevel;
  readonly stack: string;
  readonly address: string;
  /** The rule's one-line finding. */
  readonly finding: string;
  /** What exactly is wrong with this resource. */
  readonly detail: string;
  /** The written reason, when the finding was accepted for this resource. */
  readonly acknowledged?: string;
}

/** What a stack's evaluation found, and how much it checked. */
export interface StackEvaluation {
  readonly findings: readonly Finding[];
  /** Rule × resource pairs that applied (compliant or not). */
  readonly checked: number;
}

/**
 * The blocks of a synthesized stack document that rules judge: resources (type `aws_x`, address
 * `aws_x.name`), data sources (type `data.aws_x`, address `data.aws_x.name`) and outputs (type
 * `output`, address `output.name`), and what the stack declares for references to name. The
 * document is read as Terraform reads it (guardrails/terraform-json.ts): every JSON form, literal
 * interpolations folded.
 */
export function stackView(name: string, document: unknown): StackView {
  return stackViewOf(name, readTerraformDocuments([{ file: 'cdk.tf.json', json: document ?? {} }]));
}

/** The view of a stack read from one or more documents (see {@link stackView}). */
export function stackViewOf(name: string, doc: TerraformDocument): StackView {
  const resources: SynthResource[] = [];
  const declared = new Set<string>();
  for (const [type, named] of Object.entries(doc.resource)) {
    for (const [resourceName, values] of Object.entries(named)) {
      resources.push({ type, name: resourceName, address: `${type}.${resourceName}`, values });
      declared.add(`${type}.${resourceName}`);
    }
  }
  for (const [type, named] of Object.entries(doc.data)) {
    for (const [sourceName, values] of Object.entries(named)) {
      resources.push({ type: `data.${type}`, name: sourceName, address: `data.${type}.${sourceName}`, values });
      declared.add(`data.${type}.${sourceName}`);
    }
  }
  for (const [outputName, values] of Object.entries(doc.output)) {
    resources.push({ type: OUTPUT_TYPE, name: outputName, address: `output.${outputName}`, values });
  }
  // Provider configurations (default tags, allowed accounts) reach AWS too.
  const providers = doc.other['provider'];
  for (const level of Array.isArray(providers) ? providers : providers ? [providers] : []) {
    for (const [providerName, configurations] of Object.entries(level as Record<string, unknown>)) {
      if (providerName === '//') continue;
      for (const values of (Array.isArray(configurations) ? configurations : [configurations]) as Record<string, unknown>[]) {
        const alias = typeof values?.['alias'] === 'string' ? `.${values['alias']}` : '';
        resources.push({ type: PROVIDER_TYPE, name: `${providerName}${alias}`, address: `provider.${providerName}${alias}`, values: (foldLiterals(values) ?? {}) as Record<string, unknown> });
      }
    }
  }
  for (const [kind, prefix] of [['variable', 'var'], ['locals', 'local'], ['module', 'module']] as const) {
    for (const key of Object.keys(doc[kind])) declared.add(`${prefix}.${key}`);
  }
  return { name, resources, declares: (address) => declared.has(address), ofType: (type) => resources.filter((r) => r.type === type) };
}

/** Evaluates every rule on every resource of its types. */
export function evaluateStack(view: StackView, rules: readonly GuardrailRule[] = RULES): StackEvaluation {
  const findings: Finding[] = [];
  let checked = 0;
  for (const rule of rules) {
    for (const resource of view.resources.filter((r) => ruleApplies(rule, r))) {
      const outcome = rule.evaluate(resource, view);
      if (outcome.status === 'not-applicable') continue;
      checked += 1;
      if (outcome.status === 'compliant') continue;
      const ack = readAcknowledgements(resource, view, rules).honoured.find((a) => a.rule === rule.id);
      findings.push({
        rule: rule.id,
        level: rule.level,
        stack: view.name,
        address: resource.address,
        finding: rule.finding,
        detail: outcome.detail,
        ...(ack ? { acknowledged: ack.reason } : {}),
      });
    }
  }
  return { findings, checked };
}

/** Findings that fail synth and scan: error level, not acknowledged. */
export function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.level === 'error' && f.acknowledged === undefined);
}
