/** Configuration check: the rate-limiting policy is one Kong accepts in the deployment's mode. */
import type { ConfigCheck } from './types';

/**
 * Kong refuses rate-limiting's cluster policy where there is no database to count in: with
 * `database = off` or on a control plane (Kong 3.9.1 kong/plugins/rate-limiting/schema.lua:39-58:
 * policy is then "one_of local, redis"; data planes always run with `database = off`,
 * kong/conf_loader/parse.lua:766-768).
 */
export const rateLimitingPolicyFitsMode: ConfigCheck = ({ kong }) =>
  kong?.deployment?.mode === 'hybrid' && kong.rateLimiting?.policy === 'cluster'
    ? [
        {
          path: ['kong', 'rateLimiting', 'policy'],
          problem: 'Kong rejects the cluster policy in hybrid mode ("expected one of: local, redis")',
          received: 'cluster',
          accepted: 'redis (one budget shared by every node), or local (each node counts its own)',
        },
      ]
    : [];
