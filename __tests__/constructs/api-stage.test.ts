import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { ACCESS_LOG_FORMAT, ApiStage } from '../../constructs/api-stage';
import { accountLoggingFixture } from '../support/fixtures';
import { onlyResource, resources, synthConstructsText } from '../support/synth';

describe('ApiStage', () => {
  const synthesized = synthConstructsText((scope) => {
    const restApi = new ApiGatewayRestApi(scope, 'api', { name: 'test' });
    const stage = new ApiStage(scope, 'stage', {
      restApi,
      stageName: 'dev',
      loggingDependsOn: accountLoggingFixture(scope).account,
      throttling: { rateLimit: 25, burstLimit: 50 },
      logRetentionDays: 90,
      accessLogGroupName: '/aws/apigateway/test/dev/access',
    });
    // Parts register after the stage exists, and before.
    stage.addToDeployment(restApi);
    stage.addToDeployment(new ApiGatewayResource(scope, 'v1', { restApiId: restApi.id, parentId: restApi.rootResourceId, pathPart: 'v1' }));
  });
  const json = JSON.parse(synthesized);

  test('redeploys when any registered part changes, creating the new deployment first and waiting for every part', () => {
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayDeployment, {
      triggers: { redeployment: expect.stringMatching(/^\$\{sha1\(jsonencode\(\[aws_api_gateway_rest_api\.api, aws_api_gateway_resource\.v1\]\)\)\}$/) },
      lifecycle: { create_before_destroy: true },
      depends_on: ['aws_api_gateway_rest_api.api', 'aws_api_gateway_resource.v1'],
    });
  });

  test('the stage is named after the environment, traced, and writes JSON access logs', () => {
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayStage, { stage_name: 'dev', xray_tracing_enabled: true });
    const stage = onlyResource(json, 'aws_api_gateway_stage');
    const settings = stage['access_log_settings'] as { destination_arn: string; format: string };
    expect(settings.destination_arn).toMatch(/^\$\{aws_cloudwatch_log_group\.stage_access-log-group_\w+\.arn\}$/);
    expect(settings.format).toBe(ACCESS_LOG_FORMAT);
    expect(Object.keys(JSON.parse(settings.format))).toEqual(expect.arrayContaining(['requestId', 'status', 'responseLatency', 'integrationLatency', 'errorType']));
    expect(stage['depends_on']).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_api_gateway_account\./)]));
  });

  test('every method has metrics, ERROR logging, the throttle, and no data trace', () => {
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayMethodSettings, {
      method_path: '*/*',
      settings: {
        metrics_enabled: true,
        logging_level: 'ERROR',
        data_trace_enabled: false,
        throttling_rate_limit: 25,
        throttling_burst_limit: 50,
      },
    });
  });

  test('access and execution log groups both keep logs for the configured retention', () => {
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, { name: '/aws/apigateway/test/dev/access', retention_in_days: 90 });
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: 'API-Gateway-Execution-Logs_${aws_api_gateway_rest_api.api.id}/dev',
      retention_in_days: 90,
    });
    expect(resources(json, 'aws_cloudwatch_log_group')).toHaveLength(2);
  });
});
