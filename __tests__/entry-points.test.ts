/** Every command a user runs reports mistakes the same way: through runCli, never a stack trace. */
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../core/project';

const scripts = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const entryPoints = Object.entries(scripts)
  .map(([name, command]) => [name, /^node scripts\/run\.js (\S+\.ts)/.exec(command)?.[1]] as const)
  .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);

test('the npm scripts run entry points (the list this test checks is not empty)', () => {
  expect(entryPoints.map(([name]) => name)).toEqual(expect.arrayContaining(['synth', 'scan', 'serve', 'schema']));
});

test.each(entryPoints)('npm run %s (%s) goes through runCli', (_name, file) => {
  const source = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  expect(source).toMatch(/^runCli(Async)?\(/m);
  // No top-level promise handler of its own bypasses it.
  expect(source).not.toMatch(/^main\(\)\.catch\(/m);
});
