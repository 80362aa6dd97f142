import { API_GATEWAY_CLOUDWATCH_POLICY_ARN } from '../../aws/facts';
import { isExpression, referencedAddress, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable, type SynthResource } from '../rule';

/**
 * The AWS-managed policies this system attaches, by name: API Gateway's account-level role pushes
 * to CloudWatch Logs with it. Every other managed policy is refused, so a wide one
 * (PowerUserAccess, AdministratorAccess, IAMFullAccess, ReadOnlyAccess...) never needs listing.
 */
const ALLOWED_MANAGED = new Set([API_GATEWAY_CLOUDWATCH_POLICY_ARN.replace(/^arn:aws:iam::aws:policy\//, '')]);
const MANAGED_ARN = /^arn:aws(-cn|-us-gov|-iso[a-z-]*)?:iam::aws:policy\/(.+)$/;

/** Where each type of attachment names its policies. */
const ARN_FIELDS: Record<string, readonly string[]> = {
  aws_iam_role: ['managed_policy_arns'],
  aws_iam_role_policy_attachment: ['policy_arn'],
  aws_iam_policy_attachment: ['policy_arn'],
  aws_iam_user_policy_attachment: ['policy_arn'],
  aws_iam_group_policy_attachment: ['policy_arn'],
  aws_iam_role_policy_attachments_exclusive: ['policy_arns'],
};

/** The policy ARNs a resource attaches (with the setting they are in). */
function attached(resource: SynthResource): { setting: string; arn: unknown }[] {
  return (ARN_FIELDS[resource.type] ?? []).flatMap((setting) => {
    const value = resource.values[setting];
    if (value === undefined) return [];
    return Array.isArray(value) ? value.map((arn) => ({ setting, arn })) : [{ setting, arn: value }];
  });
}

/** CKV_AWS_274, CKV2_AWS_56: only the managed policies this system needs; customer policies the pack can read. */
export const iamAdminPolicies = defineRule({
  id: 'AIGW-IAM-3',
  level: 'error',
  checkov: ['CKV_AWS_274', 'CKV2_AWS_56'],
  resourceTypes: Object.keys(ARN_FIELDS),
  finding: 'An identity carries a policy the pack cannot vouch for: an AWS-managed policy this system does not need, or one defined elsewhere.',
  explanation:
    'AWS-managed policies such as AdministratorAccess, PowerUserAccess or IAMFullAccess give control of most of the account; no part of this system needs them. The only managed policy attached is service-role/AmazonAPIGatewayPushToCloudWatchLogs, on API Gateway’s logging role. A policy defined outside the stack cannot be judged, so it is refused too. Attach an aws_iam_policy of the same stack (whose document the pack reads) or write the permissions as a role policy.',
  evaluate(resource, stack) {
    const arns = attached(resource);
    if (arns.length === 0) return notApplicable;
    for (const { setting, arn } of arns) {
      if (typeof arn !== 'string') return nonCompliant(`${setting} holds ${JSON.stringify(arn)}, not a policy ARN`);
      const managed = MANAGED_ARN.exec(arn);
      if (managed) {
        if (!ALLOWED_MANAGED.has(managed[2]!)) return nonCompliant(`attaches the AWS-managed ${managed[2]}`);
        continue;
      }
      const address = referencedAddress(arn);
      if (address?.startsWith('aws_iam_policy.') && arn.endsWith('.arn}') && stack.declares(address)) continue;
      if (isExpression(arn)) return unevaluable(setting, arn);
      return nonCompliant(`attaches ${arn}, a policy this output does not define`);
    }
    return compliant;
  },
});
