/**
 * Token budgets and metering around a chat model: before the model runs, the consumer's budget is
 * reserved (ledger.ts); after it, the reservation is settled to the real usage, and one EMF record
 * (metrics.ts) says what the call used and cost. A refused call answers 429 in OpenAI's error shape
 * with `x-ratelimit-limit-tokens`, `x-ratelimit-remaining-tokens` and `Retry-After`; an answered one
 * carries the two rate-limit headers too.
 *
 * The consumer is Kong's `X-Consumer-Username` (InvokeContext.consumer); its tier comes from the
 * metering configuration (unlisted consumers are in the default tier).
 */
import { BUDGET_HEADERS, costUsd, type Metering, type TierBudget, type TokenPrice } from '../../contract/budgets';
import { modelChain } from '../../contract/chat';
import type { HostConfigOf } from '../../contract/model-host';
import { HttpError } from '../http';
import { messageChars, type ChatRequest } from '../models/chat-request';
import type { ChainAttempt } from '../models/model-chain';
import type { Invocation, InvokeContext, ModelRuntime, StreamedInvocation, TokenUsage } from '../models/runtime';
import { BudgetLedger, dayBudgetUsedPercent, tokenStatus, type Amount, type Refusal, type Reservation } from './ledger';
import { callRecord, type CallMeasures, type MetricsSink } from './metrics';
import type { CounterStore } from './counter-store';

/**
 * Characters per token assumed when reserving a prompt's tokens before the model has counted them.
 * English runs near 4 characters a token; 3 reserves generously, and settling gives back the rest.
 */
export const INPUT_CHARS_PER_TOKEN_ESTIMATE = 3;

/** The consumer dimension of calls that name none (only possible with no budgets configured). */
export const UNKNOWN_CONSUMER = 'unknown';

/** What {@link meteredChatRuntime} needs besides the model. */
export interface MeteringOptions {
  readonly metering: Metering;
  /** The budget counters; required when any tier has a budget. */
  readonly store?: CounterStore;
  /** Where EMF records go. */
  readonly sink: MetricsSink;
  /** The clock, in epoch ms. @default Date.now */
  readonly now?: () => number;
}

