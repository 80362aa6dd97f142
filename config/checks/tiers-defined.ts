/** Configuration check: every rate-limit tier named is defined in kong.tiers. */
import type { ConfigIssue } from '../../core/errors';
import type { ConfigCheck } from './types';

/** Every tier a consumer or the default names must be defined in kong.tiers. */
export const tiersDefined: ConfigCheck = ({ kong }) => {
  if (!kong?.tiers) return [];
  const defined = Object.keys(kong.tiers);
  const undefinedTier = (tier: string | undefined, path: PropertyKey[]): ConfigIssue[] =>
    tier === undefined || defined.includes(tier)
      ? []
      : [{ path, problem: 'tier not defined', received: tier, accepted: defined.length ? `one of kong.tiers: ${defined.join(', ')}` : 'a tier defined in kong.tiers' }];
  return [
    ...undefinedTier(kong.defaultTier, ['kong', 'defaultTier']),
    ...(kong.consumers ?? []).flatMap((consumer, i) => undefinedTier(consumer?.tier, ['kong', 'consumers', i, 'tier'])),
  ];
};
