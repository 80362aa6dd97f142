/** Lambda entry of the `sentiment` kind: this bundle carries only its model. */
import { lambdaEntry } from '../entry';
import { createSentimentRuntime } from '../models/sentiment';

export const handler = lambdaEntry({ sentiment: createSentimentRuntime });
