import { judgeAllowStatements, POLICY_DOCUMENT_TYPES, touchesService } from '../iam-patterns';
import { defineRule } from '../rule';

/** Item-level DynamoDB actions: reading and writing items of a table, not managing tables. */
const ITEM_ACTIONS = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem', 'Query', 'BatchGetItem', 'BatchWriteItem'];

/** A reference to a table of the same stack (`${aws_dynamodb_table.<name>.arn}`), nothing more. */
const STACK_TABLE_ARN = /^\$\{aws_dynamodb_table\.[A-Za-z0-9_-]+\.arn\}$/;

/** Grants of DynamoDB reach only items, of tables of the policy's own stack. */
export const dynamodbItemAccess = defineRule({
  id: 'AIGW-DDB-3',
  level: 'error',
  checkov: [],
  resourceTypes: [...POLICY_DOCUMENT_TYPES],
  finding: 'An IAM policy allows DynamoDB beyond the items of a table its stack creates.',
  explanation:
    'A model host updates the budget counters of its own region’s table and nothing else. A DynamoDB grant on a table ARN written out (or a pattern) can reach another region’s or another environment’s tables, and an action that is not item-level (DeleteTable, UpdateTable, Scan, ...) can destroy or read out the whole table. Grant item actions on `${aws_dynamodb_table.<name>.arn}` of the same stack.',
  evaluate(policy) {
    return judgeAllowStatements(policy, ({ actions, resources }) => {
      const dynamo = actions.filter((a) => touchesService(a, 'dynamodb'));
      if (dynamo.length === 0) return undefined;
      const wide = dynamo.find((a) => !ITEM_ACTIONS.some((item) => a.toLowerCase() === `dynamodb:${item.toLowerCase()}`));
      if (wide) return `${wide} is not an item action (${ITEM_ACTIONS.join(', ')})`;
      const elsewhere = resources.find((r) => !STACK_TABLE_ARN.test(r));
      return elsewhere === undefined ? undefined : `${dynamo.join(', ')} on ${elsewhere} (not a table of this stack)`;
    });
  },
});
