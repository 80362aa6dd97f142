import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';
import { RESPONSE_TRANSFER_MODE } from '../../aws/api-gateway-streaming';

/** The path of Lambda's response-streaming invocations in an integration URI. */
const STREAMING_INVOCATIONS = /\/2021-11-15\/functions\/.+\/response-streaming-invocations$/;

/**
 * Project rule: a Lambda proxy integration's transfer mode and URI agree. For a STREAM integration
 * to Lambda with the buffered `.../invocations` URI "API Gateway doesn't support this integration
 * configuration"; a BUFFERED integration to a function's streaming invocations returns "the HTTP
 * headers and status code but not the response body" (response-transfer-mode-lambda.html).
 */
export const apigStreamIntegrationUri = defineRule({
  id: 'AIGW-APIG-11',
  level: 'error',
  checkov: [],
  resourceTypes: ['aws_api_gateway_integration'],
  finding: "An API Gateway Lambda integration's transfer mode does not match its URI.",
  explanation:
    "API Gateway streams a Lambda function's answer only through Lambda's response-streaming invocations (arn:aws:apigateway:<region>:lambda:path/2021-11-15/functions/<function arn>/response-streaming-invocations) with response_transfer_mode = STREAM. STREAM with the buffered 2015-03-31 invocations URI is not supported, and BUFFERED with the streaming URI answers without a body. Set both together: the streaming URI with STREAM, the function's invoke_arn with BUFFERED (the default).",
  evaluate(integration) {
    if (integration.values['type'] !== 'AWS_PROXY') return notApplicable;
    const uri = integration.values['uri'];
    const mode = integration.values['response_transfer_mode'];
    if (isExpression(mode)) return unevaluable('response_transfer_mode', mode);
    const streams = mode === RESPONSE_TRANSFER_MODE.stream;
    const toStreaming = typeof uri === 'string' && STREAMING_INVOCATIONS.test(uri);
    if (streams === toStreaming) return compliant;
    return nonCompliant(streams ? 'response_transfer_mode is STREAM, but the URI is not the function\'s response-streaming invocations' : `response_transfer_mode is ${String(mode ?? 'BUFFERED (default)')}, but the URI is the function's response-streaming invocations`);
  },
});
