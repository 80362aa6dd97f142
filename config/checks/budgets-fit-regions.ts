/** Configuration check: every region that takes traffic gets a usable share of each token budget. */
import type { AwsRegion } from '../../aws/facts';
import type { ConfigIssue } from '../../core/errors';
import { regionShare } from '../metering';
import type { ConfigCheck } from './types';

/**
 * Budgets are split across regions by the upstream weights; a region that takes traffic but whose
 * share rounds down to no tokens would refuse every call there.
 */
export const budgetsFitRegions: ConfigCheck = ({ kong, regions }) => {
  const serving = (regions ?? []).filter((r): r is AwsRegion => r !== undefined);
  const weights = (kong?.upstream?.weights ?? {}) as Partial<Record<AwsRegion, number>>;
  const issues: ConfigIssue[] = [];
  for (const [tier, limits] of Object.entries(kong?.tiers ?? {})) {
    const tokens = limits?.budget?.tokens;
    if (!tokens) continue;
    for (const period of ['perMinute', 'perDay'] as const) {
      const budget = tokens[period];
      if (budget === undefined) continue;
      const starved = serving.filter((r) => regionShare(serving, weights, r) > 0 && Math.floor(budget * regionShare(serving, weights, r)) < 1);
      if (starved.length) {
        const smallest = Math.min(...serving.map((r) => regionShare(serving, weights, r)).filter((s) => s > 0));
        issues.push({
          path: ['kong', 'tiers', tier, 'budget', 'tokens', period],
          problem: `split by the upstream weights, it leaves ${starved.join(', ')} no tokens`,
          received: budget,
          accepted: `at least ${Math.ceil(1 / smallest)} (each region enforces its weight's share)`,
        });
      }
    }
  }
  return issues;
};
