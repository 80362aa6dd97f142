/** Lambda entry of the `sentiment` kind: this bundle carries only its model. */
import { lambdaEntry } from '../handler';
import { createSentimentRuntime } from '../models/sentiment';

export const handler = lambdaEntry({ sentiment: createSentimentRuntime });
