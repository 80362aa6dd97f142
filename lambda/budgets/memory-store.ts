/**
 * Counters in this process's memory: what `npm run serve` enforces budgets with. The same
 * conditional add as the DynamoDB store, applied synchronously (so atomically) in one process;
 * lost when the process exits, and not shared with anything else.
 */
import { assertFits, type CounterResult, type CounterStore, type CounterUpdate } from './counter-store';

/** An in-process {@link CounterStore}. */
export class MemoryCounterStore implements CounterStore {
  readonly description = 'in-process memory (this process only; lost on exit)';
  private readonly records = new Map<string, { values: Record<string, number>; expiresAt: number }>();

  constructor(private readonly nowSeconds: () => number = () => Date.now() / 1000) {}

  async update(update: CounterUpdate): Promise<CounterResult> {
    assertFits(update);
    this.prune();
    const record = this.records.get(update.key) ?? { values: {}, expiresAt: update.expiresAt };
    const fits = Object.entries(update.ceilings ?? {}).every(([field, ceiling]) => (record.values[field] ?? 0) + (update.add[field] ?? 0) <= ceiling);
    if (!fits) return { applied: false, values: { ...record.values } };
    for (const [field, amount] of Object.entries(update.add)) record.values[field] = (record.values[field] ?? 0) + amount;
    record.expiresAt = update.expiresAt;
    this.records.set(update.key, record);
    return { applied: true, values: { ...record.values } };
  }

  /** How many records it holds (expired ones are dropped on each update). */
  get size(): number {
    return this.records.size;
  }

  private prune(): void {
    const now = this.nowSeconds();
    for (const [key, record] of this.records) if (record.expiresAt <= now) this.records.delete(key);
  }
}
