/** Runs the rule pack over an existing synthesized output directory (any environment's cdktf.out). */
import * as fs from 'fs';
import * as path from 'path';
import { synthesizedOutputInvalid } from '../lib/errors';
import { evaluateStack, stackView, type Finding } from './engine';

/** What a scan found. */
export interface ScanResult {
  readonly stacks: readonly string[];
  readonly findings: readonly Finding[];
  readonly checked: number;
}

/** A stack of a synthesized output: its name and its cdk.tf.json. */
export interface SynthesizedStackFile {
  readonly name: string;
  readonly file: string;
}

/** The stacks `<dir>/manifest.json` lists, or a plain error when `dir` is not a synthesized output. */
export function readSynthesizedStacks(dir: string): SynthesizedStackFile[] {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw synthesizedOutputInvalid(dir, 'it has no manifest.json');
  let manifest: { stacks?: Record<string, { synthesizedStackPath?: string }> };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as typeof manifest;
  } catch (err) {
    throw synthesizedOutputInvalid(dir, `manifest.json is not JSON (${(err as Error).message})`);
  }
  const stacks = Object.entries(manifest.stacks ?? {});
  if (stacks.length === 0) throw synthesizedOutputInvalid(dir, 'its manifest lists no stacks');
  return stacks.map(([name, entry]) => ({ name, file: path.join(dir, entry.synthesizedStackPath ?? `stacks/${name}/cdk.tf.json`) }));
}

/** Scans every stack listed in `<dir>/manifest.json`. */
export function scanSynthesizedOutput(dir: string): ScanResult {
  const stacks = readSynthesizedStacks(dir);
  const findings: Finding[] = [];
  let checked = 0;
  for (const { name, file } of stacks) {
    let document: unknown;
    try {
      document = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw synthesizedOutputInvalid(dir, `${path.relative(dir, file)} cannot be read as JSON (${(err as Error).message})`);
    }
    const evaluation = evaluateStack(stackView(name, document));
    findings.push(...evaluation.findings);
    checked += evaluation.checked;
  }
  return { stacks: stacks.map((s) => s.name), findings, checked };
}
