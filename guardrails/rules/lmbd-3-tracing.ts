import { block, isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_50: X-Ray tracing is on. */
export const lambdaTracing = defineRule({
  id: 'AIGW-LMBD-3',
  level: 'error',
  checkov: ['CKV_AWS_50'],
  resourceTypes: ['aws_lambda_function'],
  finding: 'A Lambda function has no X-Ray tracing mode.',
  explanation:
    'Traces connect a slow or failing request across API Gateway, the function and Bedrock; without them latency problems are guesswork. Set tracing_config { mode = "Active" }.',
  evaluate(fn) {
    const mode = block(fn.values, 'tracing_config')?.['mode'];
    if (isExpression(mode)) return unevaluable('tracing_config.mode', mode);
    return mode ? compliant : nonCompliant('tracing_config.mode is not set');
  },
});
