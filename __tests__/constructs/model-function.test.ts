import { modelChain } from '../../contract/chat';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { MODEL_HOST_CONFIG_ENV, modelHostConfigSchema, type ModelHostConfig } from '../../contract/model-host';
import { meteringSchema } from '../../contract/budgets';
import { TokenBudgetTable } from '../../constructs/token-budget-table';
import { ModelFunction } from '../../constructs/model-function';
import { hostConfigOf } from '../../config/host-config';
import { ModelHostCode } from '../../constructs/model-host-code';
import type { AwsRegion } from '../../aws/facts';
import { resolveBedrockModel, type CrossRegionInference, type ResolvedBedrockModel } from '../../aws/bedrock';
import { isHostedModel } from '../../config/schema';
import { modelDocument, testConfig } from '../support/config';
import { modelFunctionFixture } from '../support/fixtures';
import { onlyResource, synthConstructs, synthConstructsText } from '../support/synth';

describe('ModelFunction', () => {
  test('runs the model host on nodejs22.x (arm64) with tracing and the model’s sizing', () => {
    const synthesized = synthConstructsText((scope) => {
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
    const synthesized = synthConstructsText((scope) => {
      modelFunctionFixture(scope);
    });
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, { name: '/aws/lambda/aigw-test-sentiment', retention_in_days: 14 });
    const fn = onlyResource(JSON.parse(synthesized), 'aws_lambda_function');
    expect(fn['logging_config']).toEqual({ log_format: 'JSON', log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.model-sentiment_log-group_\w+\.name\}$/) });
    expect(fn['depends_on']).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_cloudwatch_log_group\./)]));
  });

  test('has its own role that only lambda.amazonaws.com may assume', () => {
    const synthesized = synthConstructsText((scope) => {
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

describe('ModelFunction for a Bedrock chat model', () => {
  const ACCOUNT = '123456789012';

  /** The function of a bedrock-chat model configured with `modelId` (and `extra` fields), its chain as resolved for the region. */
  function synthChat(modelId: string, routing: CrossRegionInference = 'fallback', region: AwsRegion = 'eu-west-1', extra: Record<string, unknown> = {}) {
    const { settings, ...fields } = extra as { settings?: Record<string, unknown> };
    const model = testConfig({
      models: [modelDocument({ name: 'chat', kind: 'bedrock-chat', settings: { modelId, ...settings }, crossRegionInference: routing, ...fields })],
    }).models.filter(isHostedModel)[0]!;
    if (model.kind !== 'bedrock-chat') throw new Error('not a chat model');
    const chain = modelChain(model.settings).map((id) => {
      const resolution = resolveBedrockModel(id, region, routing);
      if ('problem' in resolution) throw new Error(resolution.problem);
      return resolution.model;
    });
    const json = synthConstructs((scope) => {
      new ModelFunction(scope, 'model-chat', {
        model: hostConfigOf(model),
        sizing: model,
        functionName: 'aigw-test-chat',
        roleName: 'aigw-test-eu-west-1-chat',
        code: new ModelHostCode(scope, 'code', { kind: 'bedrock-chat' }),
        logRetentionDays: 14,
        region,
        accountId: ACCOUNT,
        bedrockModels: chain,
      });
    });
    const policy = JSON.parse(onlyResource(json, 'aws_iam_role_policy')['policy'] as string) as { Statement: Record<string, unknown>[] };
    const fn = onlyResource(json, 'aws_lambda_function');
    const env = (fn['environment'] as { variables: Record<string, string> }).variables;
    return { bedrock: policy.Statement.slice(2), host: modelHostConfigSchema.parse(JSON.parse(env[MODEL_HOST_CONFIG_ENV]!)), fn };
  }

  const profileArn = (id: string) => `arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/${id}`;
  const throughProfile = (id: string, resource: string[]) => ({
    Sid: 'InvokeProfileModelOnlyThroughProfile',
    Effect: 'Allow',
    Action: ['bedrock:InvokeModel'],
    Resource: resource,
    Condition: { StringEquals: { 'bedrock:InferenceProfileArn': profileArn(id) } },
  });

  test('in-Region: may invoke exactly the foundation model in its region, and the host invokes that id', () => {
    const { bedrock, host } = synthChat('anthropic.claude-3-haiku-20240307-v1:0', 'never');
    expect(bedrock).toEqual([
      {
        Sid: 'InvokeConfiguredModel',
        Effect: 'Allow',
        Action: ['bedrock:InvokeModel'],
        Resource: 'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
      },
    ]);
    expect(host.kind === 'bedrock-chat' && host.settings.modelId).toBe('anthropic.claude-3-haiku-20240307-v1:0');
    expect(host).not.toHaveProperty('crossRegionInference');
  });

  test('a model Bedrock offers here only through eu.: the host invokes the profile, allowed with its model in each destination', () => {
    // amazon.nova-micro-v1:0 is not in-Region in eu-west-1; eu. routes eu-west-1 to four regions.
    const { bedrock, host } = synthChat('amazon.nova-micro-v1:0');
    expect(host.kind === 'bedrock-chat' && host.settings.modelId).toBe('eu.amazon.nova-micro-v1:0');
    expect(bedrock).toEqual([
      { Sid: 'InvokeConfiguredProfile', Effect: 'Allow', Action: ['bedrock:InvokeModel'], Resource: profileArn('eu.amazon.nova-micro-v1:0') },
      throughProfile(
        'eu.amazon.nova-micro-v1:0',
        ['eu-west-1', 'eu-central-1', 'eu-north-1', 'eu-west-3'].map((r) => `arn:aws:bedrock:${r}::foundation-model/amazon.nova-micro-v1:0`),
      ),
    ]);
  });

  test('a global profile named in the configuration: its model in the region and worldwide (the region-less ARN)', () => {
    const { bedrock } = synthChat('global.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(bedrock[1]).toEqual(
      throughProfile('global.anthropic.claude-haiku-4-5-20251001-v1:0', [
        'arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0',
        'arn:aws:bedrock:::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0',
      ]),
    );
  });

  test('a profile missing from the availability table: its model in any region, still only through the profile', () => {
    const { bedrock } = synthChat('eu.example.unlisted-model-v1:0');
    expect(bedrock[1]).toEqual(throughProfile('eu.example.unlisted-model-v1:0', ['arn:aws:bedrock:*::foundation-model/example.unlisted-model-v1:0']));
  });

  test('a streaming chat model with a fallback chain: the stream handler, and exactly the chain as this region invokes it, streaming included', () => {
    const { fn, host, bedrock } = synthChat('amazon.nova-micro-v1:0', 'fallback', 'eu-west-1', {
      timeoutSeconds: 120,
      streaming: {},
      settings: { fallbacks: { modelIds: ['amazon.nova-lite-v1:0', 'eu.amazon.nova-lite-v1:0'] } },
    });
    expect(fn).toMatchObject({ handler: 'index.streamHandler', timeout: 120 });
    // Both lite ids resolve to eu.amazon.nova-lite-v1:0 in eu-west-1: tried once.
    expect(host).toMatchObject({ settings: { modelId: 'eu.amazon.nova-micro-v1:0', fallbacks: { modelIds: ['eu.amazon.nova-lite-v1:0'] } }, streaming: { firstTokenTimeoutSeconds: 20 } });
    expect(bedrock.map((st) => st['Sid'])).toEqual([
      'InvokeConfiguredProfile',
      'InvokeProfileModelOnlyThroughProfile',
      'InvokeConfiguredProfileFallback1',
      'InvokeProfileModelOnlyThroughProfileFallback1',
    ]);
    for (const st of bedrock) expect(st['Action']).toEqual(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']);
    expect(bedrock[2]!['Resource']).toBe(profileArn('eu.amazon.nova-lite-v1:0'));
  });

  test('refuses a Bedrock model resolved for another region, and a chat model without one', () => {
    const model = testConfig({ models: [modelDocument({ name: 'chat', kind: 'bedrock-chat', settings: { modelId: 'amazon.nova-micro-v1:0' } })] })
      .models.filter(isHostedModel)[0]!;
    const inUsEast1 = resolveBedrockModel('amazon.nova-micro-v1:0', 'us-east-1', 'fallback');
    const make = (bedrockModel: ResolvedBedrockModel | undefined) => () =>
      synthConstructs((scope) => {
        new ModelFunction(scope, 'm', {
          model: hostConfigOf(model),
          sizing: model,
          functionName: 'f',
          roleName: 'r',
          code: new ModelHostCode(scope, 'code', { kind: 'bedrock-chat' }),
          logRetentionDays: 1,
          region: 'eu-west-1',
          bedrockModels: bedrockModel ? [bedrockModel] : undefined,
        });
      });
    expect(make('model' in inUsEast1 ? inUsEast1.model : undefined)).toThrow('bedrockModels holds amazon.nova-micro-v1:0 resolved for us-east-1, but the function runs in eu-west-1');
    expect(make(undefined)).toThrow('bedrockModels is for bedrock-chat models only, and required there');
  });

  describe('with a budget table', () => {
    const model = testConfig({ models: [modelDocument({ name: 'chat', kind: 'bedrock-chat', settings: { modelId: 'amazon.nova-micro-v1:0' } })] })
      .models.filter(isHostedModel)[0]!;
    const resolved = resolveBedrockModel('amazon.nova-micro-v1:0', 'eu-west-1', 'fallback');
    const metering = (consumers: Record<string, string>) =>
      meteringSchema.parse({ namespace: 'GlobalAiGateway/aigw-test', region: 'eu-west-1', table: 'aigw-test-token-budgets', defaultTier: 'free', consumers, tiers: { free: { tokens: { perMinute: 100 } } } });
    const synthWith = (consumers: Record<string, string>, withTable = true) =>
      synthConstructs((scope) => {
        new ModelFunction(scope, 'm', {
          model: { ...hostConfigOf(model), metering: metering(consumers) } as ModelHostConfig,
          sizing: model,
          functionName: 'aigw-test-chat',
          roleName: 'r',
          code: new ModelHostCode(scope, 'code', { kind: 'bedrock-chat' }),
          logRetentionDays: 1,
          region: 'eu-west-1',
          accountId: ACCOUNT,
          bedrockModels: 'model' in resolved ? [resolved.model] : [],
          ...(withTable ? { budgetTable: new TokenBudgetTable(scope, 'token-budget-table', { name: 'aigw-test-token-budgets' }) } : {}),
        });
      });

    test('may UpdateItem on exactly that table, and nothing else of DynamoDB', () => {
      const policy = JSON.parse(onlyResource(synthWith({}), 'aws_iam_role_policy')['policy'] as string) as { Statement: Record<string, unknown>[] };
      expect(policy.Statement.filter((s) => JSON.stringify(s).includes('dynamodb'))).toEqual([
        { Sid: 'UpdateTokenBudgets', Effect: 'Allow', Action: ['dynamodb:UpdateItem'], Resource: expect.stringMatching(/^\$\{aws_dynamodb_table\.token-budget-table_[0-9A-F]{8}\.arn\}$/) },
      ]);
    });

    test('a metering table without the table construct (or the reverse) is refused', () => {
      expect(() => synthWith({}, false)).toThrow('budgetTable and the metering table of model chat go together');
    });

    test('a host configuration past Lambda’s 4 KB of environment is refused at synth, saying what to trim', () => {
      const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`consumer-number-${i}`, 'team']));
      expect(() => synthWith(many)).toThrow(/the environment of aigw-test-chat is "\d+ bytes"; accepted: at most 4096 bytes \(Lambda's limit\): list fewer consumers outside the default tier/);
    });
  });

  test('text models get no Bedrock permission at all', () => {
    const json = synthConstructs((scope) => modelFunctionFixture(scope));
    expect(onlyResource(json, 'aws_iam_role_policy')['policy']).not.toContain('bedrock');
  });

  test('refuses code of another kind', () => {
    expect(() =>
      synthConstructs((scope) => {
        const model = testConfig().models.filter(isHostedModel)[0]!;
        new ModelFunction(scope, 'm', {
          model: hostConfigOf(model),
          sizing: model,
          functionName: 'f',
          roleName: 'r',
          code: new ModelHostCode(scope, 'code', { kind: 'keywords' }),
          logRetentionDays: 1,
          region: 'us-east-1',
        });
      }),
    ).toThrow('ModelFunction: model sentiment is sentiment, but its code serves keywords');
  });
});
