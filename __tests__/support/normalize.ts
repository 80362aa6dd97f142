import * as os from 'os';
import { PROJECT_ROOT } from '../../lib/bundle';

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
    // assets/<construct>_<id>/<CONTENT HASH>/archive.zip
    .replace(/(assets\/[^/"]+\/)[0-9A-F]{32}(\/)/g, '$1<asset-hash>$2');
  const json = JSON.parse(masked) as { terraform?: { required_providers?: Record<string, { version?: string }> } };
  for (const provider of Object.values(json.terraform?.required_providers ?? {})) {
    if (provider.version) provider.version = '<pinned>';
  }
  return json;
}
