/**
 * Runs the rule pack over an existing synthesized output directory (any environment's cdktf.out),
 * reading what Terraform will read: the stacks the manifest lists, each in the working directory
 * `cdktf deploy` runs Terraform in, every configuration file Terraform loads there.
 *
 * Stack directories the manifest does not list are judged too. Fails closed: a manifest entry pointing outside
 * the output or at a file other than the stack's own, a file Terraform would load that cdktf never
 * writes and scan cannot read as JSON (`*.tf`, override files, auto-loaded variable files), or a
 * document in a shape Terraform would refuse is an error naming the file, not a clean report.
 */
import * as fs from 'fs';
import * as path from 'path';
import { synthesizedOutputInvalid } from '../core/errors';
import { evaluateStack, stackViewOf, type Finding } from './engine';
import { readTerraformDocuments, TerraformJsonError } from './terraform-json';

/**
 * What the rule pack found in a synthesized output: the one result of the one evaluation, whether
 * the synth gate ran it over its staging directory or `npm run scan` over any cdktf.out.
 */
export interface Evaluation {
  /** The stacks judged: the manifest's, then other stack directories of the output. */
  readonly stacks: readonly string[];
  /** Stack directories the manifest does not list (scanned too). */
  readonly unlisted: readonly string[];
  readonly findings: readonly Finding[];
  readonly checked: number;
}

/** A stack of a synthesized output: its name, its working directory and its cdk.tf.json. */
export interface SynthesizedStackFile {
  readonly name: string;
  readonly directory: string;
  readonly file: string;
}

/** The file cdktf writes a stack's configuration to, in the stack's working directory. */
const STACK_FILE = 'cdk.tf.json';
/** Where cdktf puts the stacks' working directories. */
const STACKS_DIR = 'stacks';
/** Deeper than this, a JSON document is not a synthesized stack (and would exhaust the stack). */
const MAX_JSON_DEPTH = 64;

/** A path of the manifest, resolved inside `dir`; anything reaching outside is refused. */
function inside(dir: string, relative: unknown, what: string): string {
  if (typeof relative !== 'string' || relative === '' || path.isAbsolute(relative)) {
    throw synthesizedOutputInvalid(dir, `the manifest gives ${what} as ${JSON.stringify(relative)}; cdktf writes a path relative to the output directory`);
  }
  const resolved = path.resolve(dir, relative);
  if (path.relative(path.resolve(dir), resolved).startsWith('..')) {
    throw synthesizedOutputInvalid(dir, `the manifest points ${what} outside the output directory (${relative})`);
  }
  return resolved;
}

/** The stacks `<dir>/manifest.json` lists, or a plain error when `dir` is not a synthesized output. */
export function readSynthesizedStacks(dir: string): SynthesizedStackFile[] {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw synthesizedOutputInvalid(dir, 'it has no manifest.json. Run `npm run synth` first, or pass the directory it wrote (e.g. npm run scan -- cdktf.out)');
  }
  let manifest: { stacks?: Record<string, { synthesizedStackPath?: unknown; workingDirectory?: unknown }> };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as typeof manifest;
  } catch (err) {
    throw synthesizedOutputInvalid(dir, `manifest.json is not JSON (${(err as Error).message})`);
  }
  const stacks = Object.entries(manifest.stacks ?? {});
  if (stacks.length === 0) throw synthesizedOutputInvalid(dir, 'its manifest lists no stacks');
  const listed = stacks.map(([name, entry]) => {
    const directory = inside(dir, entry.workingDirectory ?? `${STACKS_DIR}/${name}`, `the working directory of ${name}`);
    const file = inside(dir, entry.synthesizedStackPath ?? `${STACKS_DIR}/${name}/${STACK_FILE}`, `the configuration of ${name}`);
    if (file !== path.join(directory, STACK_FILE)) {
      throw synthesizedOutputInvalid(dir, `the manifest reads ${name} from ${path.relative(dir, file)}, but Terraform runs in ${path.relative(dir, directory)} and reads ${path.relative(dir, path.join(directory, STACK_FILE))}`);
    }
    return { name, directory, file };
  });
  return listed;
}

