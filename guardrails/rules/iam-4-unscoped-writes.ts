import { actionMatches, judgeAllowStatements, POLICY_DOCUMENT_TYPES, unscopedResource } from '../iam-patterns';
import { defineRule } from '../rule';

/** Actions AWS offers on no resource type: "*" is their only possible scope. */
export const RESOURCELESS_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'];

/** Verbs of write and permissions-management actions. */
const WRITE_VERB = /^(Put|Create|Delete|Update|Attach|Detach|Set|Add|Remove|Modify|Tag|Untag|Invoke|Pass|Start|Stop|Write|Publish|Send|Upload|Enable|Disable|Reset|Restore|Replace|Associate|Disassociate|Register|Deregister|Revoke|Grant|Cancel|Import|Export|Run|Execute|Change)/i;

/** A log group's ARN: a literal one or a reference to a log group of the stack. */
const LOG_GROUP_ARN = /^(arn:aws[a-z-]*:logs:[^*?:]+:\d{12}:log-group:[^*?]+|\$\{aws_cloudwatch_log_group\.[^.]+\.arn\}:)/;

/** CKV_AWS_286–290, CKV_AWS_355: write and permissions actions are scoped to resources; logs to log groups. */
export const iamUnscopedWrites = defineRule({
  id: 'AIGW-IAM-4',
  level: 'error',
  checkov: ['CKV_AWS_286', 'CKV_AWS_287', 'CKV_AWS_288', 'CKV_AWS_289', 'CKV_AWS_290', 'CKV_AWS_355'],
  resourceTypes: [...POLICY_DOCUMENT_TYPES],
  finding: 'An IAM policy allows write or permissions actions on every resource.',
  explanation:
    'A write action on Resource "*" reaches every resource of that service in the account (every log group, every model, every function), so one compromised function can damage all of them. IAM reads * and ? as wildcards, so "arn:*" or "arn:aws:lambda:*:*:*" is "*" too, and "s3:?*" is every S3 action. Scope each write action to the ARNs it needs (logs to the function’s own log group); only actions AWS offers on no resource type, such as X-Ray’s PutTraceSegments, may use "*".',
  evaluate(policy) {
    return judgeAllowStatements(policy, ({ actions, resources }) => {
      for (const action of actions) {
        const [service = '', name = ''] = action.split(':');
        if (actionMatches(service, 'logs') && resources.some((r) => !LOG_GROUP_ARN.test(r))) return `${action} on ${resources.join(', ')} (not a log group ARN)`;
        const unscoped = resources.find(unscopedResource);
        if (unscoped === undefined || RESOURCELESS_ACTIONS.includes(action)) continue;
        if (/[*?]/.test(name) || !action.includes(':') || WRITE_VERB.test(name)) return `${action} on Resource "${unscoped}"`;
      }
      return undefined;
    });
  },
});
