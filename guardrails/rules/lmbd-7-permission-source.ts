import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** CKV_AWS_364: service principals are scoped to a source. */
export const lambdaPermissionSource = defineRule({
  id: 'AIGW-LMBD-7',
  level: 'error',
  checkov: ['CKV_AWS_364'],
  resourceTypes: ['aws_lambda_permission'],
  finding: 'A Lambda permission for an AWS service has no source_arn or source_account.',
  explanation:
    'A service principal without a source lets that service invoke the function on behalf of any resource in any account (the confused deputy). Set source_arn to the calling resource, e.g. the REST API’s execution ARN with its stage, method and path.',
  evaluate(permission) {
    if (isExpression(permission.values['principal'])) return unevaluable('principal', permission.values['principal']);
    const principal = String(permission.values['principal'] ?? '');
    if (!principal.endsWith('.amazonaws.com')) return notApplicable;
    return permission.values['source_arn'] || permission.values['source_account'] ? compliant : nonCompliant(`${principal} with no source_arn or source_account`);
  },
});
