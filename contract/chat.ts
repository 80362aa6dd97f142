/**
 * The chat kinds' part of the host contract: the Bedrock chat settings (with the fallback chain)
 * and response streaming. The configuration schema builds on these, so the host and the
 * infrastructure read one definition.
 */
import { z } from 'zod';

/** A Bedrock model id: a foundation model, or a cross-region inference profile (geography prefix). */
export const bedrockModelIdSchema = z
  .string()
  .regex(/^(?:(?:us|eu|apac|global|jp|au|ca|us-gov)\.)?[a-z0-9-]+\.[A-Za-z0-9._:-]+$/, {
    error:
      'must be a Bedrock model id such as "anthropic.claude-3-5-haiku-20241022-v1:0", or a cross-region inference profile id such as "us.anthropic.claude-3-5-haiku-20241022-v1:0"',
  });

/**
 * Why the host may move on to the next model of the chain:
 * - `throttled`: Bedrock refused for rate or quota (ThrottlingException, ServiceQuotaExceededException);
 * - `unavailable`: the model cannot serve now (ServiceUnavailableException, ModelNotReadyException,
 *   InternalServerException, ModelErrorException, a 5xx or a network failure);
 * - `timeout`: the attempt's deadline passed, or Bedrock's ModelTimeoutException.
 * A request Bedrock rejects as invalid, or a model the account may not use, never falls back: the
 * next model would fail the same way, or hide a deployment mistake.
 */
export const FALLBACK_CONDITIONS = ['throttled', 'unavailable', 'timeout'] as const;

/** One reason to fall back. */
export type FallbackCondition = (typeof FALLBACK_CONDITIONS)[number];

/** The most models a chain may hold after the primary one. */
export const MAX_FALLBACK_MODELS = 4;

/** The fallback chain of a Bedrock chat model. */
export const fallbacksSchema = z
  .strictObject({
    modelIds: z
      .array(bedrockModelIdSchema)
      .min(1)
      .max(MAX_FALLBACK_MODELS)
      .describe('Models (or inference profiles) tried in order after settings.modelId, each resolved per region like modelId.'),
    on: z
      .array(z.enum(FALLBACK_CONDITIONS))
      .min(1)
      .default([...FALLBACK_CONDITIONS])
      .describe('The failures that move a request on to the next model: throttled, unavailable, timeout.'),
    attemptTimeoutSeconds: z
      .number()
      .min(1)
      .max(300)
      .optional()
      .describe(
        'Deadline of one attempt, inside the request budget (the function timeout; for a stream, firstTokenTimeoutSeconds). Unset: what is left of the budget, shared by the attempts left.',
      ),
  })
  .describe('Models tried in order when the primary one is throttled, unavailable or too slow. Never after the first streamed byte.');

/** Settings of the `bedrock-chat` kind. */
export const bedrockChatSettingsSchema = z
  .strictObject({
    modelId: bedrockModelIdSchema.describe(
      'The Bedrock foundation model id, or a cross-region inference profile id (us., eu., apac., global., ...).',
    ),
    defaultMaxTokens: z.int().min(1).max(100_000).default(512).describe('max_tokens when a request sets none.'),
    maxTokensCeiling: z.int().min(1).max(100_000).default(4096).describe('The largest max_tokens a request may ask for.'),
    temperature: z.number().min(0).max(1).optional().describe('Default temperature when a request sets none.'),
    topP: z.number().min(0).max(1).optional().describe('Default top_p when a request sets none.'),
    stopSequences: z.array(z.string().min(1).max(100)).max(4).default([]).describe('Stop sequences added to every request.'),
    fallbacks: fallbacksSchema.optional(),
  })
  .refine((s) => s.defaultMaxTokens <= s.maxTokensCeiling, {
    error: 'defaultMaxTokens must not exceed maxTokensCeiling',
    path: ['defaultMaxTokens'],
  })
  .superRefine((s, ctx) => {
    const chain = modelChain(s);
    chain.forEach((id, i) => {
      if (i > 0 && chain.indexOf(id) < i) {
        ctx.addIssue({ code: 'custom', path: ['fallbacks', 'modelIds', i - 1], message: `a model not already earlier in the chain (${id} is); list each model once` });
      }
    });
  })
  .describe('Settings of a chat model on Amazon Bedrock (Converse API).');

/**
 * How often a stream that has nothing to say sends an SSE comment line. An edge-optimized API cuts
 * a stream idle for 30 s (contract/limits.ts), so a slow model must not go quiet for that long.
 */
export const STREAM_KEEPALIVE_SECONDS = 10;

/** Response streaming of a chat model: OpenAI server-sent events, through API Gateway and Kong. */
export const chatStreamingSchema = z
  .strictObject({
    firstTokenTimeoutSeconds: z
      .int()
      .min(1)
      .max(300)
      .default(20)
      .describe(
        'Longest wait for the first byte of an answer, fallbacks included; until then nothing is sent, so it must stay under the endpoint idle limit (EDGE 30 s, REGIONAL 300 s). A request with stream: false must be answered within it too.',
      ),
  })
  .describe(
    'Answer requests with "stream": true as OpenAI server-sent events (API Gateway response streaming, Lambda response streaming, an unbuffered Kong route). Absent: the model answers buffered only.',
  );

/** Streaming settings, after defaults. */
export type ChatStreaming = z.output<typeof chatStreamingSchema>;

/** The response header naming the model that answered (the chain's first one that succeeded). */
export const ANSWERING_MODEL_HEADER = 'x-model-id';

/** The models a chat model's requests may run on, in the order they are tried: modelId, then its fallbacks. */
export function modelChain(settings: { readonly modelId: string; readonly fallbacks?: { readonly modelIds: readonly string[] } }): string[] {
  return [settings.modelId, ...(settings.fallbacks?.modelIds ?? [])];
}

/** Where a chain member sits in a model's configuration, under `settings`. */
export function chainMemberPath(index: number): (string | number)[] {
  return index === 0 ? ['modelId'] : ['fallbacks', 'modelIds', index - 1];
}
