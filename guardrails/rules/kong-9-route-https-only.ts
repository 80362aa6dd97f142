import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** Project rule: clients reach Kong's routes over HTTPS only. */
export const kongRouteHttpsOnly = defineRule({
  id: 'AIGW-KONG-9',
  level: 'error',
  checkov: [],
  resourceTypes: ['kong_route'],
  finding: 'A Kong route accepts plain HTTP.',
  explanation:
    'Over HTTP the consumer key, the prompt and the answer cross the network in clear, readable and changeable by anyone on the path. Routes list only https; when TLS ends at a load balancer, Kong trusts its X-Forwarded-Proto (kong.deployment.tlsTermination: load-balancer) and the route stays https-only.',
  evaluate(route) {
    const protocols = route.values['protocols'];
    if (isExpression(protocols)) return unevaluable('protocols', protocols);
    if (!Array.isArray(protocols) || protocols.length === 0) return nonCompliant('protocols is not set (Kong defaults to http and https)');
    const computed = protocols.find(isExpression);
    if (computed !== undefined) return unevaluable('a protocol', computed);
    const plain = protocols.filter((p) => p !== 'https');
    return plain.length ? nonCompliant(`protocols include ${plain.join(', ')}`) : compliant;
  },
});
