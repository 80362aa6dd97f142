/** Configuration check: Kong runs in a mode Terraform can configure (not DB-less). */
import type { ConfigCheck } from './types';

/**
 * The provider configures Kong through its Admin API, which a DB-less node refuses to write to: its
 * off strategy answers every create and update with "cannot create '<entity>' entities when not
 * using a database" (Kong 3.9.1 kong/db/strategies/off/init.lua:374-395; 405 from
 * kong/api/api_helpers.lua:376-378).
 */
export const kongModeSupported: ConfigCheck = ({ kong }) =>
  kong?.deployment?.mode === 'dbless'
    ? [
        {
          path: ['kong', 'deployment', 'mode'],
          problem: 'a DB-less Kong refuses Admin API writes, so Terraform cannot configure it',
          received: 'dbless',
          accepted: 'traditional (nodes with a database) or hybrid (a control plane with a database; its data planes run without one)',
        },
      ]
    : [];
