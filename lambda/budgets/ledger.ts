/**
 * Budget accounting for one consumer: fixed windows (the UTC clock minute, the UTC day), each a
 * counter record holding tokens and micro-dollars.
 *
 * A call first reserves its most: `max_tokens` of output plus an estimate of its input, priced at
 * the dearest model of its chain. The reservation is one conditional add per window, refused when
 * it would take a window past its limit; a later window refusing gives back the earlier ones.
 * After the call, settling adds the difference between what it used and what it reserved.
 *
 * The accuracy bound: a window's usage passes its limit only by what calls in flight use beyond
 * their reservations. Output never does (Bedrock stops at max_tokens), so an output budget is never
 * exceeded; input can, by the tokens a prompt has beyond its estimate. A call that fails to settle
 * keeps its whole reservation charged: an error costs the consumer, never the budget.
 */
import type { TierBudget } from '../../contract/budgets';
import type { CounterStore, CounterUpdate } from './counter-store';

/** The counter fields. */
export const COUNTER_FIELDS = { tokens: 'tokens', usdMicros: 'usdMicros' } as const;

/** A counter field. */
export type CounterField = keyof typeof COUNTER_FIELDS;

/** A budget window. */
export type WindowName = 'minute' | 'day';

/** How long a window's record is kept after the window ends (DynamoDB TTL deletes it later still). */
const KEEP_AFTER_END_SECONDS = 3600;

/** One window of a consumer's budget, at one moment. */
export interface WindowPlan {
  readonly name: WindowName;
  readonly key: string;
  /** When the window ends, in epoch ms. */
  readonly resetsAt: number;
  readonly expiresAt: number;
  /** The limit of each field the budget sets for this window. */
  readonly limits: Readonly<Partial<Record<CounterField, number>>>;
}

/** An amount of budget: tokens (as the budget counts them) and micro-dollars. */
export interface Amount {
  readonly tokens: number;
  readonly usdMicros: number;
}

/** A granted reservation: what to settle later. */
export interface Reservation {
  readonly windows: readonly WindowPlan[];
  readonly amount: Amount;
  /** Each window's values after the reservation. */
  readonly values: readonly Readonly<Record<string, number>>[];
}

/** Why a reservation was refused. */
export interface Refusal {
  readonly window: WindowPlan;
  readonly field: CounterField;
  readonly limit: number;
  /** What the window held when refused. */
  readonly used: number;
  /** What the call asked for. */
  readonly wanted: number;
  /** The call alone exceeds the limit: waiting will not help. */
  readonly tooLarge: boolean;
  /** Seconds until the window resets (0 when waiting will not help). */
  readonly retryAfterSeconds: number;
}

/** The outcome of {@link BudgetLedger.reserve}. */
export type ReserveOutcome = { readonly granted: true; readonly reservation: Reservation } | { readonly granted: false; readonly refusal: Refusal };

/** How much of its tightest token window a consumer has left, for the rate-limit headers. */
export interface TokenStatus {
  readonly limit: number;
  readonly remaining: number;
}

