import { routePluginRule } from '../kong-route-plugins';

/** Project rule: every Kong route limits request size. */
export const kongRouteSizeLimit = routePluginRule({
  id: 'AIGW-KONG-4',
  plugins: ['request-size-limiting'],
  what: 'limited in request size',
  explanation:
    'Without a size limit Kong forwards bodies up to API Gateway’s 10 MB to functions that refuse them, paying for the transfer and the invocation. Add request-size-limiting with the model’s own limit.',
});
