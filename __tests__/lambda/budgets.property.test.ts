/**
 * The budget ledger against DynamoDB (a stateful mock of UpdateItem, support/fake-dynamodb.ts), with
 * a fake clock and concurrent calls whose store writes fast-check interleaves in every order it
 * likes: the stated accuracy bound holds whatever the interleaving.
 */
import fc from 'fast-check';
import type { TierBudget } from '../../contract/budgets';
import type { CounterStore } from '../../lambda/budgets/counter-store';
import { DynamoCounterStore } from '../../lambda/budgets/dynamodb-store';
import { BudgetLedger } from '../../lambda/budgets/ledger';
import { MemoryCounterStore } from '../../lambda/budgets/memory-store';
import { fakeDynamoTable } from '../support/fake-dynamodb';

/** One call: what it reserves, and what it turns out to use. */
const callArb = fc.record({ reserve: fc.integer({ min: 1, max: 1500 }), used: fc.integer({ min: 0, max: 1500 }) });
/** Batches of concurrent calls, each batch some seconds after the last (so minutes and days roll over). */
const batchesArb = fc.array(fc.record({ afterMs: fc.integer({ min: 0, max: 50_000_000 }), calls: fc.array(callArb, { minLength: 1, maxLength: 6 }) }), {
  minLength: 1,
  maxLength: 6,
});

interface Outcome {
  granted: boolean;
  minuteKey: string;
  dayKey: string;
  reserved: number;
  used: number;
}

/**
 * Runs the batches through a ledger over `store`, each batch's calls concurrently (their writes in
 * the scheduler's order) or, without a scheduler, one after another; returns each call's outcome.
 */
async function run(
  store: CounterStore,
  budget: TierBudget,
  batches: { afterMs: number; calls: { reserve: number; used: number }[] }[],
  scheduler: fc.Scheduler | undefined,
  overrun: boolean,
) {
  const clock = { now: Date.UTC(2026, 10, 22, 23, 58) };
  const ledger = new BudgetLedger(store, () => clock.now);
  const outcomes: Outcome[] = [];
  for (const batch of batches) {
    clock.now += batch.afterMs;
    const windows = ledger.windows('web-app', budget);
    const call = async ({ reserve, used }: { reserve: number; used: number }) => {
      const actual = overrun ? used : Math.min(used, reserve);
      const outcome = await ledger.reserve('web-app', budget, { tokens: reserve, usdMicros: 0 });
      outcomes.push({ granted: outcome.granted, minuteKey: windows[0]!.key, dayKey: windows[1]!.key, reserved: reserve, used: actual });
      if (outcome.granted) await ledger.settle(outcome.reservation, { tokens: actual, usdMicros: 0 });
    };
    if (scheduler) await scheduler.waitFor(Promise.all(batch.calls.map(call)));
    else for (const c of batch.calls) await call(c);
  }
  return outcomes;
}

