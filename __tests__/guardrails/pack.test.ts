/**
 * Rule ids lead to their files the way addresses do: `AIGW-KONG-13` is defined in
 * guardrails/rules/kong-13-<what it checks>.ts, one rule per file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../../core/project';
import { RULES } from '../../guardrails/pack';

const RULES_DIR = path.join(PROJECT_ROOT, 'guardrails', 'rules');
const files = fs.readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts'));

/** The file a rule id names: its area and number, lower-case, then what it checks. */
const fileOf = (id: string) => files.filter((f) => f.startsWith(`${id.replace(/^AIGW-/, '').toLowerCase()}-`));

test.each(RULES.map((r) => r.id))('%s is defined in the one file its id names', (id) => {
  const named = fileOf(id);
  expect(named).toHaveLength(1);
  expect(fs.readFileSync(path.join(RULES_DIR, named[0]!), 'utf8')).toContain(`id: '${id}'`);
});

test('every rule file holds exactly one rule of the pack', () => {
  const ids = new Set(RULES.map((r) => r.id));
  const wrong = files.filter((f) => {
    const defined = [...fs.readFileSync(path.join(RULES_DIR, f), 'utf8').matchAll(/id: '(AIGW-[A-Z0-9]+-\d+)'/g)].map((m) => m[1]!);
    return defined.length !== 1 || !ids.has(defined[0]!) || fileOf(defined[0]!)[0] !== f;
  });
  expect(wrong).toEqual([]);
  expect(files).toHaveLength(RULES.length);
});
