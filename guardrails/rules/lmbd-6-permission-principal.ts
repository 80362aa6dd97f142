import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_301: no function invocable by anyone. */
export const lambdaPermissionPrincipal = defineRule({
  id: 'AIGW-LMBD-6',
  level: 'error',
  checkov: ['CKV_AWS_301'],
  resourceTypes: ['aws_lambda_permission'],
  finding: 'A Lambda permission lets any principal invoke the function.',
  explanation:
    'A principal of "*" makes the function publicly invocable by any AWS account, bypassing API Gateway and Kong entirely. Grant the service that calls it (apigateway.amazonaws.com), scoped with source_arn.',
  evaluate(permission) {
    if (isExpression(permission.values['principal'])) return unevaluable('principal', permission.values['principal']);
    return permission.values['principal'] === '*' ? nonCompliant('principal is "*"') : compliant;
  },
});
