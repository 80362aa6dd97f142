import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import type { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { dependable, Fn, Lazy, type ITerraformDependable, type TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/** Stage throttling. */
export interface Throttling {
  /** Steady-state requests per second. */
  readonly rateLimit: number;
  /** Burst capacity in requests. */
  readonly burstLimit: number;
}

/** Properties of an {@link ApiStage}. */
export interface ApiStageProps {
  /** The REST API to deploy. */
  readonly restApi: ApiGatewayRestApi;
  /** The stage name. */
  readonly stageName: string;
  /** The account-level logging setting the stage's logging needs. @default none: it is managed elsewhere */
  readonly loggingDependsOn?: ITerraformDependable;
  /** Throttling of every method. */
  readonly throttling: Throttling;
  /** Retention of the access log group, in days. */
  readonly logRetentionDays: number;
  /** The access log group's name. */
  readonly accessLogGroupName: string;
}

/** What a part of an API (a method, an integration, a resource policy) registers with: the deployment that snapshots it. */
export interface ApiDeploymentRegistry {
  /** Adds parts whose configuration the deployment serves: any change to one redeploys, and the deployment waits for them. */
  addToDeployment(...parts: TerraformResource[]): void;
}

/** The JSON access log line: who called what, how it ended, and how long it took. */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integration.status',
  errorType: '$context.error.responseType',
  apiKeyId: '$context.identity.apiKeyId',
  xrayTraceId: '$context.xrayTraceId',
});

/**
 * A deployment of the API and the stage that serves it: JSON access logs to their own log group
 * (CKV_AWS_76), X-Ray tracing, and method settings for every method (CKV2_AWS_4): metrics on,
 * ERROR-level execution logs, the configured throttle, and data trace off so that prompts and
 * predictions are never logged (CKV_AWS_276). The deployment is replaced create-before-destroy
 * (CKV_AWS_217) so the stage always points at a live deployment.
 */
export class ApiStage extends Construct implements ApiDeploymentRegistry {
  /** The current deployment. */
  readonly deployment: ApiGatewayDeployment;
  /** The stage's access log group. */
  readonly accessLogGroup: CloudwatchLogGroup;
  /**
   * The group API Gateway writes execution logs to. API Gateway would create it on first use with
   * no retention; managing it here gives it the configured one (CKV_AWS_66).
   */
  readonly executionLogGroup: CloudwatchLogGroup;
  /** The stage. */
  readonly stage: ApiGatewayStage;
  /** Settings of every method of the stage. */
  readonly methodSettings: ApiGatewayMethodSettings;
  /** What the deployment serves, as registered. */
  private readonly parts: TerraformResource[] = [];

  constructor(scope: Construct, id: string, props: ApiStageProps) {
    super(scope, id);

    // A deployment is a snapshot: without a new one, changes never reach the stage. The trigger
    // hashes the whole rendered configuration of every part the deployment serves (whole-resource
    // references, not their ids), so an in-place change such as api_key_required redeploys too;
    // ids alone change only on replacement. The provider's documentation suggests this pattern
    // ("removing the .id references to calculate a hash against whole resources",
    // website/docs/r/api_gateway_deployment.html.markdown). Parts register with addToDeployment.
    this.deployment = new ApiGatewayDeployment(this, 'deployment', {
      restApiId: props.restApi.id,
      description: 'Managed by global-ai-gateway; replaced whenever the API changes.',
      triggers: { redeployment: Lazy.stringValue({ produce: () => Fn.sha1(Fn.jsonencode(this.parts.map((part) => part.fqn))) }) },
      lifecycle: { createBeforeDestroy: true },
    });

    this.accessLogGroup = new CloudwatchLogGroup(this, 'access-log-group', {
      name: props.accessLogGroupName,
      retentionInDays: props.logRetentionDays,
    });

    this.executionLogGroup = new CloudwatchLogGroup(this, 'execution-log-group', {
      name: `API-Gateway-Execution-Logs_${props.restApi.id}/${props.stageName}`,
      retentionInDays: props.logRetentionDays,
    });

    this.stage = new ApiGatewayStage(this, 'Resource', {
      restApiId: props.restApi.id,
      deploymentId: this.deployment.id,
      stageName: props.stageName,
      xrayTracingEnabled: true,
      accessLogSettings: { destinationArn: this.accessLogGroup.arn, format: ACCESS_LOG_FORMAT },
      dependsOn: props.loggingDependsOn ? [props.loggingDependsOn] : undefined,
    });

    this.methodSettings = new ApiGatewayMethodSettings(this, 'method-settings', {
      restApiId: props.restApi.id,
      stageName: this.stage.stageName,
      methodPath: '*/*',
      settings: {
        metricsEnabled: true,
        loggingLevel: 'ERROR',
        dataTraceEnabled: false,
        throttlingRateLimit: props.throttling.rateLimit,
        throttlingBurstLimit: props.throttling.burstLimit,
      },
      dependsOn: [...(props.loggingDependsOn ? [props.loggingDependsOn] : []), this.executionLogGroup],
    });
  }

  addToDeployment(...parts: TerraformResource[]): void {
    this.parts.push(...parts);
    this.deployment.dependsOn = [...(this.deployment.dependsOn ?? []), ...parts.map((part) => dependable(part))];
  }

  /** The stage name, as a reference that waits for the stage. */
  get stageName(): string {
    return this.stage.stageName;
  }
}
