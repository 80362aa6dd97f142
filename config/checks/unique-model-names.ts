/** Configuration check: no two models share a name. */
import { modelPath } from '../../contract/paths';
import { duplicates } from './helpers';
import type { ConfigCheck } from './types';

/** Model names become URL paths and resource names, so two models may not share one. */
export const uniqueModelNames: ConfigCheck = (config) =>
  duplicates((config.models ?? []).map((m) => m?.name)).map(({ index, value, first }) => ({
    path: ['models', index, 'name'],
    problem: `clashes with models[${first}].name (same URL path ${modelPath(String(value))} and same function name)`,
    received: value,
    accepted: 'a name no other model uses',
  }));