/** A chat runtime that enforces the consumer's budgets and records what each call used and cost. */
export function meteredChatRuntime(
  config: HostConfigOf<'bedrock-chat'>,
  inner: ModelRuntime<ChatRequest>,
  options: MeteringOptions,
): ModelRuntime<ChatRequest> {
  const { metering, sink } = options;
  const now = options.now ?? Date.now;
  const ledger = options.store ? new BudgetLedger(options.store, now) : undefined;
  const chain = modelChain(config.settings);
  const hasBudgets = Object.keys(metering.tiers).length > 0;
  if (hasBudgets && !ledger) throw new Error(`tiers ${Object.keys(metering.tiers).join(', ')} have budgets, but no budget table is configured`);

  /** Who is calling, and what their budget is here. */
  const caller = (context: InvokeContext) => {
    const consumer = context.consumer;
    if (consumer === undefined && hasBudgets) {
      throw new HttpError(
        'consumer_required',
        'No consumer named: requests reach this model through Kong, which sets X-Consumer-Username after authenticating the caller. Calling the host directly (npm run serve), send that header yourself.',
      );
    }
    const tier = (consumer !== undefined ? metering.consumers[consumer] : undefined) ?? metering.defaultTier;
    return { consumer: consumer ?? UNKNOWN_CONSUMER, tier, budget: metering.tiers[tier] };
  };

  /** The most a request may cost: max_tokens of output and the estimated prompt, at the dearest model of the chain. */
  const mostOf = (request: ChatRequest, budget: TierBudget | undefined): Amount => {
    const inputTokens = Math.ceil(messageChars(request.messages) / INPUT_CHARS_PER_TOKEN_ESTIMATE);
    const outputTokens = request.max_completion_tokens ?? request.max_tokens ?? config.settings.defaultMaxTokens;
    const usdMicros =
      budget?.usdPerDay === undefined ? 0 : Math.max(...chain.map((id) => Math.ceil(costUsd(priceFor(id), inputTokens, outputTokens) * 1e6)));
    return { tokens: counted(budget, inputTokens, outputTokens), usdMicros };
  };

  const priceFor = (modelId: string): TokenPrice => {
    const price = metering.prices[modelId];
    if (!price) throw new HttpError('misconfigured', `The model host has a dollar budget but no price for ${modelId}. Add it to prices and redeploy.`);
    return price;
  };

  /** Reserves the budget, or answers 429. */
  const reserve = async (who: ReturnType<typeof caller>, amount: Amount, measures: CallMeasures & Record<string, unknown>): Promise<Reservation | undefined> => {
    if (!who.budget || !ledger) return undefined;
    let outcome;
    try {
      outcome = await ledger.reserve(who.consumer, who.budget, amount);
    } catch (err) {
      throw new HttpError('service_unavailable', 'The budget store did not answer, so the call was not made; retry shortly.', {}, describe(err));
    }
    if (outcome.granted) return outcome.reservation;
    Object.assign(measures, { budgetRefusals: 1 });
    throw refusalError(outcome.refusal, who.tier);
  };

  /** Runs a call between its reservation and its settlement, and records its metrics. */
  async function metered<T extends Invocation | StreamedInvocation>(
    request: ChatRequest,
    context: InvokeContext,
    call: (context: InvokeContext, reservation: Reservation | undefined) => Promise<T>,
    afterOpen: () => boolean,
  ): Promise<{ result: T; reservation?: Reservation; settled?: readonly Readonly<Record<string, number>>[] }> {
    const started = now();
    const who = caller(context);
    const seen: { attempts?: readonly ChainAttempt[]; answeredBy?: string; firstByteMs?: number } = {};
    const tapped: InvokeContext = { ...context, annotate: (fields) => (context.annotate(fields), Object.assign(seen, fields)) };
    const measures: CallMeasures & Record<string, unknown> = {};
    let reservation: Reservation | undefined;
    try {
      const amount = mostOf(request, who.budget);
      reservation = await reserve(who, amount, measures);
      const result = await call(tapped, reservation);
      const usage = result.usage;
      const price = seen.answeredBy !== undefined ? metering.prices[seen.answeredBy] : undefined;
      const cost = usage && price ? costUsd(price, usage.inputTokens, usage.outputTokens) : undefined;
      Object.assign(measures, {
        inputTokens: usage?.inputTokens,
        outputTokens: usage?.outputTokens,
        costUsd: cost,
        timeToFirstTokenMs: seen.firstByteMs,
      });
      let settled: readonly Readonly<Record<string, number>>[] | undefined;
      if (reservation && ledger) {
        settled = await settle(ledger, reservation, usedAmount(who.budget, usage, cost, reservation), context);
        if (settled) Object.assign(measures, { budgetUsedPercent: dayBudgetUsedPercent(reservation.windows, settled) });
      }
      return { result, ...(reservation ? { reservation } : {}), ...(settled ? { settled } : {}) };
    } catch (err) {
      // Nothing was generated before the first byte of an answer, except perhaps by a call that
      // timed out: that keeps its reservation, as does a stream cut after it opened.
      const timedOut = err instanceof HttpError && err.code === 'upstream_timeout';
      if (reservation && ledger && !timedOut && !afterOpen()) {
        await settle(ledger, reservation, { tokens: 0, usdMicros: 0 }, context);
      }
      throw err;
    } finally {
      const throttles = (seen.attempts ?? []).filter((a) => a.outcome === 'throttled').length;
      sink(
        callRecord(
          metering.namespace,
          { model: config.name, region: metering.region, consumer: who.consumer, tier: who.tier },
          { ...measures, latencyMs: Math.round((now() - started) * 1000) / 1000, ...(throttles ? { modelThrottles: throttles } : {}) },
          { requestId: context.requestId, ...(seen.answeredBy ? { answeredBy: seen.answeredBy } : {}) },
          started,
        ),
      );
    }
  }

  return {
    ...inner,
    async invoke(request, context) {
      const { result, reservation, settled } = await metered(request, context, (tapped) => inner.invoke(request, tapped), () => false);
      const status = reservation ? tokenStatus(reservation.windows, settled ?? reservation.values) : undefined;
      return status ? { ...result, headers: { ...result.headers, ...statusHeaders(status) } } : result;
    },
    ...(inner.streaming
      ? {
          streaming: {
            wants: inner.streaming.wants,
            stream: async (request, context, out) =>
              (
                await metered(
                  request,
                  context,
                  (tapped, reservation) => {
                    const status = reservation ? tokenStatus(reservation.windows, reservation.values) : undefined;
                    if (status) out.addHeaders(statusHeaders(status));
                    return inner.streaming!.stream(request, tapped, out);
                  },
                  () => out.opened,
                )
              ).result,
          },
        }
      : {}),
  };
}

