import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { ApiGatewayAccountLogging } from '../../constructs/api-gateway-account-logging';
import { onlyResource, synthConstructsText } from '../support/synth';

describe('ApiGatewayAccountLogging', () => {
  const synthesized = synthConstructsText((scope) => {
    new ApiGatewayAccountLogging(scope, 'logging', { roleName: 'aigw-dev-us-east-1-apigw-logs' });
  });

  test('sets the region’s API Gateway CloudWatch role, after its policy is attached', () => {
    expect(synthesized).toHaveResource(ApiGatewayAccount);
    const account = onlyResource(JSON.parse(synthesized), 'aws_api_gateway_account');
    expect(account['cloudwatch_role_arn']).toMatch(/^\$\{aws_iam_role\.logging_role_\w+\.arn\}$/);
    expect(account['depends_on']).toEqual([expect.stringMatching(/^aws_iam_role_policy_attachment\./)]);
  });

  test('the role trusts only API Gateway and carries the AWS-managed push-to-CloudWatch policy', () => {
    const role = onlyResource(JSON.parse(synthesized), 'aws_iam_role');
    expect(role['name']).toBe('aigw-dev-us-east-1-apigw-logs');
    expect(JSON.parse(role['assume_role_policy'] as string).Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    expect(synthesized).toHaveResourceWithProperties(IamRolePolicyAttachment, {
      policy_arn: 'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
    });
  });
});
