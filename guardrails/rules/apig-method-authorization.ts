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
    if (String(method.values['http_method']).toUpperCase() === 'OPTIONS') return notApplicable;
    const open = (method.values['authorization'] ?? 'NONE') === 'NONE' && method.values['api_key_required'] !== true;
    return open ? nonCompliant(`${String(method.values['http_method'])} has authorization NONE and api_key_required not true`) : compliant;
  },
});
