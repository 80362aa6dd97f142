import { kongPluginConfig } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** What Kong 3.9.1 compares literally in `origins`; anything else is a regular expression (kong/plugins/cors/handler.lua:105). */
const LITERAL_ORIGIN = /^[A-Za-z0-9.:/-]+$/;

/** Project rule: CORS allows exact origins only, and `*` never with credentials. */
export const kongCorsOrigins = defineRule({
  id: 'AIGW-KONG-12',
  level: 'error',
  checkov: [],
  resourceTypes: ['kong_plugin'],
  finding: 'A Kong CORS plugin allows more origins than it names.',
  explanation:
    'Kong 3.9.1 reads an origins entry with any character outside letters, digits and . : / - as a regular expression (anchored, unescaped dots): .* lets every site read the answers with the visitor’s credentials, and null is sent back to sandboxed pages. With credentials, * reflects any origin. List exact origins (https://app.example.com), or * without credentials.',
  evaluate(plugin) {
    if (plugin.values['name'] !== 'cors') return notApplicable;
    const config = kongPluginConfig(plugin);
    if (typeof config === 'string') return nonCompliant('config_json is an expression; write the CORS settings as literal JSON');
    const origins = Array.isArray(config['origins']) ? (config['origins'] as unknown[]) : [];
    for (const origin of origins) {
      if (origin === '*') {
        if (config['credentials'] === true) return nonCompliant('origin * with credentials reflects every origin');
        continue;
      }
      if (typeof origin !== 'string' || !LITERAL_ORIGIN.test(origin)) return nonCompliant(`origin ${JSON.stringify(origin)} is a regular expression to Kong`);
      if (origin.toLowerCase() === 'null') return nonCompliant('origin null is sent back to any sandboxed page');
    }
    return compliant;
  },
});
