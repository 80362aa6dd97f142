import { ApiGatewayGatewayResponse } from '@cdktf/provider-aws/lib/api-gateway-gateway-response';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { recordingDeployment } from '../support/fixtures';
import { GATEWAY_ERROR_TEMPLATE, GatewayErrorResponses } from '../../constructs/gateway-error-responses';
import { resources, synthConstructsText } from '../support/synth';

describe('GatewayErrorResponses', () => {
  test('answers every gateway 4XX and 5XX with the host’s JSON error shape', () => {
    const synthesized = synthConstructsText((scope) => {
      new GatewayErrorResponses(scope, 'errors', { restApi: new ApiGatewayRestApi(scope, 'api', { name: 'test' }), deployment: recordingDeployment() });
    });
    for (const responseType of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
      expect(synthesized).toHaveResourceWithProperties(ApiGatewayGatewayResponse, {
        response_type: responseType,
        response_templates: { 'application/json': GATEWAY_ERROR_TEMPLATE },
      });
    }
    expect(resources(JSON.parse(synthesized), 'aws_api_gateway_gateway_response')).toHaveLength(2);
  });

  test('the template is JSON once API Gateway substitutes its variables', () => {
    const rendered = GATEWAY_ERROR_TEMPLATE.replace('$context.error.responseType', 'INVALID_API_KEY')
      .replace('$context.error.messageString', '"Forbidden"')
      .replace('$context.requestId', 'abc');
    expect(JSON.parse(rendered)).toEqual({ error: { code: 'INVALID_API_KEY', message: 'Forbidden' }, requestId: 'abc' });
  });
});
