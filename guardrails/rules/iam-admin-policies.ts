import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

const FORBIDDEN = /:policy\/(AdministratorAccess|IAMFullAccess)$/;

/** CKV_AWS_274, CKV2_AWS_56: no administrator or IAM-full-access managed policies. */
export const iamAdminPolicies = defineRule({
  id: 'AIGW-IAM-3',
  level: 'error',
  checkov: ['CKV_AWS_274', 'CKV2_AWS_56'],
  resourceTypes: ['aws_iam_role_policy_attachment', 'aws_iam_policy_attachment', 'aws_iam_role'],
  finding: 'A role carries AdministratorAccess or IAMFullAccess.',
  explanation:
    'These AWS-managed policies give full control of the account (or of its identities, which amounts to the same). No part of this system needs them. Attach a policy scoped to the actions and resources the role uses.',
  evaluate(resource) {
    const managed = resource.values['managed_policy_arns'];
    if (isExpression(managed)) return unevaluable('managed_policy_arns', managed);
    const arns = [resource.values['policy_arn'], ...(Array.isArray(managed) ? managed : [])];
    const computed = arns.find(isExpression);
    if (computed !== undefined) return unevaluable('a policy ARN', computed);
    const bad = arns.find((arn) => typeof arn === 'string' && FORBIDDEN.test(arn));
    return bad ? nonCompliant(`attaches ${String(bad)}`) : compliant;
  },
});
