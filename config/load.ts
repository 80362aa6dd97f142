/**
 * Loads one environment's configuration: picks the file (GATEWAY_CONFIG, else GATEWAY_ENV, else
 * `dev`), parses the YAML, validates it against the schema and the cross-field checks, and either
 * returns a typed {@link GatewayConfig} or throws one {@link ConfigError} listing every problem with
 * its line. Nothing is built before this succeeds.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { configFileNotRegular, configFileTooLarge, configFileUnreadable, GatewayError, invalidConfig, invalidEnvironmentName, unknownEnvironment, type ConfigIssue } from '../core/errors';
import { PROJECT_ROOT } from '../core/project';
import { ENVIRONMENT_NAME_PATTERN, type GatewayConfig } from './schema';
import { validateConfigDocument } from './validate';

/** The directory that holds one YAML file per environment. */
export const CONFIG_DIR = path.join(PROJECT_ROOT, 'config');

/** The environment used when neither GATEWAY_CONFIG nor GATEWAY_ENV is set. */
export const DEFAULT_ENVIRONMENT = 'dev';

/** Aliases a document may expand; far above what a real config uses, far below an alias bomb. */
const MAX_YAML_ALIASES = 100;

/**
 * The largest configuration file read. A real one is a few kilobytes (prod's is under 4 KiB); this
 * leaves room for thousands of consumers, and anything larger is refused before it is parsed.
 */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Environment variables that select the configuration. */
export const CONFIG_ENV_VARS = { environment: 'GATEWAY_ENV', file: 'GATEWAY_CONFIG' } as const;

/** Where a configuration comes from. */
export interface ConfigSource {
  /** Absolute path of the YAML file. */
  readonly file: string;
  /** The file as shown to the user (relative to the working directory when inside it). */
  readonly displayName: string;
  /** When the file was chosen by environment name, the `environment` the file must declare. */
  readonly expectedEnvironment?: string;
  /** Where the expected environment came from, when not from the file's name (e.g. GATEWAY_ENV beside GATEWAY_CONFIG). */
  readonly expectedFrom?: string;
}

