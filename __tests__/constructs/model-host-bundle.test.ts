import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { buildPackages, type ModelHostPackage } from '../../constructs/model-host-bundle';
import { GatewayError } from '../../core/errors';
import { PROJECT_ROOT } from '../../core/project';

/**
 * A throwaway copy of what the model host is built from (contract/, lambda/, config/ and the lockfile), with the
 * project's node_modules linked in, so sources and the lockfile can be edited freely.
 */
function projectCopy(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-pkg-root-'));
  for (const entry of ['contract', 'lambda', 'config', 'package-lock.json']) fs.cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

const KINDS = ['sentiment', 'bedrock-chat'] as const;
const hashes = (packages: Map<string, ModelHostPackage>) => Object.fromEntries([...packages].map(([kind, pkg]) => [kind, pkg.sha256]));
const append = (file: string, text: string) => fs.appendFileSync(file, text);

describe('model host packages (constructs/model-host-bundle.ts)', () => {
  let root: string;
  let cacheDir: string;
  let first: Record<string, string>;

  beforeAll(() => {
    root = projectCopy();
    cacheDir = path.join(root, '.build', 'model-host');
    const built = buildPackages(KINDS, { root, cacheDir });
    expect(built.report.built).toEqual([...KINDS]);
    first = hashes(built.packages);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('an unchanged tree is served from the cache, with the same bytes', () => {
    const again = buildPackages(KINDS, { root, cacheDir });
    expect(again.report).toEqual({ reused: [...KINDS], built: [] });
    expect(hashes(again.packages)).toEqual(first);
  });

  test('a text package holds index.js and the language model’s data; the Bedrock package no model', () => {
    const built = buildPackages(KINDS, { root, cacheDir }).packages;
    const names = (kind: (typeof KINDS)[number]) => Object.keys(unzipSync(new Uint8Array(fs.readFileSync(built.get(kind)!.zipPath))));
    expect(names('sentiment')).toContain('index.js');
    expect(names('sentiment')).toEqual(expect.arrayContaining([expect.stringMatching(/^eng-core-web-model-[A-Z0-9]{8}\.json$/), expect.stringMatching(/^eng-sa-model-/)]));
    expect(names('bedrock-chat')).toContain('index.js');
    expect(names('bedrock-chat').some((name) => name.startsWith('eng-'))).toBe(false);
  });

  // The same zip in another directory and time zone: reproducible-output.test.ts, over the whole output.

  test('a change to one kind’s source rebuilds that kind only, and changes its hash only', () => {
    append(path.join(root, 'lambda', 'models', 'sentiment.ts'), "\n(globalThis as Record<string, unknown>)['aigwTestMark'] = 'sentiment';\n");
    const after = buildPackages(KINDS, { root, cacheDir });
    expect(after.report).toEqual({ reused: ['bedrock-chat'], built: ['sentiment'] });
    expect(hashes(after.packages)['bedrock-chat']).toBe(first['bedrock-chat']);
    expect(hashes(after.packages)['sentiment']).not.toBe(first['sentiment']);
    first = hashes(after.packages);
  });

  test('a change to a source every kind uses rebuilds every kind', () => {
    append(path.join(root, 'lambda', 'handler.ts'), "\n(globalThis as Record<string, unknown>)['aigwTestMark2'] = 'handler';\n");
    const after = buildPackages(KINDS, { root, cacheDir });
    expect(after.report).toEqual({ reused: [], built: [...KINDS] });
    for (const kind of KINDS) expect(hashes(after.packages)[kind]).not.toBe(first[kind]);
    first = hashes(after.packages);
  });

  test('a change to the lockfile rebuilds a kind none of whose sources changed (the dependencies it pins are unchanged here, so the bytes are too)', () => {
    // The lockfile is in the key every kind shares, so one kind shows it; the Bedrock one builds fastest.
    append(path.join(root, 'package-lock.json'), '\n');
    const after = buildPackages(['bedrock-chat'], { root, cacheDir });
    expect(after.report).toEqual({ reused: [], built: ['bedrock-chat'] });
    expect(after.packages.get('bedrock-chat')!.sha256).toBe(first['bedrock-chat']);
  });

  test('a change outside the packages’ sources rebuilds nothing', () => {
    append(path.join(root, 'config', 'naming.ts'), '\n// an infrastructure-only change\n');
    expect(buildPackages(['bedrock-chat'], { root, cacheDir }).report).toEqual({ reused: ['bedrock-chat'], built: [] });
  });

  test('a cached zip that no longer matches its record is rebuilt, not shipped', () => {
    const pkg = buildPackages(['bedrock-chat'], { root, cacheDir }).packages.get('bedrock-chat')!;
    fs.writeFileSync(pkg.zipPath, 'truncated');
    const after = buildPackages(['bedrock-chat'], { root, cacheDir });
    expect(after.report.built).toEqual(['bedrock-chat']);
    expect(after.packages.get('bedrock-chat')!.sha256).toBe(pkg.sha256);
  });

  test('a source that does not compile fails with the file and line, and what to do', () => {
    const broken = projectCopy();
    try {
      fs.writeFileSync(path.join(broken, 'lambda', 'models', 'sentiment.ts'), 'export const = ;\n');
      let error: unknown;
      try {
        buildPackages(['sentiment'], { root: broken });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(GatewayError);
      expect((error as Error).message).toMatch(/^Could not bundle the model host from .*lambda\/entries\/sentiment\.ts:\n {2}lambda\/models\/sentiment\.ts:1:13: /);
      expect((error as Error).message).toContain('Fix the errors above in lambda/ and synthesize again.');
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });
});
