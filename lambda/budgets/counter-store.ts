/**
 * Where budget counters live: one record per consumer and window, holding numeric fields (tokens,
 * micro-dollars). The one operation is an atomic conditional add, which DynamoDB's UpdateItem
 * provides in a region (dynamodb-store.ts) and a Map provides in one process (memory-store.ts).
 */

/** One atomic change to a counter record. */
export interface CounterUpdate {
  /** The record: `<consumer>#<window>#<start>`. */
  readonly key: string;
  /** What to add to each field (negative to give back); a missing field counts as 0. */
  readonly add: Readonly<Record<string, number>>;
  /**
   * The most each field may hold after the add; the whole update is refused when any would exceed
   * its ceiling. Fields without a ceiling are added to unconditionally.
   */
  readonly ceilings?: Readonly<Record<string, number>>;
  /** When the record may be deleted, in epoch seconds (after its window has ended). */
  readonly expiresAt: number;
}

/** The outcome of an update: the fields' values after it (applied), or as they were (refused). */
export interface CounterResult {
  readonly applied: boolean;
  readonly values: Readonly<Record<string, number>>;
}

/** A store of counters. */
export interface CounterStore {
  /** What it is, for the log and for `npm run serve`'s banner. */
  readonly description: string;
  /** Applies the update atomically, unless a ceiling would be exceeded. */
  update(update: CounterUpdate): Promise<CounterResult>;
}

/** Thrown when an update could never apply: the add alone exceeds a ceiling. */
export function assertFits(update: CounterUpdate): void {
  for (const [field, ceiling] of Object.entries(update.ceilings ?? {})) {
    if ((update.add[field] ?? 0) > ceiling) {
      throw new RangeError(`counter update of ${update.key}: adding ${update.add[field]} to ${field} can never fit its ceiling ${ceiling}`);
    }
  }
}
