import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import type { Construct } from 'constructs';
import type { ModelApi } from '../../constructs/model-api';
import type { EndpointType } from '../../aws/facts';
import type { ModelFunction } from '../../constructs/model-function';
import { modelApiFixture, modelFunctionFixture } from '../support/fixtures';
import { onlyResource, resources, synthConstructsText, type TerraformJson } from '../support/synth';
import { planStack } from '../support/terraform-plan';

function api(scope: Construct, functions: ModelFunction[], endpointType: EndpointType = 'EDGE'): ModelApi {
  return modelApiFixture(scope, { functions, endpointType });
}

describe('ModelApi', () => {
  test('is reachable only on its custom domain: the execute-api endpoint is disabled', () => {
    const synthesized = synthConstructsText((scope) => {
      api(scope, [modelFunctionFixture(scope)]);
    });
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayRestApi, {
      name: 'aigw-test-models',
      endpoint_configuration: { types: ['EDGE'] },
      disable_execute_api_endpoint: true,
      api_key_source: 'HEADER',
      lifecycle: { create_before_destroy: true },
    });
  });

  test('uses the configured endpoint type', () => {
    const synthesized = synthConstructsText((scope) => {
      api(scope, [modelFunctionFixture(scope)], 'REGIONAL');
    });
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayRestApi, { endpoint_configuration: { types: ['REGIONAL'] } });
  });

  test('one route per model under /v1, plus /health', () => {
    let paths: string[] = [];
    const json = JSON.parse(
      synthConstructsText((scope) => {
        const built = api(scope, [modelFunctionFixture(scope, 'sentiment'), modelFunctionFixture(scope, 'mood')]);
        paths = [...built.routes.map((r) => r.path), built.health.path];
      }),
    );
    expect(paths).toEqual(['/v1/sentiment', '/v1/mood', '/health']);
    const pathParts = resources(json, 'aws_api_gateway_resource').map((r) => r['path_part']).sort();
    expect(pathParts).toEqual(['health', 'mood', 'sentiment', 'v1']);
    expect(resources(json, 'aws_api_gateway_method').filter((m) => m['http_method'] === 'POST')).toHaveLength(2);
  });

  test('the redeployment trigger hashes the whole of every part the deployment serves, and the deployment waits for each', () => {
    const json = JSON.parse(
      synthConstructsText((scope) => {
        api(scope, [modelFunctionFixture(scope)]);
      }),
    );
    const deployment = onlyResource(json, 'aws_api_gateway_deployment');
    const trigger = (deployment['triggers'] as { redeployment: string }).redeployment;
    expect(trigger).toMatch(/^\$\{sha1\(jsonencode\(\[[^\]]+\]\)\)\}$/);
    const types = ['aws_api_gateway_rest_api', 'aws_api_gateway_resource', 'aws_api_gateway_method', 'aws_api_gateway_integration', 'aws_api_gateway_method_response', 'aws_api_gateway_integration_response', 'aws_api_gateway_gateway_response'];
    const parts = types.flatMap((type) => Object.keys(json.resource[type]).map((name) => `${type}.${name}`));
    expect(parts.length).toBe(1 + 3 + 2 + 2 + 1 + 1 + 2);
    // Whole resources: no `.id` (ids change only when a part is replaced, not when it changes in place).
    expect(/^\$\{sha1\(jsonencode\(\[(.*)\]\)\)\}$/.exec(trigger)![1]!.split(', ').sort()).toEqual([...parts].sort());
    expect([...(deployment['depends_on'] as string[])].sort()).toEqual([...parts].sort());
  });

  test('an in-place change (a method that stops requiring the key) changes the trigger Terraform computes; ids alone would not', () => {
    const synthesized = () => JSON.parse(synthConstructsText((scope) => void api(scope, [modelFunctionFixture(scope)]))) as TerraformJson;
    const before = synthesized();
    const after = synthesized();
    const post = Object.values(after.resource!['aws_api_gateway_method']!).find((m) => m['http_method'] === 'POST')!;
    post['api_key_required'] = false;
    // Planned as against existing resources: ids and ARNs known and unchanged.
    const triggerOf = (json: TerraformJson) => {
      const { run, plan } = planStack(json, 'known');
      expect(run.output).not.toMatch(/Error: /); // Terraform's diagnostics ("Error: ..."), not a metric named 5XXError
      const change = plan!.resource_changes.find((c) => c.address.startsWith('terraform_data.aws_api_gateway_deployment__'))!;
      return (change.change.after as { input: { triggers: { redeployment: string } } }).input.triggers.redeployment;
    };
    expect(triggerOf(before)).toMatch(/^[0-9a-f]{40}$/);
    expect(triggerOf(after)).not.toBe(triggerOf(before));
    // The shape this replaced: a hash of ids, which an in-place change leaves as it was.
    const idsOnly = (json: TerraformJson) => {
      const deployment = Object.values(json.resource!['aws_api_gateway_deployment']!)[0]!;
      (deployment['triggers'] as { redeployment: string }).redeployment = (deployment['triggers'] as { redeployment: string }).redeployment.replace(/(aws_api_gateway_\w+\.[\w-]+)/g, '$1.id');
      return json;
    };
    expect(triggerOf(idsOnly(after))).toBe(triggerOf(idsOnly(before)));
  });

  test('refuses an API without models', () => {
    expect(() => synthConstructsText((scope) => void api(scope, []))).toThrow(
      'ModelApi: modelFunctions is empty; an API needs at least one model to serve',
    );
  });
});
