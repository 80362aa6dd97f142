import { API_KEY_HEADER } from '../../contract/model-host';
import { kongPluginConfig } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** Project rule: the injected upstream key replaces whatever the client sent. */
export const kongKeyReplacement = defineRule({
  id: 'AIGW-KONG-6',
  level: 'error',
  checkov: [],
  resourceTypes: ['kong_plugin'],
  finding: 'Kong adds the upstream API key without removing the client’s.',
  explanation: `request-transformer's add only sets a header the request does not already have, and append keeps the client's: a client that sends its own ${API_KEY_HEADER} would then decide which key reaches the regions. Remove the header first (remove runs before add), then add Kong's key.`,
  evaluate(plugin) {
    if (plugin.values['name'] !== 'request-transformer') return notApplicable;
    const config = kongPluginConfig(plugin);
    const text = typeof config === 'string' ? config : JSON.stringify(config);
    if (!new RegExp(`${API_KEY_HEADER}:`, 'i').test(text)) return notApplicable;
    const removes = typeof config === 'string'
      ? new RegExp(`"remove" = \\{"headers" = \\[[^\\]]*"${API_KEY_HEADER}"`, 'i').test(config)
      : JSON.stringify((config['remove'] as { headers?: string[] } | undefined)?.headers ?? []).toLowerCase().includes(`"${API_KEY_HEADER}"`);
    const appends = /"append"/.test(text) && new RegExp(`append[^\\]]*${API_KEY_HEADER}:`, 'i').test(text);
    if (appends) return nonCompliant(`${API_KEY_HEADER} is appended`);
    return removes ? compliant : nonCompliant(`${API_KEY_HEADER} is added without being removed first`);
  },
});
