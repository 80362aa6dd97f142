import { actionMatches, judgeAllowStatements, POLICY_DOCUMENT_TYPES, touchesService } from '../iam-patterns';
import { defineRule } from '../rule';

/** Actions outside IAM that hand the holder another role's permissions. */
const ROLE_HOPPING = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];

/** Project rule (the privilege-escalation paths of CKV_AWS_286/287, on any resource): no IAM actions, no role hopping. */
export const iamPermissionManagement = defineRule({
  id: 'AIGW-IAM-6',
  level: 'error',
  checkov: [],
  resourceTypes: [...POLICY_DOCUMENT_TYPES],
  finding: 'An IAM policy allows IAM actions or assuming other roles.',
  explanation:
    'No role of this system manages identities: the model hosts invoke models and write their own logs and traces. iam:PassRole, iam:PutRolePolicy, iam:AttachRolePolicy and their kin are escalation paths even when scoped to "arn:aws:iam::<account>:role/*" (any role, including an administrator’s), and sts:AssumeRole hops into another role’s permissions. Remove every iam: action and sts:AssumeRole* from permission policies (trust policies, which say who may assume a role, are not judged here).',
  evaluate(policy) {
    return judgeAllowStatements(policy, ({ actions, resources }) => {
      const iam = actions.find((a) => touchesService(a, 'iam'));
      if (iam) return `Action "${iam}" (an IAM action) on ${resources.join(', ') || 'no resource'}`;
      const hop = actions.find((a) => ROLE_HOPPING.some((action) => actionMatches(a, action)));
      return hop ? `Action "${hop}" lets the holder assume other roles` : undefined;
    });
  },
});
