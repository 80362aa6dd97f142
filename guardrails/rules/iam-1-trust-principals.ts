import { list, literalPolicy } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** CKV_AWS_60/61: roles are not assumable by anyone or by a whole account. */
export const iamTrustPrincipals = defineRule({
  id: 'AIGW-IAM-1',
  level: 'error',
  checkov: ['CKV_AWS_60', 'CKV_AWS_61'],
  resourceTypes: ['aws_iam_role'],
  finding: 'An IAM role can be assumed by any principal or by a whole account.',
  explanation:
    'A trust policy with Principal "*" (or an account root) lets any identity in that scope take the role and its permissions. Trust only the service that needs the role (lambda.amazonaws.com, apigateway.amazonaws.com) or a specific role.',
  evaluate(role) {
    const statements = literalPolicy(role.values['assume_role_policy']);
    if (!statements) return notApplicable;
    for (const statement of statements) {
      if (statement.Effect !== 'Allow') continue;
      const principal = statement.Principal as string | { AWS?: string | string[] } | undefined;
      if (principal === '*') return nonCompliant('Principal is "*"');
      const aws = typeof principal === 'object' ? list(principal.AWS) : [];
      const wide = aws.find((p) => p === '*' || /:root$/.test(p) || /^\d{12}$/.test(p));
      if (wide) return nonCompliant(`Principal AWS is ${wide}`);
    }
    return compliant;
  },
});