/** A store that remembers the largest value each record ever held. */
function watched(store: CounterStore) {
  const highest = new Map<string, number>();
  const wrapped: CounterStore = {
    description: store.description,
    async update(update) {
      const result = await store.update(update);
      highest.set(update.key, Math.max(highest.get(update.key) ?? 0, result.values['tokens'] ?? 0));
      return result;
    },
  };
  return { store: wrapped, highest };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('token budgets in DynamoDB, concurrent calls and a fake clock', () => {
  test('calls that use no more than they reserve never take a window past its limit, and each window ends holding exactly what its granted calls used', async () => {
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1500, max: 6000 }), fc.integer({ min: 3000, max: 20_000 }), batchesArb, async (s, perMinute, perDay, batches) => {
        const table = fakeDynamoTable({ delay: () => s.schedule(Promise.resolve()) });
        try {
          const { store, highest } = watched(new DynamoCounterStore('budgets', table.client));
          const outcomes = await run(store, { tokens: { perMinute, perDay, counts: 'total' } }, batches, s, false);
          refusals += outcomes.filter((o) => !o.granted).length;
          for (const [key, most] of highest) expect(most).toBeLessThanOrEqual(key.includes('#m#') ? perMinute : perDay);
          for (const key of new Set(outcomes.map((o) => o.minuteKey))) {
            expect(table.value(key, 'tokens')).toBe(sum(outcomes.filter((o) => o.granted && o.minuteKey === key).map((o) => o.used)));
          }
          for (const key of new Set(outcomes.map((o) => o.dayKey))) {
            expect(table.value(key, 'tokens')).toBe(sum(outcomes.filter((o) => o.granted && o.dayKey === key).map((o) => o.used)));
          }
        } finally {
          table.restore();
        }
      }),
      { numRuns: 40 },
    );
    // Budgets were reached, concurrently: the property was tested at its edge.
    expect(refusals).toBeGreaterThan(0);
  });

  test('the bound: a window passes its limit only by what granted calls used beyond their reservations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1500, max: 6000 }), batchesArb, async (s, perMinute, batches) => {
        const table = fakeDynamoTable({ delay: () => s.schedule(Promise.resolve()) });
        try {
          const store = new DynamoCounterStore('budgets', table.client);
          const outcomes = await run(store, { tokens: { perMinute, perDay: 1_000_000, counts: 'total' } }, batches, s, true);
          for (const key of new Set(outcomes.map((o) => o.minuteKey))) {
            const granted = outcomes.filter((o) => o.granted && o.minuteKey === key);
            const beyond = sum(granted.map((o) => Math.max(0, o.used - o.reserved)));
            expect(table.value(key, 'tokens')).toBeLessThanOrEqual(perMinute + beyond);
          }
        } finally {
          table.restore();
        }
      }),
      { numRuns: 40 },
    );
  });

  test('a call refused by its day window gives back its minute window, so refusals leave no trace', async () => {
    const table = fakeDynamoTable();
    try {
      const ledger = new BudgetLedger(new DynamoCounterStore('budgets', table.client), () => Date.UTC(2026, 10, 22, 12, 0, 30));
      const budget: TierBudget = { tokens: { perMinute: 1000, perDay: 1200, counts: 'total' } };
      const first = await ledger.reserve('web-app', budget, { tokens: 800, usdMicros: 0 });
      expect(first.granted).toBe(true);
      // The next minute has room, the day has not: refused by the day, nothing kept in the minute.
      const later = new BudgetLedger(new DynamoCounterStore('budgets', table.client), () => Date.UTC(2026, 10, 22, 12, 1, 30));
      const second = await later.reserve('web-app', budget, { tokens: 500, usdMicros: 0 });
      expect(second).toMatchObject({ granted: false, refusal: { field: 'tokens', limit: 1200, used: 800, wanted: 500, tooLarge: false, retryAfterSeconds: 11 * 3600 + 58 * 60 + 30 } });
      const minute = Math.floor(Date.UTC(2026, 10, 22, 12, 1, 30) / 60_000);
      expect(table.value(`web-app#m#${minute}`, 'tokens')).toBe(0);
      expect(table.value('web-app#d#2026-11-22', 'tokens')).toBe(800);
    } finally {
      table.restore();
    }
  });

  test('a call larger than a whole window is refused without a write, as too large rather than retry-later', async () => {
    const table = fakeDynamoTable();
    try {
      const ledger = new BudgetLedger(new DynamoCounterStore('budgets', table.client));
      const outcome = await ledger.reserve('web-app', { tokens: { perMinute: 100, counts: 'output' } }, { tokens: 101, usdMicros: 0 });
      expect(outcome).toMatchObject({ granted: false, refusal: { tooLarge: true, retryAfterSeconds: 0, limit: 100, wanted: 101 } });
      expect(table.calls).toEqual([]);
    } finally {
      table.restore();
    }
  });

  test('the store writes one conditional UpdateItem per window: ADD within the ceiling, the TTL set, the old item returned on refusal', async () => {
    const table = fakeDynamoTable();
    try {
      const ledger = new BudgetLedger(new DynamoCounterStore('budgets', table.client), () => Date.UTC(2026, 10, 22, 12, 0, 30));
      await ledger.reserve('web-app', { tokens: { perDay: 5000, counts: 'total' }, usdPerDay: 2 }, { tokens: 700, usdMicros: 1500 });
      expect(table.calls).toEqual([
        {
          TableName: 'budgets',
          Key: { pk: { S: 'web-app#d#2026-11-22' } },
          UpdateExpression: 'ADD #f0 :a0, #f1 :a1 SET #exp = :exp',
          ConditionExpression: '(attribute_not_exists(#f0) OR #f0 <= :r0) AND (attribute_not_exists(#f1) OR #f1 <= :r1)',
          ExpressionAttributeNames: { '#exp': 'expiresAt', '#f0': 'tokens', '#f1': 'usdMicros' },
          ExpressionAttributeValues: {
            ':exp': { N: String(Date.UTC(2026, 10, 23) / 1000 + 3600) },
            ':a0': { N: '700' },
            ':r0': { N: '4300' },
            ':a1': { N: '1500' },
            ':r1': { N: '1998500' },
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      ]);
    } finally {
      table.restore();
    }
  });

  test('the in-process store of npm run serve keeps the same accounts as DynamoDB for the same calls', async () => {
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1500, max: 6000 }), batchesArb, async (perMinute, batches) => {
        const budget: TierBudget = { tokens: { perMinute, perDay: 20_000, counts: 'total' } };
        const table = fakeDynamoTable();
        try {
          const inDynamo = await run(new DynamoCounterStore('budgets', table.client), budget, batches, undefined, false);
          const inMemory = await run(new MemoryCounterStore(() => Date.UTC(2026, 10, 22) / 1000), budget, batches, undefined, false);
          expect(inMemory.map((o) => o.granted)).toEqual(inDynamo.map((o) => o.granted));
          refusals += inDynamo.filter((o) => !o.granted).length;
        } finally {
          table.restore();
        }
      }),
      { numRuns: 20 },
    );
    // The comparison covered refusals, not only grants.
    expect(refusals).toBeGreaterThan(0);
  });
});
