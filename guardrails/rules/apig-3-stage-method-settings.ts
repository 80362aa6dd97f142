import { block, referencedAddress } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV2_AWS_4: every stage has method settings with execution logging and metrics. */
export const apigStageMethodSettings = defineRule({
  id: 'AIGW-APIG-3',
  level: 'error',
  checkov: ['CKV2_AWS_4'],
  resourceTypes: ['aws_api_gateway_stage'],
  finding: 'An API Gateway stage has no method settings with ERROR or INFO logging and metrics.',
  explanation:
    'Execution logs and CloudWatch metrics are how integration failures, throttling and latency show up; without them a failing region looks healthy until clients complain. Add aws_api_gateway_method_settings for the stage with method_path "*/*", logging_level ERROR (or INFO) and metrics_enabled true.',
  evaluate(stage, stack) {
    const settings = stack.ofType('aws_api_gateway_method_settings').filter((s) => {
      const stageName = s.values['stage_name'];
      return referencedAddress(stageName) === stage.address || (stageName === stage.values['stage_name'] && s.values['rest_api_id'] === stage.values['rest_api_id']);
    });
    const good = settings.some((s) => {
      const values = block(s.values, 'settings');
      return ['ERROR', 'INFO'].includes(String(values?.['logging_level'])) && values?.['metrics_enabled'] === true;
    });
    return good ? compliant : nonCompliant(settings.length ? 'its method settings lack ERROR/INFO logging or metrics' : 'no method settings reference this stage');
  },
});
