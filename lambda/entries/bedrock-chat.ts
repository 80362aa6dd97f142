/**
 * Lambda entry of the `bedrock-chat` kind: this bundle carries only the Bedrock client. `handler`
 * answers buffered; `streamHandler` is the handler of a streaming model (Lambda response streaming).
 */
import { lambdaEntry, lambdaStreamingEntry } from '../entry';
import type { ModelFactories } from '../models/factory';
import { createBedrockChatRuntime } from '../models/bedrock-chat';

const factories: ModelFactories = { 'bedrock-chat': (config) => createBedrockChatRuntime(config) };

export const handler = lambdaEntry(factories);
export const streamHandler = lambdaStreamingEntry(factories);