/** The tokens a budget counts of a call's input and output. */
function counted(budget: TierBudget | undefined, inputTokens: number, outputTokens: number): number {
  const counts = budget?.tokens?.counts ?? 'total';
  return counts === 'input' ? inputTokens : counts === 'output' ? outputTokens : inputTokens + outputTokens;
}

/** What a call used, in the budget's terms; with no usage reported, the reservation stands. */
function usedAmount(budget: TierBudget | undefined, usage: TokenUsage | undefined, cost: number | undefined, reservation: Reservation): Amount {
  if (!usage) return reservation.amount;
  return {
    tokens: counted(budget, usage.inputTokens, usage.outputTokens),
    usdMicros: budget?.usdPerDay === undefined ? 0 : cost === undefined ? reservation.amount.usdMicros : Math.ceil(cost * 1e6),
  };
}

/** Settles, logging (not failing the answered call) when the store does not answer: the reservation then stands. */
async function settle(ledger: BudgetLedger, reservation: Reservation, used: Amount, context: InvokeContext) {
  try {
    return await ledger.settle(reservation, used);
  } catch (err) {
    context.annotate({ budgetSettleError: describe(err) });
    return undefined;
  }
}

function statusHeaders(status: { limit: number; remaining: number }): Record<string, string> {
  return { [BUDGET_HEADERS.limitTokens]: String(status.limit), [BUDGET_HEADERS.remainingTokens]: String(status.remaining) };
}

/** The 429 of a refused reservation, in OpenAI's error shape. */
function refusalError(refusal: Refusal, tier: string): HttpError {
  const period = refusal.window.name === 'minute' ? 'per-minute' : 'daily';
  const headers: Record<string, string> = {};
  if (refusal.field === 'tokens') {
    Object.assign(headers, statusHeaders({ limit: refusal.limit, remaining: Math.max(0, refusal.limit - refusal.used) }));
  }
  if (!refusal.tooLarge) headers[BUDGET_HEADERS.retryAfter] = String(refusal.retryAfterSeconds);
  const resets = new Date(refusal.window.resetsAt).toISOString();
  if (refusal.field === 'usdMicros') {
    const dollars = (micros: number) => `$${(micros / 1e6).toFixed(4)}`;
    const message = refusal.tooLarge
      ? `This call could cost up to ${dollars(refusal.wanted)}, more than the ${period} budget of ${dollars(refusal.limit)} of tier ${tier} in this region; ask for fewer max_tokens.`
      : `Daily budget of tier ${tier} used: ${dollars(refusal.used)} of ${dollars(refusal.limit)} in this region, and this call could cost up to ${dollars(refusal.wanted)}. It resets at ${resets}.`;
    return new HttpError('insufficient_quota', message, headers, undefined, 'insufficient_quota');
  }
  const message = refusal.tooLarge
    ? `This call reserves ${refusal.wanted} tokens (max_tokens plus the prompt), more than the ${period} token budget of ${refusal.limit} of tier ${tier} in this region; ask for fewer max_tokens or send a shorter prompt.`
    : `Token budget of tier ${tier} used: ${refusal.used} of ${refusal.limit} ${period} tokens in this region, and this call reserves ${refusal.wanted}. Retry after ${refusal.retryAfterSeconds} s (at ${resets}), or ask for fewer max_tokens.`;
  return new HttpError('rate_limit_exceeded', message, headers, undefined, 'tokens');
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
