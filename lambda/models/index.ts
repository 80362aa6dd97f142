/**
 * The model registry: builds the model a function's configuration names. Adding a kind means a
 * schema in `contract.ts` and a case here; the compiler flags a kind without one.
 */
import type { ModelHostConfig } from '../contract';
import type { Model } from './model';
import { createSentimentModel } from './sentiment';

export type { Model } from './model';

/** Creates the model for a host configuration. Loads weights, so call it once per cold start. */
export function createModel(config: ModelHostConfig): Model {
  switch (config.kind) {
    case 'sentiment':
      return createSentimentModel(config.settings);
    default: {
      const unknownKind: never = config.kind;
      throw new Error(`No model implementation for kind ${String(unknownKind)}`);
    }
  }
}
