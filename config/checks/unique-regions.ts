/** Configuration check: each region is listed once. */
import { duplicates } from './helpers';
import type { ConfigCheck } from './types';

/** Each region at most once: a second copy would be a second stack with the same name. */
export const uniqueRegions: ConfigCheck = (config) =>
  duplicates(config.regions ?? []).map(({ index, value, first }) => ({
    path: ['regions', index],
    problem: `duplicate of regions[${first}]`,
    received: value,
    accepted: 'each region listed once',
  }));
