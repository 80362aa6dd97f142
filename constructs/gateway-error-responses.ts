import { ApiGatewayGatewayResponse } from '@cdktf/provider-aws/lib/api-gateway-gateway-response';
import type { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Construct } from 'constructs';
import { errorBody } from '../contract/errors';
import type { ApiDeploymentRegistry } from './api-stage';

/** Properties of {@link GatewayErrorResponses}. */
export interface GatewayErrorResponsesProps {
  /** The REST API whose default error responses are replaced. */
  readonly restApi: ApiGatewayRestApi;
  /** The deployment that serves them (gateway responses take effect on the next deployment). */
  readonly deployment: ApiDeploymentRegistry;
}

/** Where API Gateway's message goes in the template (replaced, quotes and all). */
const MESSAGE_SLOT = '\u0000message';

/**
 * The body of API Gateway's own errors (missing key, throttled, unknown path, timeout), in the same
 * shape as the model host's: `{"error": {"code", "message"}, "requestId"}`. Gateway codes are API
 * Gateway's response types in upper case (`INVALID_API_KEY`, `THROTTLED`, `INTEGRATION_TIMEOUT`);
 * the host's codes are lower case.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export const GATEWAY_ERROR_TEMPLATE = JSON.stringify(errorBody('$context.error.responseType', MESSAGE_SLOT, '$context.requestId')).replace(
  JSON.stringify(MESSAGE_SLOT),
  // API Gateway's message variable is a quoted JSON string already.
  '$context.error.messageString',
);

/** The response types replaced: every 4XX and 5XX API Gateway produces itself. */
export const GATEWAY_RESPONSE_TYPES = ['DEFAULT_4XX', 'DEFAULT_5XX'] as const;

/** JSON error bodies for every error API Gateway answers without reaching a function. */
export class GatewayErrorResponses extends Construct {
  /** One gateway response per type. */
  readonly responses: ApiGatewayGatewayResponse[];

  constructor(scope: Construct, id: string, props: GatewayErrorResponsesProps) {
    super(scope, id);
    this.responses = GATEWAY_RESPONSE_TYPES.map(
      (responseType) =>
        new ApiGatewayGatewayResponse(this, responseType.toLowerCase().replace('_', '-'), {
          restApiId: props.restApi.id,
          responseType,
          responseTemplates: { 'application/json': GATEWAY_ERROR_TEMPLATE },
        }),
    );
    props.deployment.addToDeployment(...this.responses);
  }
}
