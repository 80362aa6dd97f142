/** Configuration check: a dollar budget can price every model its tier reaches, with prices read in the past. */
import type { ConfigIssue } from '../../core/errors';
import { billedModelIds, modelsReachedBy, priceOf } from '../metering';
import type { ConfigCheck } from './types';

/**
 * A tier with `budget.usdPerDay` must have a price for every LLM its consumers reach (each model of a
 * fallback chain included): the host could not charge a call it cannot price. A price must have
 * been read on or before today.
 */
export const budgetsPriced: ConfigCheck = ({ kong, models, prices }, { today }) => {
  const issues: ConfigIssue[] = [];
  const table = (prices ?? {}) as Readonly<Record<string, { inputPer1k: number; outputPer1k: number; readOn?: string } | undefined>>;
  for (const [modelId, price] of Object.entries(table)) {
    if (price?.readOn !== undefined && price.readOn > today) {
      issues.push({ path: ['prices', modelId, 'readOn'], problem: 'a date in the future', received: price.readOn, accepted: `the day the price was read, at the latest today (${today})` });
    }
  }
  for (const [tier, limits] of Object.entries(kong?.tiers ?? {})) {
    if (limits?.budget?.usdPerDay === undefined || !kong) continue;
    const reached = modelsReachedBy(tier, kong, models ?? []);
    const unpriced = [...new Set(reached.flatMap((model) => billedModelIds(model).filter((id) => !priceOf(table, id)).map((id) => `${id} (model ${model.name})`)))];
    if (unpriced.length) {
      issues.push({
        path: ['kong', 'tiers', tier, 'budget', 'usdPerDay'],
        problem: `a dollar budget, but the tier reaches models without a price: ${unpriced.join(', ')}`,
        accepted: `a price for each under prices (inputPer1k, outputPer1k, readOn)${tier === kong.defaultTier ? '; the default tier reaches every model' : ''}, or no usdPerDay`,
      });
    }
  }
  return issues;
};
