/**
 * Lambda entry of the `bedrock-chat` kind: this bundle carries only the Bedrock and DynamoDB
 * clients. `handler` answers buffered; `streamHandler` is the handler of a streaming model (Lambda
 * response streaming). With a metering section, calls are metered and budgets are kept in the
 * region's budget table.
 */
import type { HostConfigOf } from '../../contract/model-host';
import { DynamoCounterStore } from '../budgets/dynamodb-store';
import { meteredChatRuntime } from '../budgets/metered-chat';
import { stdoutMetricsSink } from '../budgets/metrics';
import { lambdaEntry, lambdaStreamingEntry } from '../entry';
import type { ModelFactories } from '../models/factory';
import { createBedrockChatRuntime } from '../models/bedrock-chat';

function meteredBedrockChat(config: HostConfigOf<'bedrock-chat'>) {
  const runtime = createBedrockChatRuntime(config);
  const { metering } = config;
  if (!metering) return runtime;
  return meteredChatRuntime(config, runtime, {
    metering,
    ...(metering.table ? { store: new DynamoCounterStore(metering.table) } : {}),
    sink: stdoutMetricsSink,
  });
}

const factories: ModelFactories = { 'bedrock-chat': meteredBedrockChat };

export const handler = lambdaEntry(factories);
export const streamHandler = lambdaStreamingEntry(factories);
