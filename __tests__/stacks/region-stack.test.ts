import { App } from 'cdktf';
import { GlobalStack } from '../../stacks/global-stack';
import { RegionStack } from '../../stacks/region-stack';
import { modelDocument, testConfig } from '../support/config';
import { resources, synthesizeEnvironment } from '../support/synth';
import { planStack } from '../support/terraform-plan';

describe('RegionStack', () => {
  test('is named <app>-<env>-<region> and answers on <region>.<apiDomain>', () => {
    const app = new App();
    const config = testConfig();
    const stack = new RegionStack(app, { config, region: 'eu-west-1', global: new GlobalStack(app, { config }) });
    expect(stack.node.id).toBe('aigw-test-eu-west-1');
    expect(stack.hostname).toBe('eu-west-1.api.example.com');
    expect(stack.modelFunctions.map((f) => f.modelName)).toEqual(['sentiment']);
    expect(stack.regionalCertificate).toBeUndefined();
  });

  test('refuses EDGE endpoints when the global stack provides no EDGE certificate', () => {
    const app = new App();
    const global = new GlobalStack(app, { config: testConfig({ endpointType: 'REGIONAL' }) });
    expect(() => new RegionStack(app, { config: testConfig({ endpointType: 'EDGE' }), region: 'eu-west-1', global })).toThrow(
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
    expect(run.output).not.toMatch(/Error/);
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
