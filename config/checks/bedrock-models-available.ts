/** Configuration check: Bedrock serves every model of every bedrock-chat chain in every region. */
import { resolveBedrockModel } from '../../aws/bedrock';
import { BEDROCK_AVAILABILITY_READ_ON } from '../../aws/bedrock-availability';
import { chainMemberPath, modelChain } from '../../contract/chat';
import type { ConfigCheck } from './types';

/**
 * Bedrock must serve every model of a `bedrock-chat` chain (settings.modelId, then each of
 * settings.fallbacks.modelIds) in every region of the environment: in-Region or through the
 * geographic inference profile its crossRegionInference allows (aws/bedrock.ts), and not past its
 * end of life. A fallback that cannot run in a region would fail exactly when it is needed. One
 * issue per chain member names every region it fails in.
 */
export const bedrockModelsAvailable: ConfigCheck = ({ models, regions }, { today }) => {
  const valid = (regions ?? []).filter((r) => r !== undefined);
  return (models ?? []).flatMap((model, i) => {
    if (model?.kind !== 'bedrock-chat') return [];
    return modelChain(model.settings).flatMap((modelId, member) => {
      const failures = valid.flatMap((region) => {
        const resolution = resolveBedrockModel(modelId, region, model.crossRegionInference, today);
        return 'problem' in resolution ? [`${region}: ${resolution.problem}`] : [];
      });
      if (failures.length === 0) return [];
      return [
        {
          path: ['models', i, 'settings', ...chainMemberPath(member)],
          problem: `Bedrock cannot serve it in ${failures.length === 1 ? 'one region' : `${failures.length} regions`} (${failures.join('; ')})`,
          received: modelId,
          accepted: `a model Bedrock serves in every region of the environment (availability table read ${BEDROCK_AVAILABILITY_READ_ON}: aws/bedrock-availability.ts), or fewer regions`,
        },
      ];
    });
  });
};
