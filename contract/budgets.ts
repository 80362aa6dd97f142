/**
 * Token budgets, prices and metering: the part of the host contract that says how much a consumer
 * may spend and what each call costs. The configuration schema builds on these schemas (per tier,
 * per model id); the host reads the per-region share the stacks hand it ({@link meteringSchema}).
 *
 * Who the consumer is comes from Kong: after key-auth Kong sets `X-Consumer-Username` on the
 * request it forwards, replacing any copy the client sent ({@link CONSUMER_HEADER}). The host
 * trusts the header only because nothing but Kong can reach it (the execute-api endpoint is off,
 * and the API key is Kong's).
 */
import { z } from 'zod';

/** Which tokens a token budget counts. */
export const TOKEN_COUNTS = ['input', 'output', 'total'] as const;

/** Which tokens a token budget counts. */
export type TokenCount = (typeof TOKEN_COUNTS)[number];

/** Token budgets of one consumer, per minute and per day. */
export const tokenBudgetSchema = z
  .strictObject({
    perMinute: z.int().min(1).max(1_000_000_000).optional().describe('Tokens per consumer per minute (UTC clock minute).'),
    perDay: z.int().min(1).max(1_000_000_000_000).optional().describe('Tokens per consumer per day (UTC day).'),
    counts: z.enum(TOKEN_COUNTS).default('total').describe('Which tokens count: input (prompt), output (completion) or total.'),
  })
  .refine((b) => b.perMinute !== undefined || b.perDay !== undefined, { error: 'must set perMinute, perDay or both' })
  .describe('Token budgets per consumer.');

/** The budgets of one tier: what each of its consumers may use. */
export const tierBudgetSchema = z
  .strictObject({
    tokens: tokenBudgetSchema.optional(),
    usdPerDay: z
      .number()
      .positive()
      .max(1_000_000)
      .optional()
      .describe('US dollars per consumer per UTC day, priced by the price table (every model the tier reaches needs a price).'),
  })
  .refine((b) => b.tokens !== undefined || b.usdPerDay !== undefined, { error: 'must set tokens, usdPerDay or both' })
  .describe(
    'Budgets of each consumer of this tier, enforced by the model host for bedrock-chat models (Kong OSS cannot count tokens). Split across regions by the upstream weights.',
  );

/**
 * A tier's budgets in one region, as the host reads them: its share of the configured ones, which
 * may be 0 in a region the upstream weights drain.
 */
export const regionalTierBudgetSchema = z.strictObject({
  tokens: z
    .strictObject({
      perMinute: z.int().min(0).optional(),
      perDay: z.int().min(0).optional(),
      counts: z.enum(TOKEN_COUNTS).default('total'),
    })
    .optional(),
  usdPerDay: z.number().min(0).optional(),
});

/** A tier's budgets, after defaults. */
export type TierBudget = z.output<typeof regionalTierBudgetSchema>;

/** What a model costs, in US dollars per 1,000 tokens. */
export const tokenPriceSchema = z.strictObject({
  inputPer1k: z.number().min(0).max(1000).describe('US dollars per 1,000 input (prompt) tokens.'),
  outputPer1k: z.number().min(0).max(1000).describe('US dollars per 1,000 output (completion) tokens.'),
});

/** A model's price. */
export type TokenPrice = z.output<typeof tokenPriceSchema>;

/**
 * What a model host needs to meter its model in one region: where the counters live, who is in
 * which tier, each tier's share of its budgets here, and the price of each model it may invoke
 * (keyed by the id it invokes).
 */
export const meteringSchema = z.strictObject({
  /** The CloudWatch namespace of the host's metrics. */
  namespace: z.string().min(1).max(255),
  /** The region the function runs in (a metric dimension). */
  region: z.string().min(1),
  /** The DynamoDB table of budget windows in this region; absent when no tier has a budget. */
  table: z.string().min(3).max(255).optional(),
  /** The tier of consumers not listed in `consumers`. */
  defaultTier: z.string().min(1),
  /** Consumers whose tier is not the default one. */
  consumers: z.record(z.string(), z.string()).default({}),
  /** Each tier's budgets in this region (its share of the configured ones). Tiers without budgets are absent. */
  tiers: z.record(z.string(), regionalTierBudgetSchema).default({}),
  /** Price per invoked model id. */
  prices: z.record(z.string(), tokenPriceSchema).default({}),
});

/** Metering of one model host, after defaults. */
export type Metering = z.output<typeof meteringSchema>;

/**
 * The header Kong sets to the authenticated consumer's username on the request it forwards,
 * replacing any client copy, or clears for a consumer without one (Kong 3.9.1
 * kong/plugins/key-auth/handler.lua:52-74 `set_consumer`; kong/plugins/basic-auth/access.lua:134-138;
 * the name: kong/constants.lua:118).
 */
export const CONSUMER_HEADER = 'x-consumer-username';

/** Response headers of token budgets, named as OpenAI's API names its own. */
export const BUDGET_HEADERS = {
  limitTokens: 'x-ratelimit-limit-tokens',
  remainingTokens: 'x-ratelimit-remaining-tokens',
  retryAfter: 'retry-after',
} as const;

/** Metric names of the model host (CloudWatch embedded metric format). */
export const METRIC_NAMES = {
  inputTokens: 'InputTokens',
  outputTokens: 'OutputTokens',
  costUsd: 'CostUsd',
  latency: 'Latency',
  timeToFirstToken: 'TimeToFirstToken',
  budgetRefusals: 'BudgetRefusals',
  modelThrottles: 'ModelThrottles',
  budgetUsed: 'BudgetUsedPercent',
} as const;

/** Metric dimension names. */
export const METRIC_DIMENSIONS = { model: 'Model', region: 'Region', consumer: 'Consumer', tier: 'Tier' } as const;

/** The CloudWatch namespace of an environment's model-host metrics. */
export function metricNamespace(prefix: string): string {
  return `GlobalAiGateway/${prefix}`;
}

/** The dollars a call costs at a price. */
export function costUsd(price: TokenPrice, inputTokens: number, outputTokens: number): number {
  return (inputTokens * price.inputPer1k + outputTokens * price.outputPer1k) / 1000;
}

/** The budget table's layout, shared by the table (constructs/token-budget-table.ts) and the host. */
export const BUDGET_TABLE = {
  /** The partition key (a string): `<consumer>#<window>#<start>`. */
  partitionKey: 'pk',
  /** The TTL attribute (a number, epoch seconds). */
  ttlAttribute: 'expiresAt',
} as const;
