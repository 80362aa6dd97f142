import { routePluginRule } from '../kong-route-plugins';

/** Project rule: every Kong route is rate limited. */
export const kongRouteRateLimit = routePluginRule({
  id: 'AIGW-KONG-3',
  plugins: ['rate-limiting', 'rate-limiting-advanced', 'ai-rate-limiting-advanced'],
  what: 'rate limited',
  explanation:
    'Without a rate limit one consumer (or a leaked key) can exhaust the regions’ throttles and reserved concurrency for everyone, and run up model cost. Add rate-limiting to the route (the default tier); consumer tiers override it.',
});
