/** Configuration check: the API domain lies inside the hosted zone. */
import type { ConfigCheck } from './types';

/** The API domain must be the zone itself or a name inside it, or its records cannot be created. */
export const apiDomainInZone: ConfigCheck = ({ dns }) => {
  const { zoneName, apiDomain } = dns ?? {};
  if (zoneName === undefined || apiDomain === undefined) return [];
  if (apiDomain === zoneName || apiDomain.endsWith(`.${zoneName}`)) return [];
  return [
    {
      path: ['dns', 'apiDomain'],
      problem: `outside the hosted zone "${zoneName}"`,
      received: apiDomain,
      accepted: `"${zoneName}" or a name ending in ".${zoneName}" (e.g. "api.${zoneName}")`,
    },
  ];
};
