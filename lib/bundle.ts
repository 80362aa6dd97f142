/**
 * Bundles the model host (`lambda/handler.ts`) with esbuild into a single `index.js`, once per
 * process. The output is reproducible: its directory is named after its content and its mtime is
 * pinned, because cdktf's archiver stores mtimes in the zip, and a zip that changed on every synth
 * would change `source_code_hash` and redeploy every function on every `cdktf deploy`.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { buildSync, type BuildFailure, type Message } from 'esbuild';
import { LAMBDA_NODE_TARGET } from './aws';
import { bundleFailed } from './errors';

/** The repository root. */
export const PROJECT_ROOT = path.resolve(__dirname, '..');

/** The model host's entry point. */
export const MODEL_HOST_ENTRY = path.join(PROJECT_ROOT, 'lambda', 'handler.ts');

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
}

let cached: ModelHostBundle | undefined;

/** Bundles the model host, or returns this process's earlier bundle. */
export function bundleModelHost(): ModelHostBundle {
  cached ??= build();
  return cached;
}

function build(): ModelHostBundle {
  let code: Uint8Array;
  try {
    const result = buildSync({
      entryPoints: [MODEL_HOST_ENTRY],
      bundle: true,
      platform: 'node',
      target: LAMBDA_NODE_TARGET,
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      mainFields: ['module', 'main'],
      // The Lambda Node.js runtime ships the AWS SDK v3.
      external: ['@aws-sdk/*'],
      write: false,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (!output) throw bundleFailed(MODEL_HOST_ENTRY, 'esbuild produced no output');
    code = output.contents;
  } catch (err) {
    const errors = (err as Partial<BuildFailure>).errors;
    if (errors?.length) throw bundleFailed(path.relative(process.cwd(), MODEL_HOST_ENTRY), errors.map(formatMessage).join('\n'));
    throw err;
  }

  const sha256 = createHash('sha256').update(code).digest('hex');
  const directory = path.join(BUILD_DIR, sha256.slice(0, 16));
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
  return { directory, bytes: code.byteLength, sha256 };
}

function formatMessage(message: Message): string {
  const where = message.location
    ? `${message.location.file}:${message.location.line}:${message.location.column}: `
    : '';
  return `  ${where}${message.text}`;
}
