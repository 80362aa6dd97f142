import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../../core/project';

/** The launcher every npm script and cdktf.json's `app` start entry points with: `node scripts/run.js <entry.ts>`. */
export const LAUNCHER = path.join(PROJECT_ROOT, 'scripts', 'run.js');

/** The arguments that start an entry point as the npm scripts do (for spawn, after process.execPath). */
export function entryArgs(entry: string, ...args: string[]): string[] {
  return [LAUNCHER, entry, ...args];
}

/** cdktf.json's `app` command, split into words. */
export function appCommand(): string[] {
  return (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'cdktf.json'), 'utf8')) as { app: string }).app.split(/\s+/);
}
