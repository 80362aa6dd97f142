/**
 * The models every region serves: hosted kinds (the host's contract plus how its Lambda function
 * is deployed) and `external-llm` models that Kong forwards to a third-party provider.
 */
import { z } from 'zod';
import {
  bedrockChatHostSchema,
  entitiesHostSchema,
  keywordsHostSchema,
  modelNameSchema,
  requestLimitsSchema,
  sentimentHostSchema,
} from '../../contract/model-host';
import { CROSS_REGION_INFERENCE } from '../../aws/bedrock';
import { API_GATEWAY_LIMITS, LAMBDA_LIMITS } from '../../contract/limits';
import { kongNameSchema } from './kong';

/** Deployment settings of a model that runs as a Lambda function. */
const lambdaDeploymentFields = {
  memoryMb: z
    .int()
    .min(LAMBDA_LIMITS.minMemoryMb)
    .max(LAMBDA_LIMITS.maxMemoryMb)
    .default(512)
    .describe('Lambda memory in MB; CPU scales with it.'),
  // Lambda allows 900 s, but API Gateway stops waiting after 29 s: a longer function would keep
  // running (and billing) after the caller already got a 504.
  timeoutSeconds: z
    .int()
    .min(1)
    .max(API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds)
    .default(10)
    .describe(
      `Lambda timeout in seconds, capped by the ${API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds} s API Gateway integration timeout that EDGE endpoints cannot raise.`,
    ),
  reservedConcurrency: z
    .int()
    .min(1)
    .max(10_000)
    .default(10)
    .describe(
      'Reserved concurrent executions: a hard cap per region that also guarantees capacity. The account must keep 100 unreserved.',
    ),
};

/** Who may call a model, by ACL group; every model kind has it. */
const accessFields = {
  allowedGroups: z
    .array(kongNameSchema)
    .min(1)
    .describe('ACL groups (from kong.groups) whose consumers may call this model; a model no group may call is unreachable.'),
};

/** Providers the `external-llm` kind supports through Kong's open-source ai-proxy plugin. */
export const EXTERNAL_LLM_PROVIDERS = ['openai', 'anthropic'] as const;

/** A model served by a third-party LLM provider through Kong's AI Gateway: a Kong route, no Lambda. */
const externalLlmModelSchema = z.strictObject({
  name: modelNameSchema,
  kind: z.literal('external-llm').describe("A third-party LLM behind Kong's ai-proxy plugin; no Lambda."),
  ...accessFields,
  provider: z.enum(EXTERNAL_LLM_PROVIDERS).describe('The LLM provider Kong forwards to.'),
  routeType: z
    .enum(['llm/v1/chat', 'llm/v1/completions'])
    .default('llm/v1/chat')
    .describe('The OpenAI-style request format clients send.'),
  model: z.string().min(1).max(200).describe("The provider's model name, e.g. gpt-4o-mini."),
  options: z
    .strictObject({
      maxTokens: z.int().min(1).max(1_000_000).optional().describe('Upper bound of tokens per completion.'),
      temperature: z.number().min(0).max(5).optional().describe('Sampling temperature.'),
      topP: z.number().min(0).max(1).optional().describe('Nucleus sampling.'),
    })
    .default({})
    .describe('Model options ai-proxy sends with every request.'),
  promptGuard: z
    .strictObject({
      allowPatterns: z.array(z.string().min(1).max(500)).max(10).default([]).describe('Regexes a prompt must match one of.'),
      denyPatterns: z.array(z.string().min(1).max(500)).max(10).default([]).describe('Regexes no prompt may match.'),
    })
    .optional()
    .describe("ai-prompt-guard patterns, checked by Kong before the request leaves."),
  limits: z
    .strictObject({ maxBodyBytes: requestLimitsSchema.shape.maxBodyBytes })
    .prefault({})
    .describe('Request limits Kong enforces for this model.'),
});

/**
 * One model: for hosted kinds, the host's own contract plus how its function is deployed; for
 * `external-llm`, the provider settings. Kinds are told apart by `kind`.
 */
const modelSchema = z.discriminatedUnion('kind', [
  sentimentHostSchema.extend({ ...lambdaDeploymentFields, ...accessFields }),
  entitiesHostSchema.extend({ ...lambdaDeploymentFields, ...accessFields }),
  keywordsHostSchema.extend({ ...lambdaDeploymentFields, ...accessFields }),
  // The metering section is the stacks' translation of kong.tiers and prices, not a model setting.
  bedrockChatHostSchema.omit({ metering: true }).extend({
    ...lambdaDeploymentFields,
    // A streaming model may run longer than the buffered 29 s (check modelTimingFitsEndpoint).
    timeoutSeconds: z
      .int()
      .min(1)
      .max(API_GATEWAY_LIMITS.maxStreamIntegrationTimeoutSeconds)
      .default(10)
      .describe(
        `Lambda timeout in seconds: at most ${API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds} s (the buffered integration timeout), or ${API_GATEWAY_LIMITS.maxStreamIntegrationTimeoutSeconds} s for a streaming model (what the pinned AWS provider accepts for STREAM integrations).`,
      ),
    ...accessFields,
    crossRegionInference: z
      .enum(CROSS_REGION_INFERENCE)
      .default('fallback')
      .describe(
        'Where Bedrock may process requests when settings.modelId is a foundation model id: fallback (in-Region where Bedrock offers the model in the region, else the geographic cross-region inference profile that takes requests from it), prefer (that profile wherever there is one, for throughput), never (in-Region only). Global profiles are used only when named in modelId.',
      ),
  }),
  externalLlmModelSchema,
]);

/** The list of models. */
export const modelsSchema = z
  .array(modelSchema)
  .min(1)
  .max(100)
  .describe('The models every region serves, each at POST /v1/<name>.');
