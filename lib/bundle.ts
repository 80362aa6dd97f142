/**
 * Bundles the model host with esbuild into a single `index.js` per model kind (entry
 * `lambda/entries/<kind>.ts`, which carries only that kind's model), once per process and kind.
 * The AWS SDK is bundled too rather than taken from the Lambda runtime, so the client version is
 * the one the tests ran against. The output is reproducible: its directory is named after its content and its mtime is
 * pinned, because cdktf's archiver stores mtimes in the zip, and a zip that changed on every synth
 * would change `source_code_hash` and redeploy every function on every `cdktf deploy`.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { buildSync, type BuildFailure, type Message } from 'esbuild';
import type { ModelKind } from '../lambda/contract';
import { LAMBDA_NODE_TARGET } from './aws';
import { bundleFailed } from './errors';

/** The repository root. */
export const PROJECT_ROOT = path.resolve(__dirname, '..');

/** The model host's entry point for one kind. */
export function modelHostEntry(kind: ModelKind): string {
  return path.join(PROJECT_ROOT, 'lambda', 'entries', `${kind}.ts`);
}

/** Where bundles are written (git-ignored). */
export const BUILD_DIR = path.join(PROJECT_ROOT, '.build', 'model-host');

/** The handler setting of every model function: `index.js`, export `handler`. */
export const MODEL_HOST_HANDLER = 'index.handler';

/** A fixed mtime for bundle files (zip timestamps start in 1980). */
const PINNED_MTIME = new Date('2000-01-01T00:00:00Z');

/** A bundled model host on disk. */
export interface ModelHostBundle {
  /** The directory holding `index.js`; what the Lambda archive contains. */
  readonly directory: string;
  /** Size of `index.js` in bytes. */
  readonly bytes: number;
  /** SHA-256 of `index.js`, hex. */
  readonly sha256: string;
  /** The kind it serves. */
  readonly kind: ModelKind;
}

const cached = new Map<ModelKind, ModelHostBundle>();

/** Bundles the model host for one kind, or returns this process's earlier bundle of it. */
export function bundleModelHost(kind: ModelKind): ModelHostBundle {
  let bundle = cached.get(kind);
  if (!bundle) {
    bundle = build(kind);
    cached.set(kind, bundle);
  }
  return bundle;
}

function build(kind: ModelKind): ModelHostBundle {
  const entry = modelHostEntry(kind);
  let code: Uint8Array;
  try {
    const result = buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      target: LAMBDA_NODE_TARGET,
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      mainFields: ['module', 'main'],
      write: false,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (!output) throw bundleFailed(entry, 'esbuild produced no output');
    code = output.contents;
  } catch (err) {
    const errors = (err as Partial<BuildFailure>).errors;
    if (errors?.length) throw bundleFailed(path.relative(process.cwd(), entry), errors.map(formatMessage).join('\n'));
    throw err;
  }

  const sha256 = createHash('sha256').update(code).digest('hex');
  const directory = path.join(BUILD_DIR, `${kind}-${sha256.slice(0, 16)}`);
  const file = path.join(directory, 'index.js');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(directory, { recursive: true });
    // Write then rename, so a concurrent synth (e.g. another jest worker) never sees half a file.
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, code, { mode: 0o644 });
    fs.renameSync(partial, file);
  }
  fs.chmodSync(file, 0o644);
  fs.utimesSync(file, PINNED_MTIME, PINNED_MTIME);
  return { directory, bytes: code.byteLength, sha256, kind };
}

function formatMessage(message: Message): string {
  const where = message.location
    ? `${message.location.file}:${message.location.line}:${message.location.column}: `
    : '';
  return `  ${where}${message.text}`;
}
