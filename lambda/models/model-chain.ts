/**
 * A fallback chain: the models of a request tried in order, each within its own deadline inside the
 * request's budget, moving on only for the failures the configuration names (contract/chat.ts).
 */
import type { FallbackCondition } from '../../contract/chat';
import { fallbackConditionOf } from './bedrock-errors';

/** What happened to one attempt, for the request's log line. */
export interface ChainAttempt {
  readonly modelId: string;
  /** `ok`, the fallback condition the failure met, or `failed` (a failure that never falls back). */
  readonly outcome: 'ok' | FallbackCondition | 'failed';
  /** How long the attempt took, in milliseconds. */
  readonly ms: number;
  /** The error's name, for failed attempts. */
  readonly error?: string;
}

/** Options of {@link runChain}. */
export interface ChainOptions<T> {
  /** The model ids, primary first. */
  readonly chain: readonly string[];
  /** The failures that move on to the next model. */
  readonly on: readonly FallbackCondition[];
  /** Milliseconds the whole chain may take. */
  readonly budgetMs: number;
  /** Milliseconds one attempt may take. @default what is left of the budget, shared by the attempts left */
  readonly attemptTimeoutMs?: number;
  /** Where attempts are recorded as they end (the request's log line holds the list). */
  readonly attempts: ChainAttempt[];
  /** Runs one attempt; it must stop when `signal` aborts. */
  readonly attempt: (modelId: string, signal: AbortSignal) => Promise<T>;
}

/** The first answer of a chain. */
export interface ChainAnswer<T> {
  readonly value: T;
  /** The model that answered. */
  readonly modelId: string;
  /** Aborts the answering attempt (a stream still being read); its own deadline no longer applies. */
  readonly abort: AbortController;
}

/** The last failure of a chain that produced no answer. */
export class ChainFailure extends Error {
  constructor(
    /** The last attempt's error. */
    readonly cause: unknown,
    /** The model of the last attempt. */
    readonly modelId: string,
    /** Whether the last attempt ran out of time. */
    readonly timedOut: boolean,
  ) {
    super(`the ${modelId} attempt failed`);
    this.name = 'ChainFailure';
  }
}

/** Runs the chain: the first answer, or a {@link ChainFailure} naming the last failure. */
export async function runChain<T>(options: ChainOptions<T>): Promise<ChainAnswer<T>> {
  const { chain, attempts } = options;
  const deadline = Date.now() + options.budgetMs;
  for (let i = 0; ; i++) {
    const modelId = chain[i]!;
    const left = deadline - Date.now();
    const share = Math.floor(left / (chain.length - i));
    const limitMs = Math.max(1, Math.min(options.attemptTimeoutMs ?? share, left));
    const abort = new AbortController();
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    // The SDK honours the abort signal; the race makes the deadline hold even if a call does not.
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
        reject(Object.assign(new Error(`no answer from ${modelId} within ${limitMs} ms`), { name: 'TimeoutError' }));
      }, limitMs);
    });
    try {
      const call = options.attempt(modelId, abort.signal);
      call.catch(() => undefined); // settled after the deadline: nobody is waiting any more
      const value = await Promise.race([call, expiry]);
      attempts.push({ modelId, outcome: 'ok', ms: Date.now() - started });
      return { value, modelId, abort };
    } catch (err) {
      const condition = timedOut ? 'timeout' : fallbackConditionOf(err);
      const name = (err as { name?: unknown } | null)?.name;
      attempts.push({ modelId, outcome: condition ?? 'failed', ms: Date.now() - started, error: typeof name === 'string' ? name : 'Error' });
      const next = i + 1 < chain.length && deadline - Date.now() >= 1;
      if (!(next && condition !== undefined && options.on.includes(condition))) {
        throw new ChainFailure(err, modelId, timedOut);
      }
    } finally {
      clearTimeout(timer);
    }
  }
}
