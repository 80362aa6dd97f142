/** Configuration check: Bedrock serves every bedrock-chat model in every region. */
import { resolveBedrockModel } from '../../aws/bedrock';
import { BEDROCK_AVAILABILITY_READ_ON } from '../../aws/bedrock-availability';
import type { ConfigCheck } from './types';

/**
 * Bedrock must serve every `bedrock-chat` model in every region of the environment: in-Region or
 * through the geographic inference profile its crossRegionInference allows (aws/bedrock.ts), and
 * not past its end of life. One issue per model names every region it fails in.
 */
export const bedrockModelsAvailable: ConfigCheck = ({ models, regions }, { today }) => {
  const valid = (regions ?? []).filter((r) => r !== undefined);
  return (models ?? []).flatMap((model, i) => {
    if (model?.kind !== 'bedrock-chat') return [];
    const failures = valid.flatMap((region) => {
      const resolution = resolveBedrockModel(model.settings.modelId, region, model.crossRegionInference, today);
      return 'problem' in resolution ? [`${region}: ${resolution.problem}`] : [];
    });
    if (failures.length === 0) return [];
    return [
      {
        path: ['models', i, 'settings', 'modelId'],
        problem: `Bedrock cannot serve it in ${failures.length === 1 ? 'one region' : `${failures.length} regions`} (${failures.join('; ')})`,
        received: model.settings.modelId,
        accepted: `a model Bedrock serves in every region of the environment (availability table read ${BEDROCK_AVAILABILITY_READ_ON}: aws/bedrock-availability.ts), or fewer regions`,
      },
    ];
  });
};
