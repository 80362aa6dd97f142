/**
 * The model host's contract with the infrastructure: which model kinds exist, the settings each
 * takes, the request limits, and how a function is told which model it serves. The configuration
 * schema (`lib/config/schema.ts`) builds on these schemas, so a model the config accepts is a model
 * the host can run. This module must stay free of infrastructure imports: it is bundled into Lambda.
 */
import { z } from 'zod';
import { LAMBDA_LIMITS } from '../lib/aws';

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

/** Request limits a model host enforces before any model code runs. */
export const requestLimitsSchema = z
  .strictObject({
    maxBodyBytes: z
      .int()
      .min(16)
      .max(LAMBDA_LIMITS.maxPayloadBytes)
      .default(64 * 1024)
      .describe('Largest request body accepted, in bytes; larger bodies get 413. Lambda caps synchronous payloads at 6 MiB.'),
    maxInputs: z
      .int()
      .min(1)
      .max(1000)
      .default(32)
      .describe('Most texts accepted in one `inputs` array.'),
    maxInputChars: z
      .int()
      .min(1)
      .max(1_000_000)
      .default(10_000)
      .describe('Longest text accepted, in characters.'),
  })
  .describe('Request limits enforced by the model host.');

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

/** A `sentiment` model host: English sentiment analysis that runs offline inside Lambda. */
export const sentimentHostSchema = z.strictObject({
  name: modelNameSchema,
  kind: z.literal('sentiment').describe('English sentiment analysis; runs offline inside Lambda.'),
  settings: sentimentSettingsSchema.prefault({}),
  limits: requestLimitsSchema.prefault({}),
});

/**
 * What a function needs to know to serve its model, one schema per kind. The `kind` field selects
 * the model implementation inside the host.
 */
export const modelHostConfigSchema = z.discriminatedUnion('kind', [sentimentHostSchema]);

/** The configuration of one model host function, as parsed from {@link MODEL_HOST_CONFIG_ENV}. */
export type ModelHostConfig = z.output<typeof modelHostConfigSchema>;

/** The model kinds the host can run. */
export type ModelKind = ModelHostConfig['kind'];

/** Every kind the host runs, for telling Lambda-hosted models from others. */
export const HOSTED_MODEL_KINDS: readonly ModelKind[] = modelHostConfigSchema.options.map((o) => o.shape.kind.value);

/** Request limits after defaults. */
export type RequestLimits = z.output<typeof requestLimitsSchema>;
