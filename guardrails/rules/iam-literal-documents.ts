import { literalPolicy } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

const DOCUMENT_FIELDS: Record<string, string> = {
  aws_iam_role: 'assume_role_policy',
  aws_iam_role_policy: 'policy',
  aws_iam_policy: 'policy',
  aws_api_gateway_rest_api_policy: 'policy',
};

/** Project rule: policy documents are literal JSON, which scanners can read. */
export const iamLiteralDocuments = defineRule({
  id: 'AIGW-IAM-5',
  level: 'error',
  checkov: [],
  resourceTypes: Object.keys(DOCUMENT_FIELDS),
  finding: 'A policy document is an expression, not literal JSON.',
  explanation:
    'Policy scanners (checkov, this rule pack) read literal JSON; a document built with jsonencode(...), a data source or a template that is JSON only once Terraform evaluates it is passed blindly, so its mistakes go unreported. Write the document as literal JSON, with references only inside string values.',
  evaluate(resource) {
    // Literal JSON once Terraform has folded literal interpolations; references only inside strings.
    const document = resource.values[DOCUMENT_FIELDS[resource.type]!];
    return literalPolicy(document) !== undefined ? compliant : nonCompliant(`${DOCUMENT_FIELDS[resource.type]} is not literal JSON`);
  },
});
