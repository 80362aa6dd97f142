/**
 * Applies the rule pack to a stack during synthesis. cdktf ignores aspects added to the App, so
 * every stack adds its own (see GatewayStack). The aspect evaluates the stack's resolved Terraform
 * JSON, the same document cdk.tf.json will hold, and keeps the findings for the caller to report.
 */
import { TerraformStack, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import { evaluateStack, stackView, type StackEvaluation } from './engine';

/** Evaluates the rule pack on the stack it is added to. */
export class GuardrailsAspect implements IAspect {
  /** The result, once the stack has been synthesized. */
  evaluation: StackEvaluation | undefined;

  constructor(private readonly stack: TerraformStack) {}

  visit(node: IConstruct): void {
    if (node !== this.stack) return;
    this.evaluation = evaluateStack(stackView(this.stack.node.id, this.stack.toTerraform()));
  }
}
