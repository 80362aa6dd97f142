/**
 * The model registry: how each kind's runtime is built. Adding a kind means a schema in
 * `contract.ts`, a factory here and an entry in `lambda/entries/`; the compiler flags a missing one.
 */
import type { ModelFactories } from './factory';
import { createBedrockChatRuntime } from './bedrock-chat';
import { createEntitiesRuntime } from './entities';
import { createKeywordsRuntime } from './keywords';
import { createSentimentRuntime } from './sentiment';

export type { Invocation, InvokeContext, ModelRuntime, StreamedInvocation, StreamingRuntime, TokenUsage } from './runtime';

export type { ModelFactories, ModelFactory } from './factory';

/** Every kind (local serving and tests use this; each Lambda bundle carries one kind). */
export const ALL_MODEL_FACTORIES: Required<ModelFactories> = {
  sentiment: createSentimentRuntime,
  entities: createEntitiesRuntime,
  keywords: createKeywordsRuntime,
  'bedrock-chat': (config) => createBedrockChatRuntime(config),
};

export { factoryFor } from './factory';
