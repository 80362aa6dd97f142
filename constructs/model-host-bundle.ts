/**
 * Builds the model host's deployment packages: per model kind, the entry `lambda/entries/<kind>.ts`
 * bundled by esbuild into one `index.js` (which carries only that kind's model) and zipped in
 * process into a deterministic archive (one entry, fixed timestamp and permissions), so the same
 * sources give the same bytes on every machine, and `source_code_hash` changes only when the code
 * does. The AWS SDK is bundled too rather than taken from the Lambda runtime, so the client
 * version is the one the tests ran against.
 *
 * Packages are cached across runs in `.build/model-host/`, keyed by a hash of everything that
 * decides their bytes: the builder's settings, esbuild's version, `package-lock.json` (which pins
 * every bundled dependency) and the content of every project file the bundle was built from (from
 * esbuild's metafile). A synth of an unchanged tree reads the cache and runs no esbuild; a change to
 * any of those inputs rebuilds exactly the packages built from it. Every kind that misses is built
 * in one esbuild run, so the files the kinds share are parsed once.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { buildSync, version as esbuildVersion, type BuildFailure, type BuildOptions, type Message } from 'esbuild';
import { unzipSync } from 'fflate';
import type { ModelKind } from '../contract/model-host';
import { LAMBDA_NODE_TARGET } from '../aws/facts';
import { DeterministicZipWriter, type ZipEntry } from './deterministic-zip';
import { bundleFailed } from '../core/errors';
import { BUILD_DIR, PROJECT_ROOT } from '../core/project';


/** The handler setting of every model function: `index.js`, export `handler`. */
export const MODEL_HOST_HANDLER = 'index.handler';

/** The handler setting of a streaming model function: export `streamHandler` (lambda/entry.ts). */
export const MODEL_HOST_STREAM_HANDLER = 'index.streamHandler';

/** The entry file of every package (the data files it requires sit beside it). */
const PACKAGE_ENTRY_FILE = 'index.js';

/**
 * Bumped whenever the way a package is built changes in a way the other key parts do not show
 * (zip layout, entry naming), so old cache entries are never reused.
 */
const BUILDER_VERSION = 3;

/** A built deployment package on disk. */
export interface ModelHostPackage {
  /** The kind it serves. */
  readonly kind: ModelKind;
  /** Absolute path of the zip. */
  readonly zipPath: string;
  /** SHA-256 of the zip's bytes, hex. */
  readonly sha256: string;
  /** SHA-256 of the zip's bytes, base64: what Lambda reports as `CodeSha256` and `source_code_hash` holds. */
  readonly sourceCodeHash: string;
  /** Size of the zip in bytes. */
  readonly zipBytes: number;
  /** Size of the package's files unzipped, in bytes. */
  readonly bundleBytes: number;
}

/** Where and from what packages are built. */
export interface PackageBuildOptions {
  /** The project whose `lambda/entries` and `package-lock.json` are used. @default the repository root */
  readonly root?: string;
  /** Where packages and their cache records are kept. @default `.build/model-host` of the project (or of GATEWAY_BUILD_DIR) */
  readonly cacheDir?: string;
}

/** What one build did, for callers that report or test caching. */
export interface PackageBuildReport {
  /** Kinds served from the cache. */
  readonly reused: readonly ModelKind[];
  /** Kinds esbuild built. */
  readonly built: readonly ModelKind[];
}

/** The cache record beside each package. */
interface CacheRecord {
  readonly key: string;
  /** Project files (relative to the root, `/`-separated) the bundle was built from. */
  readonly inputs: readonly string[];
  readonly zip: string;
  readonly sha256: string;
  readonly zipBytes: number;
  readonly bundleBytes: number;
}

/** The model host's entry point for one kind. */
export function modelHostEntry(kind: ModelKind, root: string = PROJECT_ROOT): string {
  return path.join(root, 'lambda', 'entries', `${kind}.ts`);
}

/** The deployment package of one kind, from the cache or a fresh build. */
export function modelHostPackage(kind: ModelKind, options: PackageBuildOptions = {}): ModelHostPackage {
  return modelHostPackages([kind], options).get(kind)!;
}

