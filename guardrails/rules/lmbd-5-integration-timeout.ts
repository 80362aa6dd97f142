import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';
import { API_GATEWAY_LIMITS } from '../../contract/limits';

/** Project rule: a function never outlives the API Gateway integration that waits for it. */
export const lambdaIntegrationTimeout = defineRule({
  id: 'AIGW-LMBD-5',
  level: 'error',
  checkov: [],
  resourceTypes: ['aws_lambda_function'],
  finding: `A Lambda function's timeout exceeds the ${API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds} s API Gateway integration timeout.`,
  explanation: `API Gateway stops waiting after ${API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds} s (EDGE endpoints cannot raise it): a longer function keeps running, and billing, after the caller has already received a 504. Set timeout to at most ${API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds}.`,
  evaluate(fn) {
    if (isExpression(fn.values['timeout'])) return unevaluable('timeout', fn.values['timeout']);
    const timeout = typeof fn.values['timeout'] === 'number' ? (fn.values['timeout'] as number) : 3;
    return timeout <= API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds ? compliant : nonCompliant(`timeout is ${timeout} s`);
  },
});
