/**
 * Bedrock ConverseStream events as OpenAI `chat.completion.chunk` events: messageStart opens with the
 * assistant role, each text delta is a chunk, messageStop carries the finish reason, and with
 * `stream_options.include_usage` a last chunk with no choices carries the usage from the metadata
 * event: "an additional chunk will be streamed before the data: [DONE] message ... the choices field
 * will always be an empty array. All other chunks will also include a usage field, but with a null
 * value" (openai/openai-openapi openapi.yaml, stream_options.include_usage). The usage chunk is
 * built after the stream ends ({@link usageChunk}), since Bedrock's reference does not fix the order
 * of its events.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 * @see https://platform.openai.com/docs/api-reference/chat-streaming/streaming
 */
import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { TokenUsage } from './runtime';

/** OpenAI's finish_reason for a Bedrock stopReason. */
export function finishReason(stopReason: string | undefined): string {
  switch (stopReason) {
    case 'max_tokens':
      return 'length';
    case 'content_filtered':
    case 'guardrail_intervened':
      return 'content_filter';
    case 'tool_use':
      return 'tool_calls';
    default:
      return 'stop';
  }
}

/** What every chunk of one answer repeats. */
export interface ChunkEnvelope {
  readonly id: string;
  readonly created: number;
  readonly model: string;
  /** Whether the client asked for usage (`stream_options.include_usage`). */
  readonly includeUsage: boolean;
}

/** What a stream produced, for the log line. */
export interface StreamTally {
  text: string;
  usage?: TokenUsage;
  finishReason?: string;
}

/**
 * The OpenAI chunks for one Bedrock event (none for events OpenAI has no counterpart for), adding
 * what it carries to the tally.
 */
export function chunksFor(event: ConverseStreamOutput, envelope: ChunkEnvelope, tally: StreamTally): object[] {
  const chunk = (delta: object, finish: string | null) => ({
    id: envelope.id,
    object: 'chat.completion.chunk',
    created: envelope.created,
    model: envelope.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...(envelope.includeUsage ? { usage: null } : {}),
  });
  if (event.messageStart) return [chunk({ role: 'assistant', content: '' }, null)];
  if (event.contentBlockDelta) {
    const text = event.contentBlockDelta.delta && 'text' in event.contentBlockDelta.delta ? event.contentBlockDelta.delta.text : undefined;
    if (!text) return [];
    tally.text += text;
    return [chunk({ content: text }, null)];
  }
  if (event.messageStop) {
    tally.finishReason = finishReason(event.messageStop.stopReason);
    return [chunk({}, tally.finishReason)];
  }
  if (event.metadata) {
    const usage = event.metadata.usage;
    const input = usage?.inputTokens ?? 0;
    const output = usage?.outputTokens ?? 0;
    tally.usage = { inputTokens: input, outputTokens: output, totalTokens: usage?.totalTokens ?? input + output };
  }
  return [];
}

/** The last chunk when the client asked for usage (none otherwise, or when Bedrock sent no usage). */
export function usageChunk(envelope: ChunkEnvelope, tally: StreamTally): object | undefined {
  if (!envelope.includeUsage || !tally.usage) return undefined;
  return {
    id: envelope.id,
    object: 'chat.completion.chunk',
    created: envelope.created,
    model: envelope.model,
    choices: [],
    usage: { prompt_tokens: tally.usage.inputTokens, completion_tokens: tally.usage.outputTokens, total_tokens: tally.usage.totalTokens },
  };
}
