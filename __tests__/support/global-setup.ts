/**
 * Before the workers start: what many suites need and would otherwise each build at once on a
 * fresh clone — the model host packages (.build/model-host) and the compiled entry points the
 * tests spawn (.build/app). Built once here, every suite reuses them from the cache.
 */
import { spawnSync } from 'child_process';
import { HOSTED_MODEL_KINDS } from '../../contract/model-host';
import { modelHostPackages } from '../../constructs/model-host-bundle';
import { PROJECT_ROOT } from '../../core/project';
import { LAUNCHER } from './run';

/** The entry points tests run as processes. */
const SPAWNED_ENTRIES = ['main.ts', 'scripts/serve.ts', 'scripts/scan.ts'];

export default function globalSetup(): void {
  modelHostPackages(HOSTED_MODEL_KINDS);
  const run = spawnSync(process.execPath, [LAUNCHER, '--prepare', ...SPAWNED_ENTRIES], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`could not compile the entry points the tests run:\n${run.stderr}`);
}
