import { block, isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_119 (in part): a DynamoDB table is encrypted with a KMS key, whose use CloudTrail records. */
export const dynamodbEncryption = defineRule({
  id: 'AIGW-DDB-1',
  level: 'error',
  checkov: ['CKV_AWS_119'],
  resourceTypes: ['aws_dynamodb_table'],
  finding: 'A DynamoDB table is encrypted only with a key AWS owns.',
  explanation:
    'Without server_side_encryption { enabled = true } DynamoDB encrypts with an AWS owned key that no CloudTrail event or key policy of yours ever shows. With it, the table uses a KMS key in your account (aws/dynamodb, or kms_key_arn), so every use of the key is logged and can be revoked. Checkov’s CKV_AWS_119 asks for a customer managed key; the AWS managed key is accepted here for counters of low sensitivity (see docs/security.md).',
  evaluate(table) {
    const enabled = block(table.values, 'server_side_encryption')?.['enabled'];
    if (isExpression(enabled)) return unevaluable('server_side_encryption.enabled', enabled);
    return enabled === true ? compliant : nonCompliant('server_side_encryption.enabled is not true');
  },
});
