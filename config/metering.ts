/**
 * Token budgets and prices, translated from the configuration once: which LLMs a model bills, which
 * models a tier reaches, a model id's price, and the share of each budget a region enforces.
 *
 * A budget is split across the regions by the Kong upstream's weights, so each region's host
 * enforces its share and no request waits on another region's counter; no region passing its share,
 * no consumer passes the budget. Kong's round-robin balancer follows the weights per resolved
 * address (Kong 3.9.1 kong/runloop/balancer/balancers.lua:364-371, each A record gets its target's
 * weight; round_robin.lua:31-74), so a region's traffic follows its weight only approximately:
 * README, Token budgets.
 */
import { parseBedrockModelId } from '../aws/bedrock';
import type { AwsRegion } from '../aws/facts';
import { meteringSchema, metricNamespace, type Metering, type TierBudget, type TokenPrice } from '../contract/budgets';
import { modelChain } from '../contract/chat';
import { DEFAULT_REGION_WEIGHT } from '../kong/facts';
import type { Naming } from './naming';
import type { GatewayConfig, ModelConfig } from './schema';

/** The LLM model ids a model's calls may be billed as: a Bedrock chat chain, or an external LLM's model. */
export function billedModelIds(model: Pick<ModelConfig, 'kind'> & { settings?: unknown; model?: unknown }): string[] {
  if (model.kind === 'bedrock-chat') {
    const settings = model.settings as { modelId?: string; fallbacks?: { modelIds?: readonly (string | undefined)[] } } | undefined;
    if (typeof settings?.modelId !== 'string') return [];
    return modelChain({ modelId: settings.modelId, fallbacks: { modelIds: (settings.fallbacks?.modelIds ?? []).filter((id) => typeof id === 'string') } });
  }
  return model.kind === 'external-llm' && typeof model.model === 'string' ? [model.model] : [];
}

/** The price of a model id: its own entry, else (an inference profile id) its foundation model's. */
export function priceOf(prices: Readonly<Record<string, TokenPrice | undefined>>, modelId: string): TokenPrice | undefined {
  return prices[modelId] ?? prices[parseBedrockModelId(modelId).foundationModelId];
}

/** What a consumer looks like to {@link modelsReachedBy}. */
interface ConsumerView {
  readonly groups?: readonly (string | undefined)[];
  readonly tier?: string;
}

/**
 * The models a tier's consumers may call: those whose allowed groups meet a consumer's groups. The
 * default tier reaches every model, since consumers made outside this file are in it.
 */
export function modelsReachedBy<M extends { readonly allowedGroups?: readonly (string | undefined)[] }>(
  tier: string,
  kong: { readonly defaultTier?: string; readonly consumers?: readonly (ConsumerView | undefined)[] },
  models: readonly (M | undefined)[],
): M[] {
  const present = models.filter((m): m is M => m !== undefined);
  if (tier === kong.defaultTier) return present;
  const groups = new Set((kong.consumers ?? []).filter((c) => c && (c.tier ?? kong.defaultTier) === tier).flatMap((c) => c!.groups ?? []));
  return present.filter((m) => (m.allowedGroups ?? []).some((g) => g !== undefined && groups.has(g)));
}

/** The fraction of the environment's traffic Kong sends a region: its weight over the sum of weights. */
export function regionShare(regions: readonly AwsRegion[], weights: Readonly<Partial<Record<AwsRegion, number>>>, region: AwsRegion): number {
  const weight = (r: AwsRegion) => weights[r] ?? DEFAULT_REGION_WEIGHT;
  const total = regions.reduce((sum, r) => sum + weight(r), 0);
  return total === 0 ? 0 : weight(region) / total;
}

/** A tier's budget in a region that takes `share` of the traffic: token budgets rounded down, dollars to the micro-dollar. */
export function regionalBudget(budget: TierBudget, share: number): TierBudget {
  const tokens = (n: number | undefined) => (n === undefined ? undefined : Math.floor(n * share));
  return {
    ...(budget.tokens
      ? {
          tokens: {
            ...(budget.tokens.perMinute !== undefined ? { perMinute: tokens(budget.tokens.perMinute) } : {}),
            ...(budget.tokens.perDay !== undefined ? { perDay: tokens(budget.tokens.perDay) } : {}),
            counts: budget.tokens.counts,
          },
        }
      : {}),
    ...(budget.usdPerDay !== undefined ? { usdPerDay: Math.floor(budget.usdPerDay * share * 1e6) / 1e6 } : {}),
  };
}

/** Whether any tier has a budget (then every region gets a budget table). */
export function hasBudgets(config: Pick<GatewayConfig, 'kong'>): boolean {
  return Object.values(config.kong.tiers).some((tier) => tier.budget !== undefined);
}

/** The tiers whose consumers have a daily budget (tokens per day or dollars), which the burn alarms watch. */
export function budgetedTiers(config: Pick<GatewayConfig, 'kong'>): string[] {
  return Object.entries(config.kong.tiers)
    .filter(([, tier]) => tier.budget?.tokens?.perDay !== undefined || tier.budget?.usdPerDay !== undefined)
    .map(([name]) => name);
}

/** A chain member as configured, and as the function invokes it in its region. */
export interface BilledModel {
  readonly configuredId: string;
  readonly invokeId: string;
}

/** Where a host's metering lives in one region. */
export interface MeteringPlace {
  readonly region: AwsRegion;
  /** The budget table's name in that region; required when {@link hasBudgets}. */
  readonly table?: string;
}

/** What a model host meters in one region: its tiers' shares there, and the price of each model it invokes. */
export function meteringFor(config: GatewayConfig, naming: Naming, place: MeteringPlace, chain: readonly BilledModel[]): Metering {
  const { kong } = config;
  const share = regionShare(config.regions, kong.upstream.weights, place.region);
  const tiers = Object.fromEntries(
    Object.entries(kong.tiers).flatMap(([name, tier]) => (tier.budget ? [[name, regionalBudget(tier.budget, share)] as const] : [])),
  );
  const prices = Object.fromEntries(
    chain.flatMap(({ configuredId, invokeId }) => {
      const price = priceOf(config.prices, configuredId);
      return price ? [[invokeId, { inputPer1k: price.inputPer1k, outputPer1k: price.outputPer1k }] as const] : [];
    }),
  );
  return meteringSchema.parse({
    namespace: metricNamespace(naming.prefix),
    region: place.region,
    ...(hasBudgets(config) && place.table ? { table: place.table } : {}),
    defaultTier: kong.defaultTier,
    consumers: Object.fromEntries(kong.consumers.filter((c) => c.tier !== undefined && c.tier !== kong.defaultTier).map((c) => [c.username, c.tier!])),
    tiers,
    prices,
  });
}
