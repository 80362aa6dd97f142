import { routePluginRule } from './kong-route-plugins';

/** Project rule: every Kong route authenticates its consumers. */
export const kongRouteAuthentication = routePluginRule({
  id: 'AIGW-KONG-1',
  plugins: ['key-auth', 'basic-auth', 'jwt', 'oauth2'],
  what: 'authenticated',
  explanation:
    'A route without an authentication plugin lets anonymous callers through to the models, on Kong’s own upstream key. Add key-auth (or basic-auth) to the route or its service.',
});
