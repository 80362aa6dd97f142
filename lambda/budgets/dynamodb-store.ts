/**
 * Counters in the region's DynamoDB budget table: one item per consumer and window, changed only by
 * UpdateItem. A reservation is one conditional UpdateItem: `ADD` the amounts (a missing attribute
 * counts as 0) if each field stays within its ceiling (`attribute_not_exists(f) OR f <= ceiling - amount`).
 * DynamoDB applies a conditional write atomically against concurrent writers of the item, so two
 * hosts can never both take the last tokens. Settling is the same UpdateItem without a condition.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 */
import { ConditionalCheckFailedException, DynamoDBClient, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { BUDGET_TABLE } from '../../contract/budgets';
import { assertFits, type CounterResult, type CounterStore, type CounterUpdate } from './counter-store';

/** The DynamoDB operations the store uses (a real client, or a test double). */
export type DynamoClient = Pick<DynamoDBClient, 'send'>;

/** The UpdateItem input of one counter update. */
export function updateItemInput(table: string, update: CounterUpdate) {
  const names: Record<string, string> = { '#exp': BUDGET_TABLE.ttlAttribute };
  const values: Record<string, AttributeValue> = { ':exp': { N: String(update.expiresAt) } };
  const adds: string[] = [];
  const conditions: string[] = [];
  Object.entries(update.add).forEach(([field, amount], i) => {
    names[`#f${i}`] = field;
    values[`:a${i}`] = { N: String(amount) };
    adds.push(`#f${i} :a${i}`);
    const ceiling = update.ceilings?.[field];
    if (ceiling !== undefined) {
      values[`:r${i}`] = { N: String(ceiling - amount) };
      conditions.push(`(attribute_not_exists(#f${i}) OR #f${i} <= :r${i})`);
    }
  });
  return {
    TableName: table,
    Key: { [BUDGET_TABLE.partitionKey]: { S: update.key } },
    UpdateExpression: `ADD ${adds.join(', ')} SET #exp = :exp`,
    ...(conditions.length ? { ConditionExpression: conditions.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ReturnValues: 'ALL_NEW' as const,
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}

/** A {@link CounterStore} on one DynamoDB table. */
export class DynamoCounterStore implements CounterStore {
  readonly description: string;

  constructor(
    private readonly table: string,
    private readonly client: DynamoClient = new DynamoDBClient({}),
  ) {
    this.description = `DynamoDB table ${table}`;
  }

  async update(update: CounterUpdate): Promise<CounterResult> {
    assertFits(update);
    try {
      const output = await this.client.send(new UpdateItemCommand(updateItemInput(this.table, update)));
      return { applied: true, values: numbers(output.Attributes) };
    } catch (err) {
      // The item as it was, returned because of ReturnValuesOnConditionCheckFailure.
      if (err instanceof ConditionalCheckFailedException) return { applied: false, values: numbers(err.Item) };
      throw err;
    }
  }
}

/** The number attributes of an item. */
function numbers(item: Record<string, AttributeValue> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(item ?? {}).flatMap(([name, value]) => ('N' in value && value.N !== undefined ? [[name, Number(value.N)]] : [])));
}
