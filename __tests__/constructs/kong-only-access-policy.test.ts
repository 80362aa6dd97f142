import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayRestApiPolicy } from '@cdktf/provider-aws/lib/api-gateway-rest-api-policy';
import { recordingDeployment } from '../support/fixtures';
import { KongOnlyAccessPolicy } from '../../constructs/kong-only-access-policy';
import { modelApiFixture, modelFunctionFixture } from '../support/fixtures';
import { onlyResource, resources, synthConstructsText } from '../support/synth';

describe('KongOnlyAccessPolicy', () => {
  test('allows Kong’s ranges and explicitly denies every other source', () => {
    const synthesized = synthConstructsText((scope) => {
      new KongOnlyAccessPolicy(scope, 'p', { restApi: new ApiGatewayRestApi(scope, 'api', { name: 'x' }), allowedSourceCidrs: ['198.51.100.10/32'], deployment: recordingDeployment() });
    });
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayRestApiPolicy, { rest_api_id: '${aws_api_gateway_rest_api.api.id}' });
    const document = JSON.parse(onlyResource(JSON.parse(synthesized), 'aws_api_gateway_rest_api_policy')['policy'] as string);
    const everything = '${aws_api_gateway_rest_api.api.execution_arn}/*';
    expect(document.Statement).toEqual([
      { Sid: 'AllowKongEgress', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'execute-api:Invoke', Resource: everything, Condition: { IpAddress: { 'aws:SourceIp': ['198.51.100.10/32'] } } },
      { Sid: 'DenyEveryoneElse', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'execute-api:Invoke', Resource: everything, Condition: { NotIpAddress: { 'aws:SourceIp': ['198.51.100.10/32'] } } },
    ]);
  });

  test('refuses an empty list, which would deny everyone', () => {
    expect(() =>
      synthConstructsText((scope) => new KongOnlyAccessPolicy(scope, 'p', { restApi: new ApiGatewayRestApi(scope, 'api', { name: 'x' }), allowedSourceCidrs: [], deployment: recordingDeployment() })),
    ).toThrow('KongOnlyAccessPolicy: allowedSourceCidrs is []; accepted: at least one range');
  });

  test('a ModelApi with egress ranges gets the policy, waits for it and redeploys when it changes', () => {
    const json = JSON.parse(synthConstructsText((scope) => void modelApiFixture(scope, { functions: [modelFunctionFixture(scope)] })));
    expect(resources(json, 'aws_api_gateway_rest_api_policy')).toHaveLength(0);
    const restricted = JSON.parse(
      synthConstructsText((scope) => {
        modelApiFixture(scope, { allowedSourceCidrs: ['198.51.100.10/32'] });
      }),
    );
    const policyAddress = `aws_api_gateway_rest_api_policy.${Object.keys(restricted.resource.aws_api_gateway_rest_api_policy)[0]}`;
    const deployment = onlyResource(restricted, 'aws_api_gateway_deployment');
    expect(deployment['depends_on']).toContain(policyAddress);
    // A resource policy takes effect only on the next deployment: any change to it redeploys.
    expect((deployment['triggers'] as { redeployment: string }).redeployment).toMatch(new RegExp(`[\\[ ]${policyAddress.replace(/[.]/g, '\\.')}[,\\]]`));
  });
});
