/** Lambda entry of the `keywords` kind: this bundle carries only its model. */
import { lambdaEntry } from '../entry';
import { createKeywordsRuntime } from '../models/keywords';

export const handler = lambdaEntry({ keywords: createKeywordsRuntime });
