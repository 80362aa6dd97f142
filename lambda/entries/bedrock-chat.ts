/** Lambda entry of the `bedrock-chat` kind: this bundle carries only the Bedrock client. */
import { lambdaEntry } from '../handler';
import { createBedrockChatRuntime } from '../models/bedrock-chat';

export const handler = lambdaEntry({ 'bedrock-chat': (config) => createBedrockChatRuntime(config) });
