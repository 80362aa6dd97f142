/** IAM's wildcards as IAM reads them: what counts as every action, every IAM action, every resource. */
import { actionMatches, everyAction, everyActionOf, touchesService, unscopedResource } from '../../guardrails/iam-patterns';

describe('action patterns', () => {
  test.each([
    ['*', true],
    ['?*', true],
    ['*?', true],
    ['*:*', true],
    ['??*:*', true],
    ['iam:*', false],
    ['s3:*', false],
    ['lambda:InvokeFunction', false],
  ])('%s matches every action: %s', (pattern, expected) => expect(everyAction(pattern)).toBe(expected));

  test.each([
    ['iam:*', true],
    ['IAM:?*', true],
    ['i?m:*', true],
    ['*', true],
    ['iam:Pass*', false],
    ['s3:*', false],
  ])('%s matches every IAM action: %s', (pattern, expected) => expect(everyActionOf(pattern, 'iam')).toBe(expected));

  test.each([
    ['iam:Pas?Role', 'iam:PassRole', true],
    ['IAM:passrole', 'iam:PassRole', true],
    ['iam:Pass.Role', 'iam:PassRole', false],
    ['sts:Assume*', 'sts:AssumeRole', true],
  ])('%s matches %s: %s', (pattern, action, expected) => expect(actionMatches(pattern, action)).toBe(expected));

  test.each([
    ['iam:GetRole', true],
    ['i*:PassRole', true],
    ['?*', true],
    ['bedrock:InvokeModel', false],
  ])('%s can touch IAM: %s', (pattern, expected) => expect(touchesService(pattern, 'iam')).toBe(expected));
});

describe('resource patterns', () => {
  test.each([
    ['*', true],
    ['arn:*', true],
    ['arn:aws:*', true],
    ['arn:aws:*:*:*:*', true],
    ['arn:aws:lambda:*:*:*', true],
    ['arn:aws:s3:::*', true],
    ['arn:*:iam::*:*', true],
    ['arn:aws:lambda:us-east-1:111122223333:function:model-*', false],
    ['arn:aws:iam::111122223333:role/*', false],
    ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0', false],
    ['${aws_cloudwatch_log_group.g.arn}:*', false],
  ])('%s leaves a whole service in scope: %s', (pattern, expected) => expect(unscopedResource(pattern)).toBe(expected));
});
