import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import type { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Construct } from 'constructs';
import { SERVICE_PRINCIPALS } from '../aws/facts';
import { PREDICT_METHOD } from '../contract/model-host';
import type { ApiDeploymentRegistry } from './api-stage';
import type { ModelFunction } from './model-function';
import { API_GATEWAY_LIMITS } from '../contract/limits';
import { modelPath } from '../contract/paths';
import { RESPONSE_TRANSFER_MODE, streamIntegrationTimeoutMs, streamingInvokeUri } from '../aws/api-gateway-streaming';

/** Properties of a {@link ModelRoute}. */
export interface ModelRouteProps {
  /** The REST API the route belongs to. */
  readonly restApi: ApiGatewayRestApi;
  /** The `/v1` resource the model's resource hangs from. */
  readonly parent: ApiGatewayResource;
  /** The function serving the model. */
  readonly modelFunction: ModelFunction;
  /** The stage that may invoke the function (the permission is scoped to it). */
  readonly stageName: string;
  /** The deployment that serves the route (the route registers its resource, method and integration). */
  readonly deployment: ApiDeploymentRegistry;
}

/**
 * `POST /v1/<model>`: a resource, a POST method that requires an API key, an AWS_PROXY integration
 * to the model's function (buffered, or for a streaming function a STREAM integration through
 * Lambda's response-streaming invocations), and the permission for exactly this API, stage, method and path to
 * invoke it (checkov CKV_AWS_364; without `source_arn` any API in any account could).
 */
export class ModelRoute extends Construct {
  /** The URL path, e.g. `/v1/sentiment`. */
  readonly path: string;
  /** The `<model>` resource. */
  readonly resource: ApiGatewayResource;
  /** The POST method. */
  readonly method: ApiGatewayMethod;
  /** The proxy integration. */
  readonly integration: ApiGatewayIntegration;
  /** Lets API Gateway invoke the function for this route only. */
  readonly permission: LambdaPermission;

  constructor(scope: Construct, id: string, props: ModelRouteProps) {
    super(scope, id);
    const model = props.modelFunction.modelName;
    this.path = modelPath(model);

    this.resource = new ApiGatewayResource(this, 'Resource', {
      restApiId: props.restApi.id,
      parentId: props.parent.id,
      pathPart: model,
    });

    // API keys are not authentication on their own (AWS says so); here the key is Kong's, injected
    // upstream, so the API refuses anything that did not come through Kong.
    this.method = new ApiGatewayMethod(this, 'method', {
      restApiId: props.restApi.id,
      resourceId: this.resource.id,
      httpMethod: PREDICT_METHOD,
      authorization: 'NONE',
      apiKeyRequired: true,
    });

    const fn = props.modelFunction;
    this.integration = new ApiGatewayIntegration(this, 'integration', {
      restApiId: props.restApi.id,
      resourceId: this.resource.id,
      httpMethod: this.method.httpMethod,
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      ...(fn.streams
        ? {
            // A streamed answer flows through as Lambda produces it, for up to the function's
            // timeout; the function keeps the stream from going idle (lambda/sse.ts).
            responseTransferMode: RESPONSE_TRANSFER_MODE.stream,
            uri: streamingInvokeUri(fn.region, fn.function.arn),
            timeoutMilliseconds: streamIntegrationTimeoutMs(fn.timeoutSeconds),
          }
        : { uri: fn.invokeArn, timeoutMilliseconds: API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds * 1000 }),
    });

    // Streamed or not, API Gateway needs lambda:InvokeFunction: InvokeWithResponseStream "requires
    // permission for the lambda:InvokeFunction action" (Lambda API reference, API_InvokeWithResponseStream).
    this.permission = new LambdaPermission(this, 'permission', {
      statementId: 'AllowApiGatewayInvoke',
      action: 'lambda:InvokeFunction',
      functionName: props.modelFunction.functionName,
      principal: SERVICE_PRINCIPALS.apiGateway,
      sourceArn: `${props.restApi.executionArn}/${props.stageName}/${PREDICT_METHOD}${this.path}`,
    });
    props.deployment.addToDeployment(this.resource, this.method, this.integration);
  }

}
