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
      keyValue: key.stringValue,
      restApi: api.restApi,
      stage: api.stage,
      throttling: { rateLimit: 10, burstLimit: 20 },
    });
  });

  test('the key takes its value from the reference it was given, never a literal', () => {
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayApiKey, { name: 'aigw-test-kong', enabled: true, value: '${var.upstream_key}' });
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
