import { permissionDocuments, POLICY_DOCUMENT_TYPES } from '../iam-patterns';
import { literalPolicy } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable, type SynthResource } from '../rule';

/** Where resource types keep a policy document other than a permission policy. */
const OTHER_DOCUMENT_FIELDS: Record<string, string> = {
  aws_iam_role: 'assume_role_policy',
  aws_api_gateway_rest_api: 'policy',
  aws_api_gateway_rest_api_policy: 'policy',
};

/** Every policy document of a resource, with the setting it sits in. */
function documentsOf(resource: SynthResource): { setting: string; document: unknown }[] {
  const field = OTHER_DOCUMENT_FIELDS[resource.type];
  const other = field !== undefined && resource.values[field] !== undefined ? [{ setting: field, document: resource.values[field] }] : [];
  return [...other, ...((POLICY_DOCUMENT_TYPES as readonly string[]).includes(resource.type) ? permissionDocuments(resource) : [])];
}

/** Project rule: policy documents are literal JSON, which scanners can read. */
export const iamLiteralDocuments = defineRule({
  id: 'AIGW-IAM-5',
  level: 'error',
  checkov: [],
  resourceTypes: [...new Set([...POLICY_DOCUMENT_TYPES, ...Object.keys(OTHER_DOCUMENT_FIELDS)])],
  finding: 'A policy document is an expression, not literal JSON.',
  explanation:
    'Policy scanners (checkov, this rule pack) read literal JSON; a document built with jsonencode(...), a data source or a template that is JSON only once Terraform evaluates it is passed blindly, so its mistakes go unreported. Write the document as literal JSON, with references only inside string values.',
  evaluate(resource) {
    // Literal JSON once Terraform has folded literal interpolations; references only inside strings.
    const documents = documentsOf(resource);
    if (documents.length === 0) return notApplicable;
    const bad = documents.find(({ document }) => literalPolicy(document) === undefined);
    return bad ? nonCompliant(`${bad.setting} is not literal JSON`) : compliant;
  },
});
