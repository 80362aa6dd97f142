import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';
import { API_GATEWAY_LIMITS } from '../../contract/limits';
import { RESPONSE_TRANSFER_MODE } from '../../aws/api-gateway-streaming';

/**
 * Project rule: a function never outlives the API Gateway integration that waits for it. A buffered
 * integration waits 29 s at most; a streamed one (response_transfer_mode STREAM) as long as its own
 * timeout, which the pinned provider accepts up to 300 s. A function past 29 s is compliant only when
 * every integration of its stack that invokes it streams and waits at least as long as it runs.
 */
export const lambdaIntegrationTimeout = defineRule({
  id: 'AIGW-LMBD-5',
  level: 'error',
  checkov: [],
  resourceTypes: ['aws_lambda_function'],
  finding: `A Lambda function's timeout exceeds what the API Gateway integration invoking it waits (${API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds} s buffered, its own timeout up to ${API_GATEWAY_LIMITS.maxStreamIntegrationTimeoutSeconds} s streamed).`,
  explanation: `API Gateway stops waiting for a buffered answer after ${API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds} s (EDGE endpoints cannot raise it): a longer function keeps running, and billing, after the caller has already received a 504. Set timeout to at most ${API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds}, or stream the model's answers (streaming in its configuration), whose integration waits up to ${API_GATEWAY_LIMITS.maxStreamIntegrationTimeoutSeconds} s.`,
  evaluate(fn, stack) {
    if (isExpression(fn.values['timeout'])) return unevaluable('timeout', fn.values['timeout']);
    const timeout = typeof fn.values['timeout'] === 'number' ? (fn.values['timeout'] as number) : 3;
    if (timeout <= API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds) return compliant;
    const invoking = stack.ofType('aws_api_gateway_integration').filter((i) => String(i.values['uri'] ?? '').includes(`\${${fn.address}.`));
    const short = invoking.filter(
      (i) => i.values['response_transfer_mode'] !== RESPONSE_TRANSFER_MODE.stream || !(Number(i.values['timeout_milliseconds']) >= timeout * 1000),
    );
    if (invoking.length > 0 && short.length === 0 && timeout <= API_GATEWAY_LIMITS.maxStreamIntegrationTimeoutSeconds) return compliant;
    const why = invoking.length === 0 ? 'no streamed integration invokes it' : short.length ? `${short.map((i) => i.address).join(', ')} waits less` : `more than ${API_GATEWAY_LIMITS.maxStreamIntegrationTimeoutSeconds} s`;
    return nonCompliant(`timeout is ${timeout} s; ${why}`);
  },
});
