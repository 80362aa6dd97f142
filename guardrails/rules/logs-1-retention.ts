import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_66: log groups expire. */
export const logsRetention = defineRule({
  id: 'AIGW-LOGS-1',
  level: 'error',
  checkov: ['CKV_AWS_66'],
  resourceTypes: ['aws_cloudwatch_log_group'],
  finding: 'A CloudWatch log group keeps logs forever.',
  explanation:
    'Logs kept forever cost more every month and keep personal data longer than any purpose needs. Set retention_in_days (the configuration’s logRetentionDays).',
  evaluate(group) {
    const days = group.values['retention_in_days'];
    return typeof days === 'number' && days > 0 ? compliant : nonCompliant('retention_in_days is not set');
  },
});
