/**
 * Loads one environment's configuration: picks the file (GATEWAY_CONFIG, else GATEWAY_ENV, else
 * `dev`), parses the YAML, validates it against the schema and the cross-field rules, and either
 * returns a typed {@link GatewayConfig} or throws one {@link ConfigError} listing every problem with
 * its line. Nothing is built before this succeeds.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import {
  configFileUnreadable,
  invalidConfig,
  invalidEnvironmentName,
  unknownEnvironment,
  type ConfigIssue,
} from '../errors';
import { PROJECT_ROOT } from '../project';
import { ENVIRONMENT_NAME_PATTERN, type GatewayConfig } from './schema';
import { validateConfigDocument } from './validate';

/** The directory that holds one YAML file per environment. */
export const CONFIG_DIR = path.join(PROJECT_ROOT, 'config');

/** The environment used when neither GATEWAY_CONFIG nor GATEWAY_ENV is set. */
export const DEFAULT_ENVIRONMENT = 'dev';

/** Aliases a document may expand; far above what a real config uses, far below an alias bomb. */
const MAX_YAML_ALIASES = 100;

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

/** Picks the configuration file from the process environment. */
export function resolveConfigSource(
  env: NodeJS.ProcessEnv = process.env,
  configDir: string = CONFIG_DIR,
): ConfigSource {
  const explicit = env[CONFIG_ENV_VARS.file];
  if (explicit) {
    const file = path.resolve(explicit);
    return { file, displayName: displayName(file) };
  }
  const environment = env[CONFIG_ENV_VARS.environment] || DEFAULT_ENVIRONMENT;
  if (!ENVIRONMENT_NAME_PATTERN.test(environment)) throw invalidEnvironmentName(environment);
  const file = path.join(configDir, `${environment}.yaml`);
  if (!fs.existsSync(file)) {
    throw unknownEnvironment(environment, displayName(file), availableEnvironments(configDir));
  }
  return { file, displayName: displayName(file), expectedEnvironment: environment };
}

/** Reads and validates the configuration the process environment selects. */
export function loadConfig(source: ConfigSource = resolveConfigSource()): GatewayConfig {
  let text: string;
  try {
    text = fs.readFileSync(source.file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw configFileUnreadable(source.displayName, reason);
  }
  return parseConfig(text, source.displayName, source.expectedEnvironment);
}

/**
 * Validates configuration text. `fileName` is only used in messages; `expectedEnvironment`, when
 * given, must equal the file's `environment`.
 */
export function parseConfig(text: string, fileName: string, expectedEnvironment?: string): GatewayConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw invalidConfig(
      fileName,
      doc.errors.map((e) => ({
        path: [],
        problem: `YAML syntax error: ${e.message.split('\n')[0]}`,
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
    issues.push({
      path: ['environment'],
      problem: `the file was selected as environment "${expectedEnvironment}"`,
      received: declared,
      accepted: `"${expectedEnvironment}" (rename the file or fix the value, so stacks are never named after the wrong environment)`,
    });
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
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === String(segment));
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
