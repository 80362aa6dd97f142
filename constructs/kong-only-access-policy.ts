import { ApiGatewayRestApiPolicy } from '@cdktf/provider-aws/lib/api-gateway-rest-api-policy';
import type { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Construct } from 'constructs';
import { invalidProp } from '../core/errors';
import { policyDocument, type PolicyStatement } from '../aws/iam-policy';
import type { ApiDeploymentRegistry } from './api-stage';

/** Properties of a {@link KongOnlyAccessPolicy}. */
export interface KongOnlyAccessPolicyProps {
  /** The REST API to restrict. */
  readonly restApi: ApiGatewayRestApi;
  /** Kong's public egress ranges (validated by the configuration). */
  readonly allowedSourceCidrs: readonly string[];
  /** The deployment that serves the API: a resource policy takes effect only on the next deployment. */
  readonly deployment: ApiDeploymentRegistry;
}

/**
 * A REST API resource policy that lets only Kong's egress addresses invoke the API: an allow for
 * those ranges and an explicit deny for every other source (an explicit deny wins over any allow).
 * This is the strong answer to "no way around Kong": even with the API key, a call from anywhere
 * else is refused by API Gateway before any integration runs.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
export class KongOnlyAccessPolicy extends Construct {
  /** The policy. */
  readonly policy: ApiGatewayRestApiPolicy;

  constructor(scope: Construct, id: string, props: KongOnlyAccessPolicyProps) {
    super(scope, id);
    if (props.allowedSourceCidrs.length === 0) {
      throw invalidProp('KongOnlyAccessPolicy', 'allowedSourceCidrs', [], 'at least one range (an empty list would deny everyone)');
    }
    const sources = [...props.allowedSourceCidrs];
    const invoke = (Sid: string, Effect: 'Allow' | 'Deny', operator: 'IpAddress' | 'NotIpAddress'): PolicyStatement => ({
      Sid,
      Effect,
      Principal: { AWS: '*' },
      Action: 'execute-api:Invoke',
      Resource: `${props.restApi.executionArn}/*`,
      Condition: { [operator]: { 'aws:SourceIp': sources } },
    });
    this.policy = new ApiGatewayRestApiPolicy(this, 'Resource', {
      restApiId: props.restApi.id,
      policy: policyDocument([invoke('AllowKongEgress', 'Allow', 'IpAddress'), invoke('DenyEveryoneElse', 'Deny', 'NotIpAddress')]),
    });
    props.deployment.addToDeployment(this.policy);
  }
}
