/** Lambda entry of the `entities` kind: this bundle carries only its model. */
import { lambdaEntry } from '../entry';
import { createEntitiesRuntime } from '../models/entities';

export const handler = lambdaEntry({ entities: createEntitiesRuntime });
