import { list, literalPolicy } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** CKV_AWS_62/63, CKV2_AWS_40: no "*" or "iam:*" actions. */
export const iamWildcardActions = defineRule({
  id: 'AIGW-IAM-2',
  level: 'error',
  checkov: ['CKV_AWS_62', 'CKV_AWS_63', 'CKV2_AWS_40'],
  resourceTypes: ['aws_iam_role_policy', 'aws_iam_policy'],
  finding: 'An IAM policy allows every action, or every IAM action.',
  explanation:
    'Action "*" is administrator access, and "iam:*" lets the holder grant itself anything; a compromised model host would own the account. List the exact actions the role needs.',
  evaluate(policy) {
    const statements = literalPolicy(policy.values['policy']);
    if (!statements) return notApplicable;
    for (const statement of statements.filter((s) => s.Effect === 'Allow')) {
      const wide = list(statement.Action).find((a) => a === '*' || a === '*:*' || a.toLowerCase() === 'iam:*');
      if (wide) return nonCompliant(`Action "${wide}"`);
      if (statement.NotAction !== undefined) return nonCompliant('Allow with NotAction grants everything else');
    }
    return compliant;
  },
});
