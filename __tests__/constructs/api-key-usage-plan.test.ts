import { ApiGatewayApiKey } from '@cdktf/provider-aws/lib/api-gateway-api-key';
import { ApiGatewayUsagePlan } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
import { ApiGatewayUsagePlanKey } from '@cdktf/provider-aws/lib/api-gateway-usage-plan-key';
import { TerraformVariable } from 'cdktf';
import { ApiKeyUsagePlan } from '../../constructs/api-key-usage-plan';
import { modelApiFixture } from '../support/fixtures';
import { onlyResource, synthConstructsText } from '../support/synth';

describe('ApiKeyUsagePlan', () => {
  const synthesized = synthConstructsText((scope) => {
    const key = new TerraformVariable(scope, 'upstream_key', { type: 'string', sensitive: true });
    const api = modelApiFixture(scope);
    new ApiKeyUsagePlan(scope, 'kong', {
      name: 'aigw-test-kong',
      keys: [{ value: key.stringValue }],
      restApi: api.restApi,
      stage: api.stage,
      throttling: { rateLimit: 10, burstLimit: 20 },
    });
  });

  test('the key takes its value from the reference it was given, never a literal', () => {
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayApiKey, { name: 'aigw-test-kong', enabled: true, value: '${var.upstream_key}' });
  });

  test('earlier keys are accepted beside the current one, each named, none replacing another', () => {
    const json = JSON.parse(
      synthConstructsText((scope) => {
        const api = modelApiFixture(scope);
        const [current, earlier] = ['current', 'earlier'].map((n) => new TerraformVariable(scope, n, { type: 'string', sensitive: true }).stringValue);
        new ApiKeyUsagePlan(scope, 'kong', {
          name: 'aigw-test-kong',
          keys: [{ name: '2026-12', value: current! }, { value: earlier! }],
          restApi: api.restApi,
          stage: api.stage,
          throttling: { rateLimit: 10, burstLimit: 20 },
        });
      }),
    ) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const keys = Object.entries(json.resource['aws_api_gateway_api_key']!).map(([address, key]) => [address.replace(/_[0-9A-F]{8}$/, ''), key['name'], key['value']]);
    expect(keys.sort()).toEqual([
      ['kong_api-key', 'aigw-test-kong', '${var.earlier}'],
      ['kong_api-key-2026-12', 'aigw-test-kong-2026-12', '${var.current}'],
    ]);
    expect(Object.values(json.resource['aws_api_gateway_usage_plan_key']!).map((k) => k['key_id']).sort()).toEqual(
      Object.keys(json.resource['aws_api_gateway_api_key']!).map((address) => `\${aws_api_gateway_api_key.${address}.id}`).sort(),
    );
  });

  test('a plan without keys, or with two keys of one name, is refused', () => {
    const plan = (keys: { name?: string; value: string }[]) => () =>
      synthConstructsText((scope) => {
        const api = modelApiFixture(scope);
        new ApiKeyUsagePlan(scope, 'kong', { name: 'k', keys, restApi: api.restApi, stage: api.stage, throttling: { rateLimit: 1, burstLimit: 1 } });
      });
    expect(plan([])).toThrow(/ApiKeyUsagePlan: keys .*accepted: at least one key/);
    expect(plan([{ name: 'a', value: 'x' }, { name: 'a', value: 'y' }])).toThrow(/accepted: keys with distinct names/);
  });

  test('the plan covers the stage with the configured throttle, and the key is on it', () => {
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayUsagePlan, { throttle_settings: { rate_limit: 10, burst_limit: 20 } });
    const plan = onlyResource(JSON.parse(synthesized), 'aws_api_gateway_usage_plan');
    expect(plan['api_stages']).toEqual([
      { api_id: expect.stringMatching(/^\$\{aws_api_gateway_rest_api\./), stage: expect.stringMatching(/^\$\{aws_api_gateway_stage\.\S+\.stage_name\}$/) },
    ]);
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayUsagePlanKey, { key_type: 'API_KEY' });
  });
});
