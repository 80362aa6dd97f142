/** Configuration check: Redis settings are given exactly when the rate-limiting policy is redis. */
import type { ConfigCheck } from './types';

/** Redis settings exactly when the policy is redis. */
export const redisSettingsMatchPolicy: ConfigCheck = ({ kong }) => {
  const limiting = kong?.rateLimiting;
  if (!limiting?.policy) return [];
  if (limiting.policy === 'redis' && !limiting.redis) {
    return [{ path: ['kong', 'rateLimiting', 'redis'], problem: 'missing', accepted: 'host (and optionally port, ssl, database, timeoutMs) when policy is redis' }];
  }
  if (limiting.policy !== 'redis' && limiting.redis) {
    return [{ path: ['kong', 'rateLimiting', 'redis'], problem: `set, but policy is ${limiting.policy}`, accepted: 'no redis settings, or policy: redis' }];
  }
  return [];
};
