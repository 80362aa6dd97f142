import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayIntegrationResponse } from '@cdktf/provider-aws/lib/api-gateway-integration-response';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayMethodResponse } from '@cdktf/provider-aws/lib/api-gateway-method-response';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import type { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Construct } from 'constructs';
import { acknowledgeFinding } from '../guardrails/acknowledge';
import type { ApiDeploymentRegistry } from './api-stage';
import { HEALTH_PATH } from '../contract/paths';

/** Properties of a {@link HealthCheckRoute}. */
export interface HealthCheckRouteProps {
  /** The REST API the route belongs to. */
  readonly restApi: ApiGatewayRestApi;
  /** The deployment that serves the route (the route registers every part of it). */
  readonly deployment: ApiDeploymentRegistry;
}

/** The body the health check answers with. */
export const HEALTH_RESPONSE_BODY = '{"status":"ok"}';

/**
 * `GET /health`: a MOCK integration that answers 200 without touching any function, for Kong's
 * active health checks. It needs no API key because Kong's health checker sends no custom headers;
 * it reveals nothing and invokes nothing, and the stage throttle still applies.
 */
export class HealthCheckRoute extends Construct {
  /** The URL path. */
  readonly path = `/${HEALTH_PATH}`;
  /** The `/health` resource. */
  readonly resource: ApiGatewayResource;
  /** The GET method. */
  readonly method: ApiGatewayMethod;
  /** The MOCK integration. */
  readonly integration: ApiGatewayIntegration;
  /** The 200 method response. */
  readonly methodResponse: ApiGatewayMethodResponse;
  /** Maps the mock's 200 to the response body. */
  readonly integrationResponse: ApiGatewayIntegrationResponse;

  constructor(scope: Construct, id: string, props: HealthCheckRouteProps) {
    super(scope, id);
    const { restApi } = props;

    this.resource = new ApiGatewayResource(this, 'Resource', {
      restApiId: restApi.id,
      parentId: restApi.rootResourceId,
      pathPart: HEALTH_PATH,
    });
    this.method = new ApiGatewayMethod(this, 'method', {
      restApiId: restApi.id,
      resourceId: this.resource.id,
      httpMethod: 'GET',
      authorization: 'NONE',
      apiKeyRequired: false,
    });
    acknowledgeFinding(
      this.method,
      'AIGW-APIG-1',
      'Kong’s active health checks send no API key; this MOCK answers a fixed 200 and invokes nothing, and the stage throttle applies.',
    );
    this.integration = new ApiGatewayIntegration(this, 'integration', {
      restApiId: restApi.id,
      resourceId: this.resource.id,
      httpMethod: this.method.httpMethod,
      type: 'MOCK',
      requestTemplates: { 'application/json': JSON.stringify({ statusCode: 200 }) },
    });
    this.methodResponse = new ApiGatewayMethodResponse(this, 'method-response', {
      restApiId: restApi.id,
      resourceId: this.resource.id,
      httpMethod: this.method.httpMethod,
      statusCode: '200',
      responseModels: { 'application/json': 'Empty' },
    });
    this.integrationResponse = new ApiGatewayIntegrationResponse(this, 'integration-response', {
      restApiId: restApi.id,
      resourceId: this.resource.id,
      httpMethod: this.method.httpMethod,
      statusCode: this.methodResponse.statusCode,
      responseTemplates: { 'application/json': HEALTH_RESPONSE_BODY },
      dependsOn: [this.integration],
    });
    props.deployment.addToDeployment(this.resource, this.method, this.integration, this.methodResponse, this.integrationResponse);
  }
}
