import { routePluginRule } from '../kong-route-plugins';

/** Project rule: every Kong route authorizes by ACL. */
export const kongRouteAcl = routePluginRule({
  id: 'AIGW-KONG-2',
  plugins: ['acl'],
  what: 'authorized by an ACL',
  explanation:
    'Authentication says who a consumer is, not what it may call: without an ACL every consumer can call every model, including expensive LLMs. Add the acl plugin allowing the groups the configuration grants the model.',
  configOk: (config) => {
    if (typeof config === 'string') return undefined;
    const allow = config['allow'];
    return Array.isArray(allow) && allow.length > 0 ? undefined : 'the acl plugin allows no group';
  },
});
