/**
 * A DynamoDB table in memory behind aws-sdk-client-mock: UpdateItem with the expression forms the
 * budget store writes, evaluated as DynamoDB documents them (API_UpdateItem.html):
 * - `ADD #n :v` on a number adds, and on a missing attribute sets it to :v;
 * - `SET #n = :v` sets;
 * - the condition `(attribute_not_exists(#n) OR #n <= :v) AND ...` is judged against the item as it
 *   is, and the whole update is refused when it is false, with ConditionalCheckFailedException
 *   carrying the old item when ReturnValuesOnConditionCheckFailure is ALL_OLD.
 * Each update is applied in one synchronous step after a random delay, so concurrent callers
 * interleave between updates, as writers of one item do, but never inside one.
 * Any other expression is refused: a change of the store's expressions must change this fake too.
 */
import { ConditionalCheckFailedException, DynamoDBClient, UpdateItemCommand, type AttributeValue, type UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

type Item = Record<string, AttributeValue>;

/** The fake table, its items and the mocked client. */
export function fakeDynamoTable(options: { delay?: () => Promise<void> } = {}) {
  const items = new Map<string, Item>();
  const client = new DynamoDBClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const mock = mockClient(client);
  const calls: UpdateItemCommandInput[] = [];

  function update(input: UpdateItemCommandInput) {
    calls.push(input);
    const names = input.ExpressionAttributeNames ?? {};
    const values = input.ExpressionAttributeValues ?? {};
    const key = JSON.stringify(input.Key);
    const old: Item = { ...(items.get(key) ?? {}) };
    const number = (item: Item, name: string) => (item[name]?.N !== undefined ? Number(item[name]!.N) : undefined);
    const name = (placeholder: string) => names[placeholder] ?? fail(`unknown name ${placeholder}`);
    const value = (placeholder: string) => Number(values[placeholder]?.N ?? fail(`unknown value ${placeholder}`));

    if (input.ConditionExpression !== undefined) {
      const terms = input.ConditionExpression.split(' AND ');
      for (const term of terms) {
        const match = /^\(attribute_not_exists\((#\w+)\) OR (#\w+) <= (:\w+)\)$/.exec(term) ?? fail(`unsupported condition ${term}`);
        if (match[1] !== match[2]) fail(`condition names two attributes: ${term}`);
        const current = number(old, name(match[1]!));
        if (current !== undefined && !(current <= value(match[3]!))) {
          throw new ConditionalCheckFailedException({
            message: 'The conditional request failed',
            $metadata: {},
            ...(input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' && items.has(key) ? { Item: old } : {}),
          });
        }
      }
    }
    const match = /^ADD (.+) SET (#\w+) = (:\w+)$/.exec(input.UpdateExpression ?? '') ?? fail(`unsupported update ${input.UpdateExpression}`);
    const next: Item = { ...old, ...input.Key };
    for (const add of match[1]!.split(', ')) {
      const [n, v] = add.split(' ');
      const attribute = name(n!);
      next[attribute] = { N: String((number(next, attribute) ?? 0) + value(v!)) };
    }
    next[name(match[2]!)] = values[match[3]!]!;
    items.set(key, next);
    return { Attributes: input.ReturnValues === 'ALL_NEW' ? next : undefined };
  }

  mock.on(UpdateItemCommand).callsFake(async (input: UpdateItemCommandInput) => {
    await options.delay?.();
    return update(input);
  });

  return {
    client,
    calls,
    /** The number attribute of the item with partition key `pk`. */
    value(pk: string, attribute: string): number {
      const item = items.get(JSON.stringify({ pk: { S: pk } }));
      return item?.[attribute]?.N !== undefined ? Number(item[attribute]!.N) : 0;
    },
    items,
    restore: () => mock.restore(),
  };
}

function fail(message: string): never {
  throw new Error(`fake DynamoDB: ${message}`);
}
