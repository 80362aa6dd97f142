/** What a model host needs from a hosted model's configuration. */
import type { ModelHostConfig } from '../contract/model-host';
import type { HostedModelConfig } from './schema';

/** The host's configuration of a model: not how it is deployed, nor who may call it. */
export function hostConfigOf(model: HostedModelConfig): ModelHostConfig {
  const {
    memoryMb: _memory,
    timeoutSeconds: _timeout,
    reservedConcurrency: _concurrency,
    allowedGroups: _groups,
    ...host
  } = model;
  if (host.kind === 'bedrock-chat') {
    // Where Bedrock runs the model is settled at synth, into settings.modelId (aws/bedrock.ts).
    const { crossRegionInference: _routing, ...bedrockHost } = host;
    return bedrockHost;
  }
  return host;
}
