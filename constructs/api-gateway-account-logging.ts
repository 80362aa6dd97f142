import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { API_GATEWAY_CLOUDWATCH_POLICY_ARN, SERVICE_PRINCIPALS } from '../aws/facts';
import { serviceTrustPolicy } from '../aws/iam-policy';
import { forgetResource } from '../terraform/facts';

/** Properties of {@link ApiGatewayAccountLogging}. */
export interface ApiGatewayAccountLoggingProps {
  /** The role name (unique in the account: IAM is global, so include the region). */
  readonly roleName: string;
}

/**
 * The account-level CloudWatch role of API Gateway in one region. Stage access and execution
 * logging fail at apply without it. It is a per-account, per-region setting: environments that
 * share an account and region share it (the last one applied wins, and every one sets a working
 * role). The AWS-managed policy is used because the role serves every API in the region.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
 */
export class ApiGatewayAccountLogging extends Construct {
  /** The construct id of the account setting under this construct; its Terraform address follows from it. */
  static readonly ACCOUNT_ID = 'Resource';

  /**
   * Gives up managing the setting in `scope`'s stack without resetting it: a `removed` block with
   * `destroy = false` for the address the setting had under `id` (Terraform 1.7+ forgets the
   * resource instead of destroying it; destroying it would reset API Gateway's CloudWatch role for
   * every environment in the account and region). Harmless when the stack never managed it.
   * @see https://developer.hashicorp.com/terraform/language/resources/syntax#removing-resources
   */
  static relinquish(scope: Construct, id: string): string {
    return forgetResource(new Construct(new Construct(scope, id), ApiGatewayAccountLogging.ACCOUNT_ID), 'aws_api_gateway_account');
  }

  /** The role API Gateway assumes to write logs. */
  readonly role: IamRole;
  /** The managed policy attachment. */
  readonly policyAttachment: IamRolePolicyAttachment;
  /** The account setting; stages depend on it. */
  readonly account: ApiGatewayAccount;

  constructor(scope: Construct, id: string, props: ApiGatewayAccountLoggingProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: 'Lets API Gateway write access and execution logs to CloudWatch Logs in this region.',
      assumeRolePolicy: serviceTrustPolicy(SERVICE_PRINCIPALS.apiGateway),
    });
    this.policyAttachment = new IamRolePolicyAttachment(this, 'policy', {
      role: this.role.name,
      policyArn: API_GATEWAY_CLOUDWATCH_POLICY_ARN,
    });
    this.account = new ApiGatewayAccount(this, ApiGatewayAccountLogging.ACCOUNT_ID, {
      cloudwatchRoleArn: this.role.arn,
      dependsOn: [this.policyAttachment],
    });
  }
}
