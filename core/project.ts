/**
 * Where the project lives: the directory holding `cdktf.json`, found by walking up from this module
 * (its TypeScript source, or the compiled app in `.build/`) or else from the program that started
 * the process (scripts/run.js, when the build directory is elsewhere).
 */
import * as fs from 'fs';
import * as path from 'path';

function findRoot(starts: readonly string[]): string {
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, 'cdktf.json'))) return dir;
      if (dir === path.dirname(dir)) break;
    }
  }
  throw new Error(`no cdktf.json above ${starts.join(' or ')}: the project is incomplete`);
}

/** The repository root (the directory of `cdktf.json`). */
export const PROJECT_ROOT = findRoot([__dirname, ...(require.main ? [path.dirname(require.main.filename)] : [])]);

/** The variable that moves the build directory (as scripts/run.js reads it too). */
export const BUILD_DIR_ENV = 'GATEWAY_BUILD_DIR';

/** Git-ignored build outputs: the compiled app and the model host packages. @default `<root>/.build` */
export const BUILD_DIR = process.env[BUILD_DIR_ENV] ? path.resolve(process.env[BUILD_DIR_ENV]) : path.join(PROJECT_ROOT, '.build');

/** The project's name, as the `managed-by` tag of every AWS resource and Kong entity carries it. */
export const MANAGED_BY = 'global-ai-gateway';
