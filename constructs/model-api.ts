import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Construct } from 'constructs';
import { acknowledgeFinding } from '../guardrails/acknowledge';
import { type EndpointType } from '../aws/facts';
import { contradictoryProps } from '../core/errors';
import type { ApiGatewayAccountLogging } from './api-gateway-account-logging';
import { ApiStage, type Throttling } from './api-stage';
import { GatewayErrorResponses } from './gateway-error-responses';
import { HealthCheckRoute } from './health-check-route';
import { KongOnlyAccessPolicy } from './kong-only-access-policy';
import type { ModelFunction } from './model-function';
import { ModelRoute } from './model-route';
import { API_GATEWAY_LIMITS } from '../contract/limits';
import { MODEL_PATH_PREFIX } from '../contract/paths';

/** Properties of a {@link ModelApi}. */
export interface ModelApiProps {
  /** The REST API name (unique per region for readability; AWS does not enforce it). */
  readonly name: string;
  /** The endpoint type. */
  readonly endpointType: EndpointType;
  /** The functions to expose, one route each at `/v1/<model>`. */
  readonly modelFunctions: readonly ModelFunction[];
  /** The stage name. */
  readonly stageName: string;
  /** Throttling of every method. */
  readonly throttling: Throttling;
  /** Retention of the access log group, in days. */
  readonly logRetentionDays: number;
  /** The region's account-level logging setting, which stage logging needs. @default managed elsewhere (by another environment in the account) */
  readonly accountLogging?: ApiGatewayAccountLogging;
  /** Kong's egress ranges; when given, a resource policy refuses every other source. @default no policy */
  readonly allowedSourceCidrs?: readonly string[];
}

/**
 * The REST API of one region: `POST /v1/<model>` per model, `GET /health` for Kong, JSON errors
 * from the gateway itself, and one stage. The default `execute-api` endpoint is disabled, so the
 * API answers only on its custom domain; every model method requires the API key Kong injects.
 */
export class ModelApi extends Construct {
  /** The REST API. */
  readonly restApi: ApiGatewayRestApi;
  /** The `/v1` resource. */
  readonly versionResource: ApiGatewayResource;
  /** One route per model, in configuration order. */
  readonly routes: readonly ModelRoute[];
  /** The health check. */
  readonly health: HealthCheckRoute;
  /** JSON bodies for API Gateway's own errors. */
  readonly errorResponses: GatewayErrorResponses;
  /** The deployment and stage. */
  readonly stage: ApiStage;
  /** The resource policy restricting callers to Kong, when configured. */
  readonly accessPolicy: KongOnlyAccessPolicy | undefined;

  constructor(scope: Construct, id: string, props: ModelApiProps) {
    super(scope, id);
    if (props.modelFunctions.length === 0) {
      throw contradictoryProps('ModelApi', 'modelFunctions is empty; an API needs at least one model to serve');
    }
    // Root, /v1, /health and one resource per model.
    const resources = props.modelFunctions.length + 3;
    if (resources > API_GATEWAY_LIMITS.maxResourcesPerApi) {
      throw contradictoryProps(
        'ModelApi',
        `${props.modelFunctions.length} models need ${resources} resources; a REST API allows ${API_GATEWAY_LIMITS.maxResourcesPerApi}`,
      );
    }

    this.restApi = new ApiGatewayRestApi(this, 'Resource', {
      name: props.name,
      description: 'global-ai-gateway model hosts; reachable only through Kong on the custom domain.',
      endpointConfiguration: { types: [props.endpointType] },
      disableExecuteApiEndpoint: true,
      apiKeySource: 'HEADER',
      lifecycle: { createBeforeDestroy: true },
    });

    this.versionResource = new ApiGatewayResource(this, 'version-resource', {
      restApiId: this.restApi.id,
      parentId: this.restApi.rootResourceId,
      pathPart: MODEL_PATH_PREFIX,
    });

    // The stage first: every part of the API registers with its deployment as it is made.
    this.stage = new ApiStage(this, 'api-stage', {
      restApi: this.restApi,
      stageName: props.stageName,
      loggingDependsOn: props.accountLogging?.account,
      throttling: props.throttling,
      logRetentionDays: props.logRetentionDays,
      accessLogGroupName: `/aws/apigateway/${props.name}/${props.stageName}/access`,
    });
    this.stage.addToDeployment(this.restApi, this.versionResource);

    this.routes = props.modelFunctions.map(
      (modelFunction) =>
        new ModelRoute(this, `model-route-${modelFunction.modelName}`, {
          restApi: this.restApi,
          parent: this.versionResource,
          modelFunction,
          stageName: props.stageName,
          deployment: this.stage,
        }),
    );
    this.health = new HealthCheckRoute(this, 'health-check-route', { restApi: this.restApi, deployment: this.stage });
    this.errorResponses = new GatewayErrorResponses(this, 'gateway-error-responses', { restApi: this.restApi, deployment: this.stage });
    this.accessPolicy = props.allowedSourceCidrs
      ? new KongOnlyAccessPolicy(this, 'kong-only-access-policy', { restApi: this.restApi, allowedSourceCidrs: props.allowedSourceCidrs, deployment: this.stage })
      : undefined;
    if (!this.accessPolicy) {
      acknowledgeFinding(
        this.restApi,
        'AIGW-APIG-10',
        'kong.egressCidrs is not set for this environment, so no resource policy can name Kong’s addresses; the API key Kong holds is the only gate. Set kong.egressCidrs to close the API to everyone else.',
      );
    }
  }
}
