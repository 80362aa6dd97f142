import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { blocking } from '../../guardrails/engine';
import { availableEnvironments, CONFIG_DIR, parseConfig } from '../../config/load';
import { ConfigError } from '../../core/errors';
import { synthesizeGuarded } from '../../app/synth';

/** The real configuration files, parsed. */
const documents = availableEnvironments().map((environment) => ({
  environment,
  doc: parse(fs.readFileSync(path.join(CONFIG_DIR, `${environment}.yaml`), 'utf8')) as unknown,
}));

/** Every path into a document, for picking what to mutate. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return here;
}

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown };

function mutate(doc: unknown, at: (string | number)[], mutation: Mutation): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  const parent = at.slice(0, -1).reduce<Record<string | number, unknown>>((v, k) => v[k] as Record<string | number, unknown>, copy);
  const key = at[at.length - 1]!;
  if (mutation.kind === 'set') parent[key] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    const target = parent[key];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[mutation.key] = mutation.value;
  }
  return copy;
}

/** Values a careless edit could leave behind: wrong types, near-misses, extremes, template sequences, secrets. */
const values = fc.oneof(
  fc.constantFrom(0, -1, 1, 29, 30, 65536, 1e9, 3.5, true, false, null, '', 'EDGE', 'us-east-1', 'eu-west-9', 'nlp', 'sentiment', '${var.x}', '%{if}', 'sk-proj-AbCdEfGhIjKlMnOpQrStUv012345', '10.0.0.0/8', 'x'.repeat(300), [], {}, ['nlp']),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  values.map((value) => ({ kind: 'set' as const, value })),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('add' as const), key: fc.string({ minLength: 1, maxLength: 12 }), value: values }),
);

describe('random mutations of the config/ files', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-fuzz-'));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('never crash: each is rejected naming a path, or accepted and clean under the rule pack', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...documents),
        fc.nat(),
        fc.array(mutations, { minLength: 1, maxLength: 3 }),
        ({ environment, doc }, pick, edits) => {
          let mutated = doc;
          for (const edit of edits) {
            const candidates = paths(mutated);
            if (candidates.length === 0) break;
            mutated = mutate(mutated, candidates[pick % candidates.length]!, edit);
          }
          let config;
          try {
            config = parseConfig(stringify(mutated), `config/${environment}.yaml`, environment);
          } catch (err) {
            expect(err).toBeInstanceOf(ConfigError);
            const { issues } = err as ConfigError;
            expect(issues.length).toBeGreaterThan(0);
            for (const line of (err as ConfigError).message.split('\n').slice(1, -1)) {
              expect(line).toMatch(/^ {2}config\/\w+\.yaml(:\d+:\d+)? {2}\S.*: .*accepted: /);
            }
            rejected += 1;
            return;
          }
          // Accepted: it must synthesize, and pass every guardrail.
          const result = synthesizeGuarded(config, path.join(out, `run-${accepted}`));
          expect(blocking(result.findings)).toEqual([]);
          accepted += 1;
        },
      ),
      { numRuns: 25 },
    );
    // Both outcomes occur, so the property is exercised both ways.
    expect(accepted).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });
});
