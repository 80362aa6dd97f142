/**
 * Applies the rule pack to a stack. The rules themselves judge the synthesized Terraform JSON, so
 * they run once over the written output (see app/synth.ts, the same evaluation `npm run scan`
 * runs); what can only be judged on the construct tree is judged here, during synthesis: every
 * acknowledgement must name a rule of the pack, so a typo cannot silently accept nothing.
 */
import type { IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import { acknowledgementsOn } from './acknowledge';

/** One acknowledgement the pack cannot honour. */
export interface AcknowledgementProblem {
  /** The construct path of the resource. */
  readonly path: string;
  readonly rule: string;
}

/** Checks the acknowledgements of every resource of the stack it is added to. */
export class GuardrailsAspect implements IAspect {
  /** Acknowledgements naming a rule the pack does not have. */
  readonly problems: AcknowledgementProblem[] = [];

  constructor(private readonly ruleIds: readonly string[]) {}

  visit(node: IConstruct): void {
    for (const ack of acknowledgementsOn(node)) {
      if (!this.ruleIds.includes(ack.rule)) this.problems.push({ path: node.node.path, rule: ack.rule });
    }
  }
}
