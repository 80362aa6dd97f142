import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import type { ModelApi } from '../../constructs/model-api';
import type { EndpointType } from '../../lib/aws';
import type { ModelFunction } from '../../constructs/model-function';
import { modelApiFixture, modelFunctionFixture } from '../support/fixtures';
import { onlyResource, resources } from '../support/synth';

function api(scope: Construct, functions: ModelFunction[], endpointType: EndpointType = 'EDGE'): ModelApi {
  return modelApiFixture(scope, { functions, endpointType });
}

describe('ModelApi', () => {
  test('is reachable only on its custom domain: the execute-api endpoint is disabled', () => {
    const synthesized = Testing.synthScope((scope) => {
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
    const synthesized = Testing.synthScope((scope) => {
      api(scope, [modelFunctionFixture(scope)], 'REGIONAL');
    });
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayRestApi, { endpoint_configuration: { types: ['REGIONAL'] } });
  });

  test('one route per model under /v1, plus /health', () => {
    let paths: string[] = [];
    const json = JSON.parse(
      Testing.synthScope((scope) => {
        const built = api(scope, [modelFunctionFixture(scope, 'sentiment'), modelFunctionFixture(scope, 'mood')]);
        paths = [...built.routes.map((r) => r.path), built.health.path];
      }),
    );
    expect(paths).toEqual(['/v1/sentiment', '/v1/mood', '/health']);
    const pathParts = resources(json, 'aws_api_gateway_resource').map((r) => r['path_part']).sort();
    expect(pathParts).toEqual(['health', 'mood', 'sentiment', 'v1']);
    expect(resources(json, 'aws_api_gateway_method').filter((m) => m['http_method'] === 'POST')).toHaveLength(2);
  });

  test('redeploys on any change of its resources, methods, integrations and error responses', () => {
    const json = JSON.parse(
      Testing.synthScope((scope) => {
        api(scope, [modelFunctionFixture(scope)]);
      }),
    );
    const trigger = (onlyResource(json, 'aws_api_gateway_deployment')['triggers'] as { redeployment: string }).redeployment;
    expect(trigger).toMatch(/^\$\{sha1\(jsonencode\(\["[0-9a-f]{64}", /);
    for (const type of ['aws_api_gateway_resource', 'aws_api_gateway_method', 'aws_api_gateway_integration', 'aws_api_gateway_gateway_response']) {
      for (const name of Object.keys(json.resource[type])) expect(trigger).toContain(`${type}.${name}.id`);
    }
  });

  test('a different API shape gives a different synth-time digest', () => {
    const digestOf = (names: string[]) => {
      const json = JSON.parse(Testing.synthScope((scope) => void api(scope, names.map((n) => modelFunctionFixture(scope, n)))));
      return /"([0-9a-f]{64})"/.exec((onlyResource(json, 'aws_api_gateway_deployment')['triggers'] as { redeployment: string }).redeployment)?.[1];
    };
    expect(digestOf(['a1'])).not.toEqual(digestOf(['a2']));
    expect(digestOf(['a1'])).toEqual(digestOf(['a1']));
  });

  test('refuses an API without models', () => {
    expect(() => Testing.synthScope((scope) => void api(scope, []))).toThrow(
      'ModelApi: modelFunctions is empty; an API needs at least one model to serve',
    );
  });
});
