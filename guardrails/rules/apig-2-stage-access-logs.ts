import { block } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_76: stages write access logs. */
export const apigStageAccessLogs = defineRule({
  id: 'AIGW-APIG-2',
  level: 'error',
  checkov: ['CKV_AWS_76'],
  resourceTypes: ['aws_api_gateway_stage'],
  finding: 'An API Gateway stage writes no access logs.',
  explanation:
    'Access logs are the record of who called which model, when, and with what result; without them an incident cannot be reconstructed and abuse goes unseen. Set access_log_settings with a destination_arn (a CloudWatch log group with retention) and a format.',
  evaluate(stage) {
    return block(stage.values, 'access_log_settings')?.['destination_arn'] ? compliant : nonCompliant('access_log_settings.destination_arn is not set');
  },
});
