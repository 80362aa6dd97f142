import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** CKV_AWS_59: no method open to anonymous callers. */
export const apigMethodAuthorization = defineRule({
  id: 'AIGW-APIG-1',
  level: 'error',
  checkov: ['CKV_AWS_59'],
  resourceTypes: ['aws_api_gateway_method'],
  finding: 'An API Gateway method has no authorization and requires no API key.',
  explanation:
    'Without an authorizer or a required API key, anyone who finds the regional hostname can call the method directly, bypassing Kong’s authentication, ACLs and rate limits. Set api_key_required = true (Kong injects the key) or attach an authorizer; an open method that invokes nothing, such as the MOCK health check, may be acknowledged with a reason.',
  evaluate(method) {
    for (const key of ['http_method', 'authorization', 'api_key_required']) if (isExpression(method.values[key])) return unevaluable(key, method.values[key] as string);
    if (String(method.values['http_method']).toUpperCase() === 'OPTIONS') return notApplicable;
    const open = (method.values['authorization'] ?? 'NONE') === 'NONE' && method.values['api_key_required'] !== true;
    return open ? nonCompliant(`${String(method.values['http_method'])} has authorization NONE and api_key_required not true`) : compliant;
  },
  // Only an open GET whose integration is a MOCK (it answers a fixed response and reaches nothing)
  // may be accepted; an open method that reaches a function never.
  acknowledgeable(method, stack) {
    if (method.values['http_method'] !== 'GET') return 'only an open GET that a MOCK integration answers may be accepted';
    const ownMethod = `\${aws_api_gateway_method.${method.name}.http_method}`;
    const mock = stack
      .ofType('aws_api_gateway_integration')
      .some((i) => i.values['type'] === 'MOCK' && i.values['http_method'] === ownMethod && i.values['resource_id'] === method.values['resource_id']);
    return mock ? undefined : 'its integration is not a MOCK: an open method that reaches a backend is never accepted';
  },
});
