import { kongPluginConfig } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** Project rule: consumer credentials never reach the upstream. */
export const kongHiddenCredentials = defineRule({
  id: 'AIGW-KONG-5',
  level: 'error',
  checkov: [],
  resourceTypes: ['kong_plugin'],
  finding: 'A Kong authentication plugin forwards consumer credentials upstream.',
  explanation:
    'Without hide_credentials the consumer’s key or password travels on to the regions (and into any upstream log), multiplying where it can leak. Set hide_credentials = true on key-auth and basic-auth.',
  evaluate(plugin) {
    if (!['key-auth', 'basic-auth'].includes(String(plugin.values['name']))) return notApplicable;
    const config = kongPluginConfig(plugin);
    if (typeof config === 'string') return /"hide_credentials" = true/.test(config) ? compliant : nonCompliant('hide_credentials is not true');
    return config['hide_credentials'] === true ? compliant : nonCompliant('hide_credentials is not true');
  },
});
