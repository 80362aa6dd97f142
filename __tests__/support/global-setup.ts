/**
 * Before the workers start: what many suites need and would otherwise each build at once on a
 * fresh clone — the model host packages (.build/model-host) and the compiled entry points the
 * tests spawn (.build/app). Built once here, every suite reuses them from the cache.
 */
import { execFile } from 'child_process';
import { HOSTED_MODEL_KINDS } from '../../contract/model-host';
import { modelHostPackages } from '../../constructs/model-host-bundle';
import { PROJECT_ROOT } from '../../core/project';
import { LAUNCHER } from './run';

/** The entry points tests run as processes. */
const SPAWNED_ENTRIES = ['main.ts', 'scripts/serve.ts', 'scripts/scan.ts'];

export default async function globalSetup(): Promise<void> {
  // The entry points compile in a child process while the packages build here: on a fresh clone
  // both are cold, and neither waits for the other.
  const prepared = new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [LAUNCHER, '--prepare', ...SPAWNED_ENTRIES], { cwd: PROJECT_ROOT, encoding: 'utf8' }, (err, _stdout, stderr) =>
      err ? reject(new Error(`could not compile the entry points the tests run:\n${stderr}`)) : resolve(),
    ),
  );
  prepared.catch(() => undefined);
  modelHostPackages(HOSTED_MODEL_KINDS);
  await prepared;
}
