/**
 * The OpenAI chat completions request a chat model accepts: messages (system apart), max_tokens up
 * to the model's ceiling, temperature, top_p, stop, and `stream` with `stream_options` when the
 * model streams; `model`, `user` and `n: 1` are accepted and ignored.
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */
import { z } from 'zod';
import type { ChatStreaming } from '../../contract/chat';
import type { HostConfigOf } from '../../contract/model-host';

type ChatSettings = HostConfigOf<'bedrock-chat'>['settings'];
type ChatLimits = HostConfigOf<'bedrock-chat'>['limits'];

/** The OpenAI chat completions request, under the model's limits and token ceiling. */
export function chatRequestSchema(settings: ChatSettings, limits: ChatLimits, streaming?: ChatStreaming) {
  const contentPart = z.strictObject({
    type: z.literal('text', { error: 'must be "text" (only text content is supported)' }),
    text: z.string({ error: 'must be a string' }),
  });
  const message = z.strictObject({
    role: z.enum(['system', 'user', 'assistant'], { error: 'must be "system", "user" or "assistant"' }),
    content: z.union([z.string(), z.array(contentPart).min(1, { error: 'is empty' })], {
      error: 'must be a string or a list of {"type": "text", "text": ...} parts',
    }),
    name: z.string().optional(),
  });
  const maxTokens = z
    .int({ error: 'must be an integer' })
    .min(1, { error: 'must be at least 1' })
    .max(settings.maxTokensCeiling, { error: `must be at most ${settings.maxTokensCeiling} for this model` })
    .optional();
  const unit = (name: string) =>
    z
      .number({ error: 'must be a number' })
      .min(0, { error: `must be between 0 and 1 (${name} on Bedrock)` })
      .max(1, { error: `must be between 0 and 1 (${name} on Bedrock)` })
      .optional();
  return z
    .strictObject({
      model: z.string({ error: 'must be a string' }).optional(),
      messages: z
        .array(message, { error: 'must be a list of messages' })
        .min(1, { error: 'is empty; send at least one message' })
        .max(limits.maxMessages, { error: `has more than ${limits.maxMessages} messages` }),
      max_tokens: maxTokens,
      max_completion_tokens: maxTokens,
      temperature: unit('temperature'),
      top_p: unit('top_p'),
      stop: z
        .union([z.string().min(1), z.array(z.string().min(1)).max(4, { error: 'has more than 4 sequences' })], {
          error: 'must be a string or a list of at most 4 strings',
        })
        .optional(),
      stream: streaming
        ? z.boolean({ error: 'must be true or false' }).optional()
        : z.literal(false, { error: 'must be false: this model does not stream (its configuration has no streaming section)' }).optional(),
      stream_options: z
        .strictObject({ include_usage: z.boolean({ error: 'must be true or false' }).optional() }, { error: 'must be an object such as {"include_usage": true}' })
        .optional(),
      n: z.literal(1, { error: 'must be 1: one choice per request' }).optional(),
      user: z.string({ error: 'must be a string' }).optional(),
    })
    .superRefine((body, ctx) => {
      if (body.stream_options !== undefined && body.stream !== true) {
        ctx.addIssue({ code: 'custom', path: ['stream_options'], message: 'is only allowed with "stream": true' });
      }
      const chars = messageChars(body.messages);
      if (chars > limits.maxInputChars) {
        ctx.addIssue({ code: 'custom', path: ['messages'], message: `hold ${chars} characters; this model accepts at most ${limits.maxInputChars}` });
      }
      if (!body.messages.some((m) => m.role !== 'system')) {
        ctx.addIssue({ code: 'custom', path: ['messages'], message: 'hold only system messages; add a user message' });
      }
    });
}

/** A valid chat request. */
export type ChatRequest = z.output<ReturnType<typeof chatRequestSchema>>;

/** The text of a message's content. */
export function textOf(content: string | readonly { text: string }[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('\n');
}

/** Characters of text across a conversation's messages (the `maxInputChars` limit counts these). */
export function messageChars(messages: readonly { readonly content: string | readonly { text: string }[] }[]): number {
  return messages.reduce((n, m) => n + textOf(m.content).length, 0);
}
