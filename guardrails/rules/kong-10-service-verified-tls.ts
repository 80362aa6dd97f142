import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** Project rule: Kong talks to its upstreams over HTTPS and verifies their certificates. */
export const kongServiceVerifiedTls = defineRule({
  id: 'AIGW-KONG-10',
  level: 'error',
  checkov: [],
  resourceTypes: ['kong_service'],
  finding: 'A Kong service does not use verified TLS to its upstream.',
  explanation:
    'Kong adds the upstream API key (and, for LLMs, the provider key) to every request it forwards. Without TLS, or with TLS whose certificate is not verified, anyone on the path can read the key or impersonate the upstream. Set protocol = "https" and tls_verify = true; the Kong nodes need a CA bundle (kong-node.env).',
  evaluate(service) {
    const { protocol, tls_verify: verify } = service.values;
    if (isExpression(protocol)) return unevaluable('protocol', protocol);
    if (isExpression(verify)) return unevaluable('tls_verify', verify);
    if (protocol !== 'https') return nonCompliant(`protocol is ${protocol === undefined ? 'not set (Kong defaults to http)' : String(protocol)}`);
    return verify === true ? compliant : nonCompliant('tls_verify is not true');
  },
});
