import {
  bedrockChatHostSchema,
  entitiesHostSchema,
  keywordsHostSchema,
  sentimentHostSchema,
  type HostConfigOf,
  type ModelKind,
} from '../../contract/model-host';

const schemas = {
  sentiment: sentimentHostSchema,
  entities: entitiesHostSchema,
  keywords: keywordsHostSchema,
  'bedrock-chat': bedrockChatHostSchema,
} as const;

/** Settings a kind cannot do without. */
const required: { [K in ModelKind]?: Record<string, unknown> } = {
  'bedrock-chat': { settings: { modelId: 'amazon.nova-micro-v1:0' } },
};

/** A host configuration of one kind, validated by that kind's own schema (defaults applied). */
export function hostConfig<K extends ModelKind>(kind: K, overrides: Record<string, unknown> = {}): HostConfigOf<K> {
  return schemas[kind].parse({ name: kind, kind, ...required[kind], ...overrides }) as HostConfigOf<K>;
}
