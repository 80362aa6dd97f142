import { block, isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_28: a DynamoDB table can be restored to any second of its recovery period. */
export const dynamodbPointInTimeRecovery = defineRule({
  id: 'AIGW-DDB-2',
  level: 'error',
  checkov: ['CKV_AWS_28'],
  resourceTypes: ['aws_dynamodb_table'],
  finding: 'A DynamoDB table has no point-in-time recovery.',
  explanation:
    'Without point_in_time_recovery { enabled = true } a bad write or a deleted item cannot be undone. Turn it on for any table holding state worth restoring; a table of short-lived counters (items expiring through TTL) may acknowledge this finding with the reason.',
  // Only a table whose items expire (TTL on) holds short-lived state a restore could not improve.
  acknowledgeable(table) {
    const ttl = block(table.values, 'ttl');
    return ttl?.['enabled'] === true ? undefined : 'only a table whose items expire (ttl { enabled = true }) may go without recovery';
  },
  evaluate(table) {
    const enabled = block(table.values, 'point_in_time_recovery')?.['enabled'];
    if (isExpression(enabled)) return unevaluable('point_in_time_recovery.enabled', enabled);
    return enabled === true ? compliant : nonCompliant('point_in_time_recovery.enabled is not true');
  },
});
