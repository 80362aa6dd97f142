import { App } from 'cdktf';
import { MODEL_HOST_CONFIG_ENV } from '../../contract/model-host';
import { Naming } from '../../config/naming';
import { GlobalStack } from '../../stacks/global-stack';
import { RegionStack } from '../../stacks/region-stack';
import { kongDocument, modelDocument, testConfig } from '../support/config';
import { onlyResource, resources, synthesizeEnvironment, type TerraformJson } from '../support/synth';
import { planStack } from '../support/terraform-plan';

describe('RegionStack', () => {
  test('is named <app>-<env>-<region> and answers on <region>.<apiDomain>', () => {
    const app = new App();
    const config = testConfig();
    const naming = new Naming(config.app, config.environment);
    const stack = new RegionStack(app, { config, naming, region: 'eu-west-1', global: new GlobalStack(app, { config, naming }) });
    expect(stack.node.id).toBe('aigw-test-eu-west-1');
    expect(stack.hostname).toBe('eu-west-1.api.example.com');
    expect(stack.modelFunctions.map((f) => f.modelName)).toEqual(['sentiment']);
    expect(stack.regionalCertificate).toBeUndefined();
  });

  test('refuses EDGE endpoints when the global stack provides no EDGE certificate', () => {
    const app = new App();
    const naming = new Naming('aigw', 'test');
    const global = new GlobalStack(app, { config: testConfig({ endpointType: 'REGIONAL' }), naming });
    expect(() => new RegionStack(app, { config: testConfig({ endpointType: 'EDGE' }), naming, region: 'eu-west-1', global })).toThrow(
      'RegionStack: endpointType is EDGE but the global stack has no EDGE certificate',
    );
  });
});

describe('RegionStack and the AWS account', () => {
  const synthRegion = (aws: Record<string, unknown>) => {
    const synth = synthesizeEnvironment(testConfig({ regions: ['eu-west-1'], aws }));
    try {
      return synth.stack('aigw-test-eu-west-1');
    } finally {
      synth.cleanup();
    }
  };

  test('pins its AWS provider to the configured account (allowed_account_ids), and leaves it unpinned otherwise', () => {
    expect(synthRegion({ accountId: '111122223333' }).provider?.['aws']).toEqual([expect.objectContaining({ allowed_account_ids: ['111122223333'] })]);
    expect(synthRegion({}).provider?.['aws']).toEqual([expect.not.objectContaining({ allowed_account_ids: expect.anything() })]);
  });

  test('manages API Gateway’s CloudWatch role by default; relying on another environment, it has none and its stage waits for nothing of it', () => {
    expect(resources(synthRegion({}), 'aws_api_gateway_account')).toHaveLength(1);
    const relying = synthRegion({ apiGatewayAccountSettings: 'rely' });
    expect(resources(relying, 'aws_api_gateway_account')).toHaveLength(0);
    expect(resources(relying, 'aws_iam_role_policy_attachment')).toHaveLength(0);
    expect(resources(relying, 'aws_api_gateway_stage')[0]).not.toHaveProperty('depends_on');
  });

  test('relying, it forgets the setting it managed before instead of destroying (and so resetting) it', () => {
    const managing = synthRegion({});
    const [address] = Object.keys(managing.resource!['aws_api_gateway_account']!);
    expect(synthRegion({ apiGatewayAccountSettings: 'rely' })['removed']).toEqual([{ from: `aws_api_gateway_account.${address}`, lifecycle: { destroy: false } }]);
    expect(managing['removed']).toBeUndefined();
  });

  test('Terraform accepts the removed block (planned over stand-ins)', () => {
    const { run } = planStack(synthRegion({ apiGatewayAccountSettings: 'rely' }));
    expect(run.output).not.toMatch(/Error: /); // Terraform's diagnostics ("Error: ..."), not a metric named 5XXError
    expect(run.ok).toBe(true);
  });
});

describe('RegionStack with several model kinds', () => {
  const synth = () =>
    synthesizeEnvironment(
      testConfig({
        regions: ['eu-west-1'],
        models: [
          modelDocument({ name: 'sentiment' }),
          modelDocument({ name: 'mood' }),
          modelDocument({ name: 'keywords', kind: 'keywords' }),
          modelDocument({ name: 'chat', kind: 'bedrock-chat', settings: { modelId: 'eu.amazon.nova-micro-v1:0' } }),
        ],
      }),
    );

  test('one package per kind, shared by the models of that kind', () => {
    const app = synth();
    try {
      const functions = resources(app.stack('aigw-test-eu-west-1'), 'aws_lambda_function');
      const byName = Object.fromEntries(functions.map((f) => [f['function_name'], f['filename']]));
      expect(byName['aigw-test-sentiment']).toBe(byName['aigw-test-mood']);
      expect(new Set(Object.values(byName)).size).toBe(3);
    } finally {
      app.cleanup();
    }
  });

  test('looks the account id up only when an inference profile needs it', () => {
    const app = synth();
    try {
      expect(app.stack('aigw-test-eu-west-1').data?.['aws_caller_identity']).toBeDefined();
    } finally {
      app.cleanup();
    }
    const plain = synthesizeEnvironment(testConfig({ regions: ['eu-west-1'] }));
    try {
      expect(plain.stack('aigw-test-eu-west-1').data?.['aws_caller_identity']).toBeUndefined();
    } finally {
      plain.cleanup();
    }
  });
});

