import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { Testing } from 'cdktf';
import { MODEL_HOST_CONFIG_ENV, modelHostConfigSchema } from '../../lambda/contract';
import { modelFunctionFixture } from '../support/fixtures';
import { onlyResource, synthConstructs } from '../support/synth';

describe('ModelFunction', () => {
  test('runs the model host on nodejs22.x (arm64) with tracing and the model’s sizing', () => {
    const synthesized = Testing.synthScope((scope) => {
      modelFunctionFixture(scope, 'sentiment', { memoryMb: 1024, timeoutSeconds: 20, reservedConcurrency: 7 });
    });
    expect(synthesized).toHaveResourceWithProperties(LambdaFunction, {
      function_name: 'aigw-test-sentiment',
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      memory_size: 1024,
      timeout: 20,
      reserved_concurrent_executions: 7,
      tracing_config: { mode: 'Active' },
    });
  });

  test('tells the host its model through MODEL_HOST_CONFIG, without deployment settings', () => {
    const fn = onlyResource(synthConstructs((scope) => modelFunctionFixture(scope)), 'aws_lambda_function');
    const variables = (fn['environment'] as { variables: Record<string, string> }).variables;
    expect(Object.keys(variables)).toEqual([MODEL_HOST_CONFIG_ENV]);
    const hostConfig = JSON.parse(variables[MODEL_HOST_CONFIG_ENV]!);
    expect(hostConfig).toEqual({
      name: 'sentiment',
      kind: 'sentiment',
      logging: { payloads: false },
      settings: { neutralThreshold: 0.05 },
      limits: { maxBodyBytes: 65536, maxInputs: 32, maxInputChars: 10000 },
    });
    // The host's own schema accepts exactly this.
    expect(modelHostConfigSchema.safeParse(hostConfig).success).toBe(true);
  });

  test('writes JSON logs to its own log group with the configured retention, created first', () => {
    const synthesized = Testing.synthScope((scope) => {
      modelFunctionFixture(scope);
    });
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, { name: '/aws/lambda/aigw-test-sentiment', retention_in_days: 14 });
    const fn = onlyResource(JSON.parse(synthesized), 'aws_lambda_function');
    expect(fn['logging_config']).toEqual({ log_format: 'JSON', log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.model-sentiment_log-group_\w+\.name\}$/) });
    expect(fn['depends_on']).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_cloudwatch_log_group\./)]));
  });

  test('has its own role that only lambda.amazonaws.com may assume', () => {
    const synthesized = Testing.synthScope((scope) => {
      modelFunctionFixture(scope);
    });
    expect(synthesized).toHaveResourceWithProperties(IamRole, { name: 'aigw-test-us-east-1-sentiment' });
    const role = onlyResource(JSON.parse(synthesized), 'aws_iam_role');
    expect(JSON.parse(role['assume_role_policy'] as string)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
  });

  test('may write logs only to its own log group, and X-Ray segments', () => {
    const policy = onlyResource(synthConstructs((scope) => modelFunctionFixture(scope)), 'aws_iam_role_policy');
    const document = JSON.parse(policy['policy'] as string) as { Statement: { Action: string[]; Resource: string }[] };
    expect(document.Statement).toEqual([
      {
        Sid: 'WriteOwnLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.model-sentiment_log-group_\w+\.arn\}:\*$/),
      },
      { Sid: 'WriteTraces', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
    ]);
    const actions = document.Statement.flatMap((s) => s.Action);
    expect(actions.some((a) => a.endsWith('*'))).toBe(false);
  });
});