/** The deployment packages of several kinds; those not cached are built together in one esbuild run. */
export function modelHostPackages(kinds: readonly ModelKind[], options: PackageBuildOptions = {}): Map<ModelKind, ModelHostPackage> {
  return buildPackages(kinds, options).packages;
}

/** As {@link modelHostPackages}, also saying which kinds were reused and which were built. */
export function buildPackages(
  kinds: readonly ModelKind[],
  options: PackageBuildOptions = {},
): { packages: Map<ModelKind, ModelHostPackage>; report: PackageBuildReport } {
  const root = path.resolve(options.root ?? PROJECT_ROOT);
  const cacheDir = path.resolve(options.cacheDir ?? (options.root ? path.join(root, '.build', 'model-host') : path.join(BUILD_DIR, 'model-host')));
  const packages = new Map<ModelKind, ModelHostPackage>();
  const reused: ModelKind[] = [];
  const missing: ModelKind[] = [];
  const base = baseKeyOf(root);

  for (const kind of new Set(kinds)) {
    const cached = fromCache(kind, root, cacheDir, base);
    if (cached) {
      packages.set(kind, cached);
      reused.push(kind);
    } else {
      missing.push(kind);
    }
  }
  if (missing.length > 0) {
    for (const built of build(missing, root, cacheDir, base)) packages.set(built.kind, built);
  }
  return { packages, report: { reused, built: missing } };
}

/** esbuild's settings for the model host; part of the cache key. */
function buildOptions(root: string, kinds: readonly ModelKind[]): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: kinds.map((kind) => ({ in: modelHostEntry(kind, root), out: kind })),
    outdir: path.join(root, '.build', 'model-host-out'),
    bundle: true,
    platform: 'node',
    target: LAMBDA_NODE_TARGET,
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    mainFields: ['module', 'main'],
    // JSON (the language model's data, above all) is shipped as files beside index.js rather than
    // re-printed as JavaScript: esbuild does not parse it, and every text kind's package carries the
    // same files, which the zip writer then compresses once.
    loader: { '.json': 'copy' },
    assetNames: '[name]-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
  };
}

const baseKeys = new Map<string, { stamp: string; key: string }>();

/** {@link baseKey}, recomputed only when the lockfile's size, mtime or inode changed in this process. */
function baseKeyOf(root: string): string {
  let stamp = 'none';
  try {
    const stat = fs.statSync(path.join(root, 'package-lock.json'));
    stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    // No lockfile: the key says so.
  }
  const known = baseKeys.get(root);
  if (known?.stamp === stamp) return known.key;
  const key = baseKey(root);
  baseKeys.set(root, { stamp, key });
  return key;
}

/** The part of the key every kind shares: builder, esbuild, settings and the lockfile. */
function baseKey(root: string): string {
  const { entryPoints: _entries, absWorkingDir: _root, outdir: _out, ...settings } = buildOptions(root, []);
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ builder: BUILDER_VERSION, esbuild: esbuildVersion, settings }));
  hash.update('\0lockfile\0');
  hash.update(readIfExists(path.join(root, 'package-lock.json')) ?? 'none');
  return hash.digest('hex');
}

/** The full key of one kind: the base key plus the content of each project input. */
function packageKey(base: string, root: string, inputs: readonly string[]): string | undefined {
  const hash = createHash('sha256').update(base);
  for (const input of inputs) {
    const content = readIfExists(path.join(root, input));
    if (content === undefined) return undefined;
    hash.update(`\0${input}\0`).update(createHash('sha256').update(content).digest('hex'));
  }
  return hash.digest('hex');
}

function fromCache(kind: ModelKind, root: string, cacheDir: string, base: string): ModelHostPackage | undefined {
  const text = readIfExists(path.join(cacheDir, `${kind}.json`));
  if (text === undefined) return undefined;
  let record: CacheRecord;
  try {
    record = JSON.parse(text.toString('utf8')) as CacheRecord;
  } catch {
    return undefined;
  }
  if (!Array.isArray(record.inputs) || packageKey(base, root, record.inputs) !== record.key) return undefined;
  const zipPath = path.join(cacheDir, record.zip);
  const zip = readIfExists(zipPath);
  if (zip === undefined) return undefined;
  const digest = createHash('sha256').update(zip).digest();
  // A cache entry is trusted only if its zip is still the one recorded.
  if (digest.toString('hex') !== record.sha256) return undefined;
  return describe(kind, zipPath, digest, zip.byteLength, record.bundleBytes);
}

