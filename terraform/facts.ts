/** Facts about Terraform itself that the synthesized stacks depend on, and blocks built on them. */
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';

/**
 * The Terraform every stack needs: the S3 backend's `use_lockfile` (prod's state locking) first
 * shipped in 1.10.0 as experimental and became generally available in 1.11.0 (hashicorp/terraform
 * CHANGELOG.md at v1.10.0 line 36 and v1.11.0 line 10). The other features the stacks use are older:
 * the `cloud` block (1.1), `sensitive()` (0.15). The tests run 1.11.
 */
export const TERRAFORM_REQUIRED_VERSION = '>= 1.11.0';

/** The `removed` entries of each stack: several constructs forget resources in one stack. */
const forgottenByStack = new WeakMap<TerraformStack, { from: string; lifecycle: { destroy: false } }[]>();

/**
 * Stops managing, without destroying, the resource of `resourceType` that a resource construct at
 * `placeholder`'s path had (or would have had): a `removed` block with `destroy = false` for its
 * address (Terraform 1.7+). Terraform forgets the object and leaves it where it is; a block for an
 * address the state does not hold changes nothing. `placeholder` is a plain construct at the path
 * the resource would have; nothing else may live there.
 * @see https://developer.hashicorp.com/terraform/language/resources/syntax#removing-resources
 */
export function forgetResource(placeholder: Construct, resourceType: string): string {
  const stack = TerraformStack.of(placeholder);
  const address = `${resourceType}.${stack.getLogicalId(placeholder.node)}`;
  const forgotten = forgottenByStack.get(stack) ?? [];
  forgotten.push({ from: address, lifecycle: { destroy: false } });
  forgottenByStack.set(stack, forgotten);
  stack.addOverride('removed', [...forgotten]);
  return address;
}
