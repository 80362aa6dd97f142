/**
 * `npm run get`: regenerates the committed Kong provider bindings in `.gen/` from the schema cache,
 * offline. Never edit `.gen/` by hand; a test fails when it differs from what this produces.
 */
import * as path from 'path';
import { runCli } from '../app/cli';
import { GENERATED_DIR, listFiles, regenerateCommittedBindings } from '../tooling/kong-bindings';

runCli(() => {
  regenerateCommittedBindings();
  console.log(`Generated ${listFiles(GENERATED_DIR).length} files in ${path.relative(process.cwd(), GENERATED_DIR)}/`);
});
