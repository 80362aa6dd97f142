import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayIntegrationResponse } from '@cdktf/provider-aws/lib/api-gateway-integration-response';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayMethodResponse } from '@cdktf/provider-aws/lib/api-gateway-method-response';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { recordingDeployment } from '../support/fixtures';
import { HealthCheckRoute } from '../../constructs/health-check-route';
import { synthConstructsText } from '../support/synth';

describe('HealthCheckRoute', () => {
  const synthesized = synthConstructsText((scope) => {
    new HealthCheckRoute(scope, 'health', { restApi: new ApiGatewayRestApi(scope, 'api', { name: 'test' }), deployment: recordingDeployment() });
  });

  test('answers GET /health without an API key (Kong’s health checker sends none)', () => {
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayResource, { path_part: 'health', parent_id: '${aws_api_gateway_rest_api.api.root_resource_id}' });
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayMethod, { http_method: 'GET', authorization: 'NONE', api_key_required: false });
  });

  test('is a MOCK that answers 200 {"status":"ok"} without invoking anything', () => {
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayIntegration, {
      type: 'MOCK',
      request_templates: { 'application/json': '{"statusCode":200}' },
    });
    expect(synthesized).not.toHaveResourceWithProperties(ApiGatewayIntegration, { type: 'AWS_PROXY' });
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayMethodResponse, { status_code: '200' });
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayIntegrationResponse, {
      response_templates: { 'application/json': '{"status":"ok"}' },
    });
  });
});
