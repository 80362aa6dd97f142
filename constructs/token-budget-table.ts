import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { Construct } from 'constructs';
import { BUDGET_TABLE } from '../contract/budgets';
import type { PolicyStatement } from '../aws/iam-policy';
import { acknowledgeFinding } from '../guardrails/acknowledge';

/** Properties of a {@link TokenBudgetTable}. */
export interface TokenBudgetTableProps {
  /** The table name (table names are regional). */
  readonly name: string;
}

/**
 * The region's token-budget counters: one item per consumer and window (`<consumer>#m#<minute>`,
 * `<consumer>#d#<day>`), written only by the region's chat model hosts with conditional UpdateItem
 * calls (lambda/budgets/dynamodb-store.ts).
 *
 * - On demand (PAY_PER_REQUEST): traffic follows the API's, with no capacity to size.
 * - TTL on `expiresAt` (epoch seconds, an hour after the window ends), so windows do not pile up;
 *   DynamoDB deletes expired items in the background, and every key names its window, so a late
 *   deletion is never read as the current window.
 * - Encrypted with the AWS managed KMS key (`aws/dynamodb`): key use shows in CloudTrail.
 * - No point-in-time recovery, acknowledged: the items are counters of windows that end within a
 *   day; a restore would bring back spent windows, never anything worth having.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
 */
export class TokenBudgetTable extends Construct {
  /** The table. */
  readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: TokenBudgetTableProps) {
    super(scope, id);
    this.table = new DynamodbTable(this, 'Resource', {
      name: props.name,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: BUDGET_TABLE.partitionKey,
      attribute: [{ name: BUDGET_TABLE.partitionKey, type: 'S' }],
      ttl: { attributeName: BUDGET_TABLE.ttlAttribute, enabled: true },
      serverSideEncryption: { enabled: true },
      pointInTimeRecovery: { enabled: false },
    });
    acknowledgeFinding(
      this.table,
      'AIGW-DDB-2',
      'Budget counters of windows that end within a day: a restore would only bring back spent windows, so point-in-time recovery buys nothing.',
    );
  }

  /** The table name. */
  get name(): string {
    return this.table.name;
  }

  /** The one permission a model host needs: UpdateItem on this table (reserving and settling are both updates). */
  updateStatement(): PolicyStatement {
    return { Sid: 'UpdateTokenBudgets', Effect: 'Allow', Action: ['dynamodb:UpdateItem'], Resource: this.table.arn };
  }
}