/** The environments that have a file in `config/`. */
export function availableEnvironments(configDir: string = CONFIG_DIR): string[] {
  if (!fs.existsSync(configDir)) return [];
  return fs
    .readdirSync(configDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/**
 * Picks the configuration file from the process environment: GATEWAY_CONFIG names a file, GATEWAY_ENV
 * an environment of config/. With both, the file must declare that environment, so that one never
 * silently wins over the other.
 */
export function resolveConfigSource(
  env: NodeJS.ProcessEnv = process.env,
  configDir: string = CONFIG_DIR,
): ConfigSource {
  const explicit = env[CONFIG_ENV_VARS.file];
  const named = env[CONFIG_ENV_VARS.environment];
  if (named && !ENVIRONMENT_NAME_PATTERN.test(named)) throw invalidEnvironmentName(named, availableEnvironments(configDir));
  if (explicit) {
    const file = path.resolve(explicit);
    return { file, displayName: displayName(file), ...(named ? { expectedEnvironment: named, expectedFrom: CONFIG_ENV_VARS.environment } : {}) };
  }
  const environment = named || DEFAULT_ENVIRONMENT;
  const file = path.join(configDir, `${environment}.yaml`);
  if (!fs.existsSync(file)) {
    throw unknownEnvironment(environment, displayName(file), availableEnvironments(configDir));
  }
  return { file, displayName: displayName(file), expectedEnvironment: environment };
}

/**
 * The text of a configuration file, read only when it is a regular file no larger than
 * {@link MAX_CONFIG_BYTES}. It is opened without blocking (a FIFO would otherwise wait for a
 * writer) and checked on the open descriptor, so a device such as /dev/zero is never read.
 */
function readConfigText(source: ConfigSource): string {
  let fd: number;
  try {
    fd = fs.openSync(source.file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw configFileUnreadable(source.displayName, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw configFileNotRegular(source.displayName, fileKind(stat));
    if (stat.size > MAX_CONFIG_BYTES) throw configFileTooLarge(source.displayName, stat.size, MAX_CONFIG_BYTES);
    // Read at most one byte past the limit, in case the file grew since fstat.
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_CONFIG_BYTES) throw configFileTooLarge(source.displayName, length, MAX_CONFIG_BYTES);
    return buffer.toString('utf8', 0, length);
  } catch (err) {
    if (err instanceof GatewayError) throw err;
    throw configFileUnreadable(source.displayName, (err as Error).message);
  } finally {
    fs.closeSync(fd);
  }
}

/** What a path that is not a regular file is, in words. */
function fileKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Reads and validates the configuration the process environment selects. */
export function loadConfig(source: ConfigSource = resolveConfigSource()): GatewayConfig {
  return parseConfig(readConfigText(source), source.displayName, source.expectedEnvironment, source.expectedFrom);
}

/**
 * Validates configuration text. `fileName` is only used in messages; `expectedEnvironment`, when
 * given, must equal the file's `environment`.
 */
export function parseConfig(text: string, fileName: string, expectedEnvironment?: string, expectedFrom?: string): GatewayConfig {
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) throw configFileTooLarge(fileName, Buffer.byteLength(text), MAX_CONFIG_BYTES);
  const lineCounter = new LineCounter();
  // yaml's own uniqueKeys check compares every pair of keys (quadratic); duplicateKeys is linear.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const duplicates = doc.errors.length === 0 ? keyProblems(doc, lineCounter) : [];
  if (duplicates.length > 0) throw invalidConfig(fileName, duplicates);
  if (doc.errors.length > 0) {
    throw invalidConfig(
      fileName,
      doc.errors.map((e) => ({
        path: [],
        problem: /Maximum call stack/.test(e.message)
          ? 'YAML nested too deeply to read (a configuration is a few levels deep)'
          : `YAML syntax error: ${e.message.split('\n')[0]}`,
        accepted: 'valid YAML (check indentation, quoting and duplicate keys)',
        position: toPosition(lineCounter.linePos(e.pos[0])),
      })),
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    throw invalidConfig(fileName, [
      {
        path: [],
        problem: `YAML cannot be expanded: ${(err as Error).message}`,
        accepted: `at most ${MAX_YAML_ALIASES} alias expansions; write the values out instead`,
      },
    ]);
  }
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    throw invalidConfig(fileName, [
      {
        path: [],
        problem: raw === null || raw === undefined ? 'the file is empty' : 'the document is not a mapping',
        received: raw ?? undefined,
        accepted: 'a YAML mapping with app, environment, regions, dns and models (see config/dev.yaml)',
      },
    ]);
  }

  const result = validateConfigDocument(raw as Record<string, unknown>);
  const issues: ConfigIssue[] = [...result.issues];
  const declared = (raw as Record<string, unknown>)['environment'];
  if (expectedEnvironment !== undefined && typeof declared === 'string' && declared !== expectedEnvironment) {
    issues.push(
      expectedFrom
        ? {
            path: ['environment'],
            problem: `${expectedFrom}=${expectedEnvironment} is set too, and the file declares another environment`,
            received: declared,
            accepted: `"${expectedEnvironment}", or unset ${expectedFrom} (with GATEWAY_CONFIG set, it only confirms the file's environment)`,
          }
        : {
            path: ['environment'],
            problem: `the file was selected as environment "${expectedEnvironment}"`,
            received: declared,
            accepted: `"${expectedEnvironment}" (rename the file or fix the value, so stacks are never named after the wrong environment)`,
          },
    );
  }
  if (issues.length > 0 || result.config === undefined) {
    const located = issues.map((issue) => ({
      ...issue,
      position: issue.position ?? positionOf(doc, lineCounter, issue.path),
    }));
    throw invalidConfig(fileName, located.sort(byPosition));
  }
  return result.config;
}

/** Keys JavaScript reads as something other than a property: `__proto__` sets an object's prototype. */
const UNREADABLE_KEYS = ['__proto__'];

/**
 * Keys that would be lost silently: every key a mapping repeats (YAML forbids it; the last one would
 * win), found in one pass per mapping, and keys such as `__proto__` that no JavaScript object keeps.
 */
function keyProblems(doc: Document, lineCounter: LineCounter): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = keyText(pair);
        const offset = (pair.key as Node | null)?.range?.[0];
        const position = offset === undefined ? {} : { position: toPosition(lineCounter.linePos(offset)) };
        if (UNREADABLE_KEYS.includes(key)) {
          issues.push({
            path: [],
            problem: `the key "${key}" cannot be kept: JavaScript reads it as the object's prototype, so its value would be dropped without a word`,
            accepted: 'another key',
            ...position,
          });
        }
        if (seen.has(key)) {
          issues.push({
            path: [],
            problem: `YAML syntax error: Map keys must be unique; "${key.slice(0, 80)}" is repeated`,
            accepted: 'each key once per mapping (a second one would silently override the first)',
            ...position,
          });
        }
        seen.add(key);
      }
    },
  });
  return issues;
}

/** A pair's key as text: a scalar's value, or the source form of a complex key. */
function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** Per mapping, its pairs by key, built once: finding a path's position stays linear in the number of issues. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items as Pair[]) if (!index.has(keyText(pair))) index.set(keyText(pair), pair);
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** Document order; issues without a position keep their relative order at the end. */
function byPosition(a: ConfigIssue, b: ConfigIssue): number {
  const pa = a.position ?? { line: Infinity, column: Infinity };
  const pb = b.position ?? { line: Infinity, column: Infinity };
  return pa.line - pb.line || pa.column - pb.column;
}

/** The 1-based line and column of the deepest node of `path` present in the document. */
function positionOf(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairOf(node as YAMLMap, String(segment));
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : toPosition(lineCounter.linePos(offset));
}

function toPosition({ line, col }: { line: number; col: number }): { line: number; column: number } {
  return { line, column: col };
}

function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
