import { list, literalPolicy } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** Actions AWS offers on no resource type: "*" is their only possible scope. */
export const RESOURCELESS_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'];

/** Verbs of write and permissions-management actions. */
const WRITE_VERB = /^(Put|Create|Delete|Update|Attach|Detach|Set|Add|Remove|Modify|Tag|Untag|Invoke|Pass|Start|Stop|Write|Publish|Send|Upload|Enable|Disable|Reset|Restore|Replace|Associate|Disassociate|Register|Deregister|Revoke|Grant|Cancel|Import|Export|Run|Execute|Change)/;

/** CKV_AWS_286–290, CKV_AWS_355: write and permissions actions are scoped to resources; logs to log groups. */
export const iamUnscopedWrites = defineRule({
  id: 'AIGW-IAM-4',
  level: 'error',
  checkov: ['CKV_AWS_286', 'CKV_AWS_287', 'CKV_AWS_288', 'CKV_AWS_289', 'CKV_AWS_290', 'CKV_AWS_355'],
  resourceTypes: ['aws_iam_role_policy', 'aws_iam_policy'],
  finding: 'An IAM policy allows write or permissions actions on every resource.',
  explanation:
    'A write action on Resource "*" reaches every resource of that service in the account (every log group, every model, every function), so one compromised function can damage all of them. Scope each write action to the ARNs it needs (logs to the function’s own log group); only actions AWS offers on no resource type, such as X-Ray’s PutTraceSegments, may use "*".',
  evaluate(policy) {
    const statements = literalPolicy(policy.values['policy']);
    if (!statements) return notApplicable;
    for (const statement of statements.filter((s) => s.Effect === 'Allow')) {
      const resources = list(statement.Resource);
      for (const action of list(statement.Action)) {
        const [service = '', name = ''] = action.split(':');
        if (service === 'logs' && resources.some((r) => !/^arn:aws:logs:|aws_cloudwatch_log_group\.[^.]+\.arn/.test(r))) {
          return nonCompliant(`${action} on ${resources.join(', ')} (not a log group ARN)`);
        }
        if (!resources.includes('*') || RESOURCELESS_ACTIONS.includes(action)) continue;
        if (name.includes('*') || WRITE_VERB.test(name)) return nonCompliant(`${action} on Resource "*"`);
      }
    }
    return compliant;
  },
});
