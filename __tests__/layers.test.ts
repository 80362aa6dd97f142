/**
 * The contract waist: contract/ is what the model host and the infrastructure both rely on, and the
 * only thing they share. The model host (lambda/) imports nothing of the infrastructure, and the
 * contract imports nothing of either.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../core/project';

/** Every TypeScript file below a folder of the project, as paths from the root. */
function sources(folder: string): string[] {
  return (fs.readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

/** The project folders a file's relative imports reach (its own included). */
function foldersImported(file: string): string[] {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => path.relative(PROJECT_ROOT, path.resolve(PROJECT_ROOT, path.dirname(file), s)).split(path.sep)[0]!);
}

test.each([
  ['lambda', ['lambda', 'contract']],
  ['contract', ['contract']],
])('%s/ imports only from %j', (folder, allowed) => {
  const files = sources(folder);
  expect(files.length).toBeGreaterThan(0);
  const crossings = files.flatMap((file) => foldersImported(file).filter((f) => !allowed.includes(f)).map((f) => `${file} -> ${f}/`));
  expect(crossings).toEqual([]);
});

test('the check sees a crossing when there is one', () => {
  expect(foldersImported('core/errors.ts')).toContain('contract');
});
