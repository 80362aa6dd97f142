import type { APIGatewayProxyEvent } from 'aws-lambda';

/** An API Gateway REST proxy event for `POST /v1/<model>`, as the AWS_PROXY integration sends it. */
export function proxyEvent(overrides: Partial<APIGatewayProxyEvent> = {}, model = 'sentiment'): APIGatewayProxyEvent {
  return {
    resource: `/v1/${model}`,
    path: `/v1/${model}`,
    httpMethod: 'POST',
    headers: { 'Content-Type': 'application/json', Host: 'us-east-1.api.example.com', 'x-api-key': 'redacted' },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: JSON.stringify({ inputs: 'I love this!' }),
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      authorizer: null,
      protocol: 'HTTP/1.1',
      httpMethod: 'POST',
      identity: {} as APIGatewayProxyEvent['requestContext']['identity'],
      path: `/dev/v1/${model}`,
      stage: 'dev',
      requestId: 'req-0001',
      requestTimeEpoch: 1_700_000_000_000,
      resourceId: 'res1',
      resourcePath: `/v1/${model}`,
    },
    ...overrides,
  };
}

/** A JSON body for a proxy event. */
export function jsonBody(value: unknown): Pick<APIGatewayProxyEvent, 'body'> {
  return { body: JSON.stringify(value) };
}
