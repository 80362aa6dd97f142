import * as os from 'os';
import { PROJECT_ROOT } from '../../core/project';

/**
 * Masks what churns without a real change, so a snapshot diff shows only real changes: provider
 * version pins, asset content hashes, absolute paths. Behaviour tests assert the real values.
 */
export function normalizeSynth(text: string): unknown {
  const masked = text
    .split(PROJECT_ROOT)
    .join('<project>')
    .split(os.tmpdir())
    .join('<tmp>')
    // assets/<construct>_<id>/<CONTENT HASH>/<kind>-<content hash>.zip
    .replace(/(assets\/[^/"]+\/)[0-9A-F]{32}(\/[a-z-]+-)[0-9a-f]{16}(\.zip)/g, '$1<asset-hash>$2<hash>$3');
  const json = JSON.parse(masked) as {
    terraform?: { required_providers?: Record<string, { version?: string }> };
    resource?: { aws_lambda_function?: Record<string, { source_code_hash?: string }> };
  };
  for (const provider of Object.values(json.terraform?.required_providers ?? {})) {
    if (provider.version) provider.version = '<pinned>';
  }
  // The package's SHA-256 changes with every change to the model host's code.
  for (const fn of Object.values(json.resource?.aws_lambda_function ?? {})) {
    if (fn.source_code_hash) fn.source_code_hash = '<package-sha256>';
  }
  return json;
}