/** A consumer's budgets over a counter store. */
export class BudgetLedger {
  constructor(
    private readonly store: CounterStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The windows a budget has for a consumer now. */
  windows(consumer: string, budget: TierBudget): WindowPlan[] {
    const now = this.now();
    const plans: WindowPlan[] = [];
    const tokens = budget.tokens;
    if (tokens?.perMinute !== undefined) {
      const start = Math.floor(now / 60_000);
      plans.push(plan('minute', `${consumer}#m#${start}`, (start + 1) * 60_000, { tokens: tokens.perMinute }));
    }
    if (tokens?.perDay !== undefined || budget.usdPerDay !== undefined) {
      const day = Math.floor(now / 86_400_000);
      const limits: Partial<Record<CounterField, number>> = {};
      if (tokens?.perDay !== undefined) limits.tokens = tokens.perDay;
      if (budget.usdPerDay !== undefined) limits.usdMicros = Math.round(budget.usdPerDay * 1e6);
      plans.push(plan('day', `${consumer}#d#${new Date(day * 86_400_000).toISOString().slice(0, 10)}`, (day + 1) * 86_400_000, limits));
    }
    return plans;
  }

  /** Reserves `amount` in every window of the consumer's budget, or none of them. */
  async reserve(consumer: string, budget: TierBudget, amount: Amount): Promise<ReserveOutcome> {
    const windows = this.windows(consumer, budget);
    for (const window of windows) {
      for (const field of fieldsOf(window)) {
        const limit = window.limits[field]!;
        if (amount[field] > limit) {
          return { granted: false, refusal: { window, field, limit, used: 0, wanted: amount[field], tooLarge: true, retryAfterSeconds: 0 } };
        }
      }
    }
    const values: Readonly<Record<string, number>>[] = [];
    for (const [i, window] of windows.entries()) {
      const result = await this.store.update(this.update(window, amount, true));
      if (!result.applied) {
        await Promise.all(windows.slice(0, i).map((taken) => this.store.update(this.update(taken, negate(amount), false))));
        const field = fieldsOf(window).find((f) => (result.values[f] ?? 0) + amount[f] > window.limits[f]!) ?? fieldsOf(window)[0]!;
        const refusal: Refusal = {
          window,
          field,
          limit: window.limits[field]!,
          used: result.values[field] ?? 0,
          wanted: amount[field],
          tooLarge: false,
          retryAfterSeconds: Math.max(1, Math.ceil((window.resetsAt - this.now()) / 1000)),
        };
        return { granted: false, refusal };
      }
      values.push(result.values);
    }
    return { granted: true, reservation: { windows, amount, values } };
  }

  /** Replaces a reservation with what the call used; returns each window's values after. */
  async settle(reservation: Reservation, used: Amount): Promise<Readonly<Record<string, number>>[]> {
    const delta = { tokens: used.tokens - reservation.amount.tokens, usdMicros: used.usdMicros - reservation.amount.usdMicros };
    return Promise.all(
      reservation.windows.map(async (window, i) =>
        delta.tokens === 0 && delta.usdMicros === 0 ? reservation.values[i]! : (await this.store.update(this.update(window, delta, false))).values,
      ),
    );
  }

  private update(window: WindowPlan, amount: Amount, conditional: boolean): CounterUpdate {
    const fields = fieldsOf(window);
    return {
      key: window.key,
      add: Object.fromEntries(fields.map((f) => [COUNTER_FIELDS[f], amount[f]])),
      ...(conditional ? { ceilings: Object.fromEntries(fields.map((f) => [COUNTER_FIELDS[f], window.limits[f]!])) } : {}),
      expiresAt: window.expiresAt,
    };
  }
}

/** The tightest token window after a reservation or settlement, if the budget counts tokens. */
export function tokenStatus(windows: readonly WindowPlan[], values: readonly Readonly<Record<string, number>>[]): TokenStatus | undefined {
  let tightest: TokenStatus | undefined;
  windows.forEach((window, i) => {
    const limit = window.limits.tokens;
    if (limit === undefined) return;
    const remaining = Math.max(0, limit - (values[i]?.[COUNTER_FIELDS.tokens] ?? 0));
    if (!tightest || remaining < tightest.remaining) tightest = { limit, remaining };
  });
  return tightest;
}

/** How much of each day window's limits is used, as the largest percentage. */
export function dayBudgetUsedPercent(windows: readonly WindowPlan[], values: readonly Readonly<Record<string, number>>[]): number | undefined {
  let most: number | undefined;
  windows.forEach((window, i) => {
    if (window.name !== 'day') return;
    for (const field of fieldsOf(window)) {
      const percent = (100 * (values[i]?.[COUNTER_FIELDS[field]] ?? 0)) / window.limits[field]!;
      most = Math.max(most ?? 0, percent);
    }
  });
  return most;
}

function plan(name: WindowName, key: string, resetsAt: number, limits: Partial<Record<CounterField, number>>): WindowPlan {
  return { name, key, resetsAt, expiresAt: Math.floor(resetsAt / 1000) + KEEP_AFTER_END_SECONDS, limits };
}

function fieldsOf(window: WindowPlan): CounterField[] {
  return (Object.keys(COUNTER_FIELDS) as CounterField[]).filter((f) => window.limits[f] !== undefined);
}

function negate(amount: Amount): Amount {
  return { tokens: -amount.tokens, usdMicros: -amount.usdMicros };
}
