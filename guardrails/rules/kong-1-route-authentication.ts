import { routePluginRule } from '../kong-route-plugins';

/**
 * Project rule: every Kong route authenticates its consumers, with no anonymous fallback. Kong
 * 3.9.1's key-auth lets a request whose credentials are missing or wrong through as the
 * `anonymous` consumer (kong/plugins/key-auth/handler.lua:239-242, 262-263); basic-auth, jwt and
 * oauth2 have the same setting.
 */
export const kongRouteAuthentication = routePluginRule({
  id: 'AIGW-KONG-1',
  plugins: ['key-auth', 'basic-auth', 'jwt', 'oauth2'],
  what: 'authenticated',
  explanation:
    'A route without an authentication plugin lets anonymous callers through to the models, on Kong’s own upstream key; so does an authentication plugin with `anonymous` set, which passes every request that fails authentication on as that consumer. Add key-auth (or basic-auth) to the route or its service, and leave `anonymous` unset.',
  configOk(config) {
    if (typeof config === 'string') return `config_json is an expression (${config.slice(0, 80)}); write the authentication settings as literal JSON`;
    const anonymous = config['anonymous'];
    return anonymous === undefined || anonymous === null || anonymous === '' ? undefined : `anonymous = ${JSON.stringify(anonymous)} lets requests that fail authentication through as that consumer`;
  },
});