/**
 * Stack directories the manifest does not list: another environment's stacks synthesized into the
 * same output earlier (synthesis keeps them, with their Terraform working files), or a copy. Nothing
 * deploys them through cdktf, but Terraform can be run in them, so scan judges them too.
 */
function unlistedStacks(dir: string, listed: readonly SynthesizedStackFile[]): SynthesizedStackFile[] {
  const stacksDir = path.join(dir, STACKS_DIR);
  if (!fs.existsSync(stacksDir)) return [];
  const known = new Set(listed.map((s) => path.resolve(s.directory)));
  return fs
    .readdirSync(stacksDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !known.has(path.resolve(stacksDir, entry.name)))
    .map((entry) => ({ name: entry.name, directory: path.join(stacksDir, entry.name), file: path.join(stacksDir, entry.name, STACK_FILE) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The configuration files Terraform loads from a working directory (Terraform docs, "Files and
 * Directories", "Override Files", "Variable Definitions (.tfvars) Files"), the JSON ones read, the
 * others refused.
 */
function terraformFiles(dir: string, directory: string): string[] {
  if (!fs.existsSync(directory)) throw synthesizedOutputInvalid(dir, `${path.relative(dir, directory)} does not exist`);
  const files: string[] = [];
  for (const name of fs.readdirSync(directory).sort()) {
    const relative = path.relative(dir, path.join(directory, name));
    const override = /(^|_)override\.tf(\.json)?$/.test(name);
    const autoVariables = name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || /\.auto\.tfvars(\.json)?$/.test(name);
    if (override || autoVariables || name.endsWith('.tf')) {
      throw synthesizedOutputInvalid(dir, `${relative} is a file Terraform would load and cdktf never writes (${override ? 'an override file' : autoVariables ? 'variable values' : 'HCL'}); scan judges only what cdktf wrote. Remove it`);
    }
    if (name.endsWith('.tf.json')) files.push(path.join(directory, name));
  }
  if (!files.some((f) => path.basename(f) === STACK_FILE)) throw synthesizedOutputInvalid(dir, `${path.relative(dir, directory)} has no ${STACK_FILE}`);
  return files;
}

function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    if (current !== null && typeof current === 'object') for (const inner of Object.values(current)) stack.push([inner, depth + 1]);
  }
  return deepest;
}

function readJson(dir: string, file: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw synthesizedOutputInvalid(dir, `${path.relative(dir, file)} cannot be read as JSON (${(err as Error).message})`);
  }
  if (depthOf(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw synthesizedOutputInvalid(dir, `${path.relative(dir, file)} nests deeper than ${MAX_JSON_DEPTH} levels; cdktf never writes that`);
  return json;
}

/** Scans every stack of the output: those `<dir>/manifest.json` lists, then any other stack directory. */
export function scanSynthesizedOutput(dir: string): Evaluation {
  const listed = readSynthesizedStacks(dir);
  const stacks = [...listed, ...unlistedStacks(dir, listed)];
  const findings: Finding[] = [];
  let checked = 0;
  for (const { name, directory } of stacks) {
    const documents = terraformFiles(dir, directory).map((file) => ({ file: path.relative(dir, file), json: readJson(dir, file) }));
    let view;
    try {
      view = stackViewOf(name, readTerraformDocuments(documents));
    } catch (err) {
      if (err instanceof TerraformJsonError) throw synthesizedOutputInvalid(dir, err.message);
      throw err;
    }
    const evaluation = evaluateStack(view);
    findings.push(...evaluation.findings);
    checked += evaluation.checked;
  }
  return { stacks: stacks.map((s) => s.name), unlisted: stacks.slice(listed.length).map((s) => s.name), findings, checked };
}
