/** Configuration check: the load balancer ranges match where TLS ends, and each is one Kong may trust. */
import { trustedCidrProblem } from '../../aws/cidr';
import type { ConfigCheck } from './types';

/**
 * Behind a load balancer that ends TLS, Kong sees plain HTTP: it takes the scheme from
 * X-Forwarded-Proto only from `trusted_ips` (Kong 3.9.1 kong/runloop/handler.lua:1234-1244), and
 * answers an HTTPS-only route 426 otherwise (lines 1261-1267).
 */
export const loadBalancerSettings: ConfigCheck = ({ kong }) => {
  const deployment = kong?.deployment;
  if (!deployment) return [];
  const cidrs = deployment.loadBalancerCidrs;
  if (deployment.tlsTermination === 'load-balancer' && !cidrs) {
    return [
      {
        path: ['kong', 'deployment', 'loadBalancerCidrs'],
        problem: 'missing: TLS ends at a load balancer, so Kong must trust its X-Forwarded-Proto, or every HTTPS-only route answers 426',
        accepted: "the load balancer's address ranges, e.g. [10.0.0.0/16]",
      },
    ];
  }
  if (deployment.tlsTermination === 'kong' && cidrs) {
    return [{ path: ['kong', 'deployment', 'loadBalancerCidrs'], problem: 'set, but TLS ends at Kong', accepted: 'no loadBalancerCidrs, or tlsTermination: load-balancer' }];
  }
  return (cidrs ?? []).flatMap((cidr, index) => {
    if (cidr === undefined) return [];
    const bad = trustedCidrProblem(cidr);
    return bad ? [{ path: ['kong', 'deployment', 'loadBalancerCidrs', index], problem: bad.problem, received: cidr, accepted: bad.accepted }] : [];
  });
};
