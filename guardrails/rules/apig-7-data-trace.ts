import { block, isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_276: data trace never logs full requests and responses. */
export const apigDataTrace = defineRule({
  id: 'AIGW-APIG-7',
  level: 'error',
  checkov: ['CKV_AWS_276'],
  resourceTypes: ['aws_api_gateway_method_settings'],
  finding: 'API Gateway data trace is on, logging full requests and responses.',
  explanation:
    'Data trace writes whole request and response bodies to CloudWatch: for a model API that is every prompt and every completion, with whatever personal data they hold, kept as long as the logs are. Set settings.data_trace_enabled = false; use access logs and metrics instead.',
  evaluate(settings) {
    const trace = block(settings.values, 'settings')?.['data_trace_enabled'];
    if (isExpression(trace)) return unevaluable('settings.data_trace_enabled', trace);
    return trace === true ? nonCompliant('settings.data_trace_enabled is true') : compliant;
  },
});
