/**
 * The model host's contract with the infrastructure: which model kinds exist, the settings each
 * takes, the request limits, and how a function is told which model it serves. The configuration
 * schema (`config/schema/`) builds on these schemas, so a model the config accepts is a model
 * the host can run. This module must stay free of infrastructure imports: it is bundled into Lambda.
 */
import { z } from 'zod';
import { LAMBDA_LIMITS } from './limits';
import { bedrockChatSettingsSchema, chatStreamingSchema } from './chat';
import { meteringSchema } from './budgets';

/** The only method a model answers. */
export const PREDICT_METHOD = 'POST';

/**
 * The header Kong's correlation-id plugin sets on every proxied request (and echoes to the client);
 * the host logs it so one id follows a request from Kong to the model.
 */
export const KONG_CORRELATION_HEADER = 'Kong-Request-ID';

/** The header API Gateway reads the API key from; Kong injects the upstream key into it. */
export const API_KEY_HEADER = 'x-api-key';

/** The environment variable that carries the JSON {@link ModelHostConfig} to a function. */
export const MODEL_HOST_CONFIG_ENV = 'MODEL_HOST_CONFIG';

/** A model name: it becomes the URL path `/v1/<name>` and part of AWS resource names. */
export const modelNameSchema = z
  .string()
  .regex(/^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,39}$/, {
    error:
      'must be 1-40 characters of lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen (e.g. "sentiment" or "sentiment-v2")',
  });

const maxBodyBytes = z
  .int()
  .min(16)
  .max(LAMBDA_LIMITS.maxPayloadBytes)
  .default(64 * 1024)
  .describe('Largest request body accepted, in bytes; larger bodies get 413. Lambda caps synchronous payloads at 6 MiB.');

/** Request limits of the text kinds (`{"inputs": ...}`), enforced before any model code runs. */
export const requestLimitsSchema = z
  .strictObject({
    maxBodyBytes,
    maxInputs: z.int().min(1).max(1000).default(32).describe('Most texts accepted in one `inputs` array.'),
    maxInputChars: z.int().min(1).max(1_000_000).default(10_000).describe('Longest text accepted, in characters.'),
  })
  .describe('Request limits enforced by the model host.');

/** Request limits of chat kinds (OpenAI chat completions requests). */
export const chatLimitsSchema = z
  .strictObject({
    maxBodyBytes,
    maxMessages: z.int().min(1).max(500).default(50).describe('Most messages accepted in one conversation.'),
    maxInputChars: z
      .int()
      .min(1)
      .max(1_000_000)
      .default(50_000)
      .describe('Most characters accepted across all messages of a request.'),
  })
  .describe('Request limits enforced by the model host.');

/** What the host logs about each request. */
const loggingSchema = z
  .strictObject({
    payloads: z
      .boolean()
      .default(false)
      .describe('Also log inputs, prompts and outputs. For debugging only: they may hold personal data.'),
  })
  .prefault({})
  .describe('Request logging. Sizes, latency and token usage are always logged; text only with payloads.');

/** Settings of the `sentiment` kind. */
export const sentimentSettingsSchema = z
  .strictObject({
    neutralThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe('Scores within ±neutralThreshold of 0 are labelled "neutral".'),
  })
  .describe('Settings of the sentiment model (wink-nlp, English).');

/** Settings of the `entities` kind. */
export const entitiesSettingsSchema = z
  .strictObject({
    types: z
      .array(z.string().regex(/^[A-Z_]{2,20}$/, { error: 'must be an upper-case entity type such as DATE, MONEY or EMAIL' }))
      .min(1)
      .optional()
      .describe('Entity types to return (DATE, TIME, DURATION, MONEY, PERCENT, CARDINAL, ORDINAL, EMAIL, URL, HASHTAG, MENTION, EMOJI, EMOTICON); all when absent.'),
  })
  .describe('Settings of the named-entity model (wink-nlp, English).');

/** Settings of the `keywords` kind. */
export const keywordsSettingsSchema = z
  .strictObject({
    maxKeywords: z.int().min(1).max(100).default(10).describe('Most keywords returned per text.'),
  })
  .describe('Settings of the keyword model (wink-nlp, English).');

const hostFields = { name: modelNameSchema, logging: loggingSchema };

/** A host of an offline text kind: `{"inputs": ...}` requests, its own settings, text limits. */
function textHostSchema<const Kind extends string, Settings extends z.ZodObject>(kind: Kind, description: string, settings: Settings) {
  return z.strictObject({
    ...hostFields,
    kind: z.literal(kind).describe(description),
    settings: settings.prefault({} as z.input<Settings>),
    limits: requestLimitsSchema.prefault({}),
  });
}

/** A `sentiment` model host: English sentiment analysis that runs offline inside Lambda. */
export const sentimentHostSchema = textHostSchema(
  'sentiment',
  'English sentiment analysis; runs offline inside Lambda.',
  sentimentSettingsSchema,
);

/** An `entities` model host: named entities (dates, money, emails, ...) offline inside Lambda. */
export const entitiesHostSchema = textHostSchema(
  'entities',
  'English named entities (dates, amounts, emails, URLs, ...); runs offline inside Lambda.',
  entitiesSettingsSchema,
);

/** A `keywords` model host: keyword extraction offline inside Lambda. */
export const keywordsHostSchema = textHostSchema('keywords', 'English keyword extraction; runs offline inside Lambda.', keywordsSettingsSchema);

/** A `bedrock-chat` model host: an LLM on Amazon Bedrock behind an OpenAI-compatible API. */
export const bedrockChatHostSchema = z.strictObject({
  ...hostFields,
  kind: z.literal('bedrock-chat').describe('A chat model on Amazon Bedrock, served with the OpenAI chat completions shape.'),
  settings: bedrockChatSettingsSchema,
  limits: chatLimitsSchema.prefault({}),
  streaming: chatStreamingSchema.optional(),
  /** Budgets and metrics in the function's region; written by the stacks, never by hand (config/metering.ts). */
  metering: meteringSchema.optional(),
});

/**
 * What a function needs to know to serve its model, one schema per kind. The `kind` field selects
 * the model implementation inside the host.
 */
export const modelHostConfigSchema = z.discriminatedUnion('kind', [
  sentimentHostSchema,
  entitiesHostSchema,
  keywordsHostSchema,
  bedrockChatHostSchema,
]);

/** The configuration of one model host function, as parsed from {@link MODEL_HOST_CONFIG_ENV}. */
export type ModelHostConfig = z.output<typeof modelHostConfigSchema>;

/** The model kinds the host can run. */
export type ModelKind = ModelHostConfig['kind'];

/** The configuration of one kind. */
export type HostConfigOf<K extends ModelKind> = Extract<ModelHostConfig, { kind: K }>;

/** Every kind the host runs, for telling Lambda-hosted models from others. */
export const HOSTED_MODEL_KINDS: readonly ModelKind[] = modelHostConfigSchema.options.map((o) => o.shape.kind.value);

/** Request limits of the text kinds, after defaults. */
export type RequestLimits = z.output<typeof requestLimitsSchema>;

/** Request limits of chat kinds, after defaults. */
export type ChatLimits = z.output<typeof chatLimitsSchema>;
