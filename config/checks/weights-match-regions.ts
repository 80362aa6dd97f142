/** Configuration check: upstream weights name configured regions, and some region takes traffic. */
import type { ConfigIssue } from '../../core/errors';
import type { ConfigCheck } from './types';

/** Weights may only name configured regions, and some region must take traffic. */
export const weightsMatchRegions: ConfigCheck = ({ kong, regions }) => {
  const weights = kong?.upstream?.weights;
  const configured = (regions ?? []).filter((r) => r !== undefined);
  if (!weights || configured.length === 0) return [];
  const issues: ConfigIssue[] = Object.keys(weights)
    .filter((region) => !(configured as string[]).includes(region))
    .map((region) => ({
      path: ['kong', 'upstream', 'weights', region],
      problem: 'not one of the configured regions',
      received: region,
      accepted: `one of ${configured.join(', ')}`,
    }));
  const effective = configured.map((region) => (weights as Record<string, number | undefined>)[region] ?? 100);
  if (effective.every((w) => w === 0)) {
    issues.push({ path: ['kong', 'upstream', 'weights'], problem: 'every region has weight 0', accepted: 'at least one region with a weight above 0' });
  }
  return issues;
};
