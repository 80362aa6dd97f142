import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Testing } from 'cdktf';
import { ACCESS_LOG_FORMAT, ApiStage } from '../../constructs/api-stage';
import { accountLoggingFixture } from '../support/fixtures';
import { onlyResource, resources } from '../support/synth';

describe('ApiStage', () => {
  const synthesized = Testing.synthScope((scope) => {
    const restApi = new ApiGatewayRestApi(scope, 'api', { name: 'test' });
    new ApiStage(scope, 'stage', {
      restApi,
      stageName: 'dev',
      redeploymentTrigger: 'trigger-value',
      deploymentDependsOn: [],
      loggingDependsOn: accountLoggingFixture(scope).account,
      throttling: { rateLimit: 25, burstLimit: 50 },
      logRetentionDays: 90,
      accessLogGroupName: '/aws/apigateway/test/dev/access',
    });
  });
  const json = JSON.parse(synthesized);

  test('redeploys when the trigger changes, creating the new deployment first', () => {
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayDeployment, {
      triggers: { redeployment: 'trigger-value' },
      lifecycle: { create_before_destroy: true },
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
