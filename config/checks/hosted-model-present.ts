/** Configuration check: at least one model runs in Lambda for the regions to serve. */
import { HOSTED_MODEL_KINDS } from '../../contract/model-host';
import { isHostedModel } from '../schema';
import type { ConfigCheck } from './types';

/** Regions exist to host models: with only external LLMs there is nothing for them to serve. */
export const hostedModelPresent: ConfigCheck = ({ models }) => {
  const valid = (models ?? []).filter((m) => m !== undefined);
  if (valid.length === 0 || valid.length !== (models ?? []).length || valid.some(isHostedModel)) return [];
  return [{ path: ['models'], problem: 'no model runs in Lambda', accepted: `at least one hosted model (kind ${HOSTED_MODEL_KINDS.join(', ')}) for the regions to serve` }];
};
