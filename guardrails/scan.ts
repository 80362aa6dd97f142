/** Runs the rule pack over an existing synthesized output directory (any environment's cdktf.out). */
import * as fs from 'fs';
import * as path from 'path';
import { scanInputInvalid } from '../lib/errors';
import { evaluateStack, stackView, type Finding } from './engine';

/** What a scan found. */
export interface ScanResult {
  readonly stacks: readonly string[];
  readonly findings: readonly Finding[];
  readonly checked: number;
}

/** Scans every stack listed in `<dir>/manifest.json`. */
export function scanSynthesizedOutput(dir: string): ScanResult {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw scanInputInvalid(dir, 'it has no manifest.json');
  let manifest: { stacks?: Record<string, { synthesizedStackPath?: string }> };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as typeof manifest;
  } catch (err) {
    throw scanInputInvalid(dir, `manifest.json is not JSON (${(err as Error).message})`);
  }
  const stacks = Object.entries(manifest.stacks ?? {});
  if (stacks.length === 0) throw scanInputInvalid(dir, 'its manifest lists no stacks');
  const findings: Finding[] = [];
  let checked = 0;
  for (const [name, entry] of stacks) {
    const file = path.join(dir, entry.synthesizedStackPath ?? `stacks/${name}/cdk.tf.json`);
    let document: unknown;
    try {
      document = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw scanInputInvalid(dir, `${path.relative(dir, file)} cannot be read as JSON (${(err as Error).message})`);
    }
    const evaluation = evaluateStack(stackView(name, document));
    findings.push(...evaluation.findings);
    checked += evaluation.checked;
  }
  return { stacks: stacks.map(([name]) => name), findings, checked };
}
