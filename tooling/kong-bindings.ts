/**
 * Generates the Kong provider's cdktf bindings with the real `cdktf get`, offline: the provider
 * schema comes from the committed cache in providers/schema-cache, so neither network nor a
 * terraform provider binary is needed. Generation runs in a scratch project and writes to a
 * directory of the caller's choice, so `.gen/` is replaced only by a complete, successful run and
 * the drift test can regenerate without touching the working tree.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_ROOT } from '../core/project';
import { GatewayError } from '../core/errors';

/** The committed provider schema cache (`terraform providers schema -json` + provider_versions). */
export const SCHEMA_CACHE_DIR = path.join(PROJECT_ROOT, 'providers', 'schema-cache');

/** Where the committed bindings live. */
export const GENERATED_DIR = path.join(PROJECT_ROOT, '.gen');

const CDKTF_BIN = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'cdktf');

/** Runs `cdktf get --force` for the providers in cdktf.json, writing the bindings to `outDir`. */
export function generateBindings(outDir: string): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-get-'));
  try {
    const cdktfJson = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'cdktf.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(work, 'cdktf.json'), JSON.stringify({ ...cdktfJson, codeMakerOutput: path.resolve(outDir) }));
    fs.copyFileSync(path.join(PROJECT_ROOT, 'package.json'), path.join(work, 'package.json'));
    fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
    const result = spawnSync(CDKTF_BIN, ['get', '--force', '--experimental-provider-schema-cache-path', SCHEMA_CACHE_DIR], {
      cwd: work,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new GatewayError(
        'BINDINGS_GENERATION_FAILED',
        `cdktf get failed (exit ${result.status ?? result.signal}). A schema cache miss means cdktf.json's provider ` +
          `constraint no longer matches a file in ${path.relative(PROJECT_ROOT, SCHEMA_CACHE_DIR)}.\n${result.stdout}\n${result.stderr}`,
      );
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Regenerates `.gen/` in place: into a scratch directory first, then swapped in whole. */
export function regenerateCommittedBindings(): void {
  const staging = fs.mkdtempSync(path.join(PROJECT_ROOT, '.gen-staging-'));
  try {
    generateBindings(staging);
    fs.rmSync(GENERATED_DIR, { recursive: true, force: true });
    fs.renameSync(staging, GENERATED_DIR);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Every file below `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