describe('RegionStack and token budgets', () => {
  const chat = modelDocument({ name: 'chat', kind: 'bedrock-chat', settings: { modelId: 'amazon.nova-micro-v1:0' } });
  const hostOf = (stack: TerraformJson) =>
    JSON.parse(((resources(stack, 'aws_lambda_function')[0]!['environment'] as { variables: Record<string, string> }).variables)['MODEL_HOST_CONFIG']!) as { metering: Record<string, unknown> };

  test('without a budget: no table, no DynamoDB grant, metering for metrics only, and the error-rate alarm alone', () => {
    const app = synthesizeEnvironment(testConfig({ regions: ['eu-west-1'], models: [chat] }));
    try {
      const stack = app.stack('aigw-test-eu-west-1');
      expect(resources(stack, 'aws_dynamodb_table')).toEqual([]);
      expect(JSON.stringify(resources(stack, 'aws_iam_role_policy'))).not.toContain('dynamodb');
      expect(hostOf(stack).metering).toEqual({ namespace: 'GlobalAiGateway/aigw-test', region: 'eu-west-1', defaultTier: 'basic', consumers: { acme: 'pro' }, tiers: {}, prices: {} });
      expect(resources(stack, 'aws_cloudwatch_metric_alarm').map((a) => a['alarm_name'])).toEqual(['aigw-test-api-error-rate']);
    } finally {
      app.cleanup();
    }
  });

  test('with one: the region’s table, named in the host’s metering, and a burn alarm for the tier with a daily budget', () => {
    const kong = kongDocument({ tiers: { basic: { minute: 60, budget: { tokens: { perMinute: 1000 } } }, pro: { minute: 600, budget: { tokens: { perDay: 100000 } } } } });
    const app = synthesizeEnvironment(testConfig({ regions: ['eu-west-1', 'us-east-1'], models: [chat], kong }));
    try {
      const stack = app.stack('aigw-test-eu-west-1');
      expect(onlyResource(stack, 'aws_dynamodb_table')).toMatchObject({ name: 'aigw-test-token-budgets', billing_mode: 'PAY_PER_REQUEST' });
      expect(hostOf(stack).metering).toMatchObject({ table: 'aigw-test-token-budgets', tiers: { basic: { tokens: { perMinute: 500 } }, pro: { tokens: { perDay: 50000 } } } });
      expect(resources(stack, 'aws_cloudwatch_metric_alarm').map((a) => a['alarm_name']).sort()).toEqual(['aigw-test-api-error-rate', 'aigw-test-budget-burn-pro']);
    } finally {
      app.cleanup();
    }
  });
});

describe('RegionStack and Bedrock availability', () => {
  // dev's assistant: amazon.nova-micro-v1:0 is in-Region in us-east-1, only through eu. in eu-west-1.
  const synth = () =>
    synthesizeEnvironment(
      testConfig({
        regions: ['us-east-1', 'eu-west-1'],
        models: [modelDocument({ name: 'chat', kind: 'bedrock-chat', settings: { modelId: 'amazon.nova-micro-v1:0' } })],
      }),
    );

  test('each region invokes the id Bedrock serves there, and may invoke only it and its destinations', () => {
    const app = synth();
    try {
      const seen = Object.fromEntries(
        (['us-east-1', 'eu-west-1'] as const).map((region) => {
          const stack = app.stack(`aigw-test-${region}`);
          const [fn] = resources(stack, 'aws_lambda_function');
          const host = JSON.parse((fn!['environment'] as { variables: Record<string, string> }).variables[MODEL_HOST_CONFIG_ENV]!) as { settings: { modelId: string } };
          const [policy] = resources(stack, 'aws_iam_role_policy');
          const statements = (JSON.parse(policy!['policy'] as string) as { Statement: { Resource: string | string[] }[] }).Statement.slice(2);
          return [region, { modelId: host.settings.modelId, resources: statements.map((s) => s.Resource), callerIdentity: stack.data?.['aws_caller_identity'] !== undefined }];
        }),
      );
      expect(seen['us-east-1']).toEqual({
        modelId: 'amazon.nova-micro-v1:0',
        resources: ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0'],
        callerIdentity: false,
      });
      expect(seen['eu-west-1']).toEqual({
        modelId: 'eu.amazon.nova-micro-v1:0',
        resources: [
          expect.stringMatching(/^arn:aws:bedrock:eu-west-1:\$\{data\.aws_caller_identity\.account\.account_id\}:inference-profile\/eu\.amazon\.nova-micro-v1:0$/),
          ['eu-west-1', 'eu-central-1', 'eu-north-1', 'eu-west-3'].map((r) => `arn:aws:bedrock:${r}::foundation-model/amazon.nova-micro-v1:0`),
        ],
        callerIdentity: true,
      });
    } finally {
      app.cleanup();
    }
  });

  test('a configuration validation would refuse never reaches Terraform', () => {
    expect(() =>
      synthesizeEnvironment(
        testConfig({ regions: ['eu-west-1'], models: [modelDocument({ name: 'chat', kind: 'bedrock-chat', settings: { modelId: 'meta.llama3-1-8b-instruct-v1:0' } })] }),
      ),
    ).toThrow(/RegionStack: model chat in eu-west-1: meta\.llama3-1-8b-instruct-v1:0 is not offered in-Region in eu-west-1/);
  });
});
