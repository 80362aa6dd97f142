import { everyAction, everyActionOf, judgeAllowStatements, POLICY_DOCUMENT_TYPES } from '../iam-patterns';
import { defineRule } from '../rule';

/** CKV_AWS_62/63, CKV2_AWS_40: no action pattern that covers every action, or every IAM action. */
export const iamWildcardActions = defineRule({
  id: 'AIGW-IAM-2',
  level: 'error',
  checkov: ['CKV_AWS_62', 'CKV_AWS_63', 'CKV2_AWS_40'],
  resourceTypes: [...POLICY_DOCUMENT_TYPES],
  finding: 'An IAM policy allows every action, or every IAM action.',
  explanation:
    'Action "*" is administrator access, and "iam:*" lets the holder grant itself anything; a compromised model host would own the account. IAM reads * and ? as wildcards in any position, so "?*" and "*:*" are "*" too, and NotAction or NotResource in an Allow grants everything not listed. List the exact actions the role needs. Role inline policies are judged like any other.',
  evaluate(policy) {
    return judgeAllowStatements(policy, ({ actions, statement }) => {
      const wide = actions.find((a) => everyAction(a) || everyActionOf(a, 'iam'));
      if (wide) return `Action "${wide}" ${everyAction(wide) ? 'matches every action' : 'matches every IAM action'}`;
      if (statement.NotAction !== undefined) return 'Allow with NotAction grants everything else';
      return statement.NotResource !== undefined ? 'Allow with NotResource grants every other resource' : undefined;
    });
  },
});