function build(kinds: readonly ModelKind[], root: string, cacheDir: string, base: string): ModelHostPackage[] {
  const options = buildOptions(root, kinds);
  let result: ReturnType<typeof buildSync>;
  try {
    result = buildSync(options);
  } catch (err) {
    const errors = (err as Partial<BuildFailure>).errors;
    if (errors?.length) throw bundleFailed(kinds.map((k) => path.relative(process.cwd(), modelHostEntry(k, root))).join(', '), errors.map(formatMessage).join('\n'));
    throw err;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const outputs = new Map((result.outputFiles ?? []).map((file) => [path.relative(root, file.path).split(path.sep).join('/'), file]));
  const writer = new DeterministicZipWriter();
  return kinds.map((kind) => {
    const outputPath = path.relative(root, path.join(options.outdir!, `${kind}.js`)).split(path.sep).join('/');
    const output = outputs.get(outputPath);
    const meta = result.metafile?.outputs[outputPath];
    if (!output || !meta) throw bundleFailed(modelHostEntry(kind, root), 'esbuild produced no output');

    // index.js, and the data files it requires (copied as they are, e.g. the language model).
    const dataFiles = [...new Set(meta.imports.filter((i) => !i.external && outputs.has(i.path)).map((i) => i.path))];
    const entries: ZipEntry[] = [
      { name: PACKAGE_ENTRY_FILE, data: output.contents },
      ...dataFiles.map((file) => ({ name: path.posix.basename(file), data: outputs.get(file)!.contents })),
    ];
    const zip = writer.zip(entries);
    // Project sources only: dependencies are pinned by the lockfile, which is in the base key.
    const inputs = Object.keys(meta.inputs)
      .filter((input) => !input.split('/').includes('node_modules') && !input.startsWith('..'))
      .sort();
    const digest = createHash('sha256').update(zip).digest();
    const sha256 = digest.toString('hex');
    const zipName = `${kind}-${sha256.slice(0, 16)}.zip`;
    const zipPath = path.join(cacheDir, zipName);
    writeAtomically(zipPath, zip);
    // Earlier packages of this kind are never read again.
    for (const old of fs.readdirSync(cacheDir)) {
      if (old !== zipName && old.startsWith(`${kind}-`) && old.endsWith('.zip')) fs.rmSync(path.join(cacheDir, old), { force: true });
    }
    const bundleBytes = entries.reduce((sum, entry) => sum + entry.data.byteLength, 0);
    const record: CacheRecord = { key: packageKey(base, root, inputs)!, inputs, zip: zipName, sha256, zipBytes: zip.byteLength, bundleBytes };
    writeAtomically(path.join(cacheDir, `${kind}.json`), `${JSON.stringify(record, null, 2)}\n`);
    return describe(kind, zipPath, digest, zip.byteLength, bundleBytes);
  });
}

function describe(kind: ModelKind, zipPath: string, digest: Buffer, zipBytes: number, bundleBytes: number): ModelHostPackage {
  return { kind, zipPath, sha256: digest.toString('hex'), sourceCodeHash: digest.toString('base64'), zipBytes, bundleBytes };
}

/** Unpacks a package into `dir` (created), as Lambda unpacks it into /var/task; returns the file names. */
export function unpackModelHostPackage(pkg: ModelHostPackage, dir: string): string[] {
  const files = unzipSync(new Uint8Array(fs.readFileSync(pkg.zipPath)));
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), data);
  return Object.keys(files);
}

/** Writes then renames, so a concurrent synth (another jest worker, say) never reads half a file. */
function writeAtomically(file: string, data: Uint8Array | string): void {
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, data, { mode: 0o644 });
  fs.renameSync(partial, file);
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw err;
  }
}

function formatMessage(message: Message): string {
  const where = message.location ? `${message.location.file}:${message.location.line}:${message.location.column}: ` : '';
  return `  ${where}${message.text}`;
}
