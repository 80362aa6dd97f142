/**
 * One direction through the house. The folders are layers, and a file imports only from its own
 * folder and the layers below it; nothing imports up, and no two folders import each other.
 *
 *   scripts/, main.ts   entry points
 *   app/                the composition root: synthesis, environment wiring, the CLI
 *   stacks/             thin stacks translating configuration into construct props
 *   constructs/ config/ one construct per file, each with its own props (and the Kong bindings
 *                       in .gen/); the configuration layer: neither knows the other
 *   guardrails/         the rule pack
 *   aws/ kong/ terraform/ tooling/   facts about each, and developer tooling
 *   core/               errors, secret masking, the project root
 *   contract/           what the model host and the infrastructure share
 *
 * The model host (lambda/) stands apart: it imports only the contract, so nothing of the
 * infrastructure reaches a Lambda package.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../core/project';

/** The layers, bottom first; folders on one floor may not import each other. */
const FLOORS: readonly (readonly string[])[] = [
  ['contract'],
  ['core'],
  ['aws', 'kong', 'terraform', 'tooling'],
  ['guardrails'],
  ['constructs', 'config'],
  ['stacks'],
  ['app'],
  ['scripts', 'main.ts'],
];

/** What a folder may import: itself and every floor below it (the model host: only the contract). */
function allowed(folder: string): string[] {
  if (folder === 'lambda') return ['lambda', 'contract'];
  if (folder === 'scripts' || folder === 'main.ts') return [folder, 'lambda', ...FLOORS.flat()];
  const floor = FLOORS.findIndex((f) => f.includes(folder));
  return [folder, ...FLOORS.slice(0, floor).flat()];
}

/** Every TypeScript file below a folder of the project, as paths from the root. */
function sources(folder: string): string[] {
  if (folder.endsWith('.ts')) return [folder];
  return (fs.readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

/** The project folders a file's imports reach (its own included); `.gen` for the generated bindings. */
function foldersImported(file: string): string[] {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
  return specifiers.flatMap((s) => {
    if (s.startsWith('#gen/')) return ['.gen'];
    if (!s.startsWith('.')) return [];
    return [path.relative(PROJECT_ROOT, path.resolve(PROJECT_ROOT, path.dirname(file), s)).split(path.sep)[0]!];
  });
}

const FOLDERS = ['lambda', ...FLOORS.flat()];

test('every folder of source code has its place', () => {
  const onDisk = fs
    .readdirSync(PROJECT_ROOT, { withFileTypes: true })
    .filter((e) => (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && sources(e.name).length > 0) || e.name === 'main.ts')
    .map((e) => e.name)
    .filter((name) => name !== '__tests__' && name !== 'cdktf.out');
  expect(onDisk.sort()).toEqual([...FOLDERS].sort());
});

test.each(FOLDERS)('%s imports only from its own layer and those below', (folder) => {
  const files = sources(folder);
  expect(files.length).toBeGreaterThan(0);
  const generatedOk = folder === 'constructs' || folder === 'stacks';
  const crossings = files.flatMap((file) =>
    foldersImported(file)
      .filter((f) => !allowed(folder).includes(f) && !(f === '.gen' && generatedOk))
      .map((f) => `${file} -> ${f}/`),
  );
  expect(crossings).toEqual([]);
});

test('the check sees a crossing when there is one', () => {
  expect(foldersImported('core/errors.ts')).toContain('contract');
  expect(allowed('guardrails')).not.toContain('config');
  expect(allowed('constructs')).not.toContain('config');
  expect(allowed('kong')).not.toContain('config');
});
