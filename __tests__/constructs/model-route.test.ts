import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import type { Construct } from 'constructs';
import { ModelRoute } from '../../constructs/model-route';
import { modelFunctionFixture, recordingDeployment } from '../support/fixtures';
import { onlyResource, synthConstructsText } from '../support/synth';

function route(scope: Construct, modelFunction = modelFunctionFixture(scope)): ModelRoute {
  const restApi = new ApiGatewayRestApi(scope, 'api', { name: 'test' });
  const parent = new ApiGatewayResource(scope, 'v1', { restApiId: restApi.id, parentId: restApi.rootResourceId, pathPart: 'v1' });
  return new ModelRoute(scope, 'route', { restApi, parent, modelFunction, stageName: 'dev', deployment: recordingDeployment() });
}

const streamingChat = (scope: Construct) =>
  modelFunctionFixture(scope, 'chat', { kind: 'bedrock-chat', settings: { modelId: 'amazon.nova-micro-v1:0' }, timeoutSeconds: 180, streaming: {} });

describe('ModelRoute', () => {
  test('answers POST /v1/<model> and requires the API key', () => {
    let path = '';
    const synthesized = synthConstructsText((scope) => {
      path = route(scope).path;
    });
    expect(path).toBe('/v1/sentiment');
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayResource, { path_part: 'sentiment' });
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayMethod, { http_method: 'POST', authorization: 'NONE', api_key_required: true });
  });

  test('proxies to the model’s function within the 29 s integration timeout', () => {
    const synthesized = synthConstructsText((scope) => {
      route(scope);
    });
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayIntegration, {
      type: 'AWS_PROXY',
      integration_http_method: 'POST',
      timeout_milliseconds: 29000,
    });
    const integration = onlyResource(JSON.parse(synthesized), 'aws_api_gateway_integration');
    expect(integration['uri']).toMatch(/^\$\{aws_lambda_function\.model-sentiment_\w+\.invoke_arn\}$/);
  });

  test('a streaming function: a STREAM integration to its response-streaming invocations, waiting as long as the function runs', () => {
    const integration = onlyResource(
      JSON.parse(
        synthConstructsText((scope) => {
          route(scope, streamingChat(scope));
        }),
      ),
      'aws_api_gateway_integration',
    );
    expect(integration).toMatchObject({ type: 'AWS_PROXY', integration_http_method: 'POST', response_transfer_mode: 'STREAM', timeout_milliseconds: 180_000 });
    expect(integration['uri']).toMatch(
      /^arn:aws:apigateway:us-east-1:lambda:path\/2021-11-15\/functions\/\$\{aws_lambda_function\.model-chat_\w+\.arn\}\/response-streaming-invocations$/,
    );
  });

  test('a buffered function keeps the default transfer mode (no response_transfer_mode written)', () => {
    const integration = onlyResource(JSON.parse(synthConstructsText((scope) => void route(scope))), 'aws_api_gateway_integration');
    expect(integration).not.toHaveProperty('response_transfer_mode');
  });

  test('lets only this API, stage, method and path invoke the function', () => {
    const synthesized = synthConstructsText((scope) => {
      route(scope);
    });
    expect(synthesized).toHaveResourceWithProperties(LambdaPermission, {
      action: 'lambda:InvokeFunction',
      principal: 'apigateway.amazonaws.com',
    });
    const permission = onlyResource(JSON.parse(synthesized), 'aws_lambda_permission');
    expect(permission['source_arn']).toMatch(/^\$\{aws_api_gateway_rest_api\.api\.execution_arn\}\/dev\/POST\/v1\/sentiment$/);
  });
});
