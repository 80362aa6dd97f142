import { BUILT_IN_ROOTS, expressionContents } from '../expressions';
import { templateEntries } from '../inspect';
import { compliant, defineRule, EVERY_BLOCK, nonCompliant } from '../rule';

/**
 * Project rule: every reference in a stack names something that stack declares. Stacks share values
 * only through named outputs and `terraform_remote_state` (stacks/global-stack-reference.ts); a
 * reference to another stack's resource would reach Terraform dangling, and since the stacks skip
 * cdktf's cross-stack discovery pass (stacks/gateway-stack.ts), this rule is what refuses one.
 */
export const terraformReferencesInStack = defineRule({
  id: 'AIGW-TF-1',
  level: 'error',
  checkov: [],
  resourceTypes: [EVERY_BLOCK],
  finding: 'A reference names something this stack does not declare.',
  explanation:
    'Terraform fails the plan with "Reference to undeclared resource" when an expression names a resource, data source or variable the configuration does not declare. In this project that happens when a construct is handed a value of another stack: stacks exchange values only through the global stack’s named outputs, read with GlobalStackReference (a terraform_remote_state data source). Pass the value through it, or declare what the expression needs in this stack.',
  evaluate(block, stack) {
    const { '//': _metadata, ...values } = block.values;
    for (const [, text] of templateEntries(values)) {
      for (const reference of expressionContents(text).references) {
        if (BUILT_IN_ROOTS.has(reference.address) || stack.declares(reference.address)) continue;
        return nonCompliant(`${reference.traversal} names ${reference.address}, which this stack does not declare`);
      }
    }
    return compliant;
  },
});
