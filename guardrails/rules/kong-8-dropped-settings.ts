import { droppedSettings } from '../kong-provider-wire';
import { compliant, defineRule, nonCompliant } from '../rule';

/** Project rule: no Kong setting that the provider silently leaves out of its Admin API request. */
export const kongDroppedSettings = defineRule({
  id: 'AIGW-KONG-8',
  level: 'error',
  checkov: [],
  resourceTypes: ['kong_target', 'kong_service'],
  finding: 'A Kong setting is one the provider never sends, so Kong applies its own default.',
  explanation:
    'The kevholditch/kong provider reads most fields with GetOk, which treats a zero value as unset, and its client omits unset fields: a kong_target with weight 0 is stored by Kong with weight 100 (so "draining" by weight 0 sends it full traffic, and every plan shows it replaced), and a tls_verify_depth of 0 is never sent. Leave the setting out and get what you meant another way: remove a target to stop sending it traffic.',
  evaluate(resource) {
    const dropped = droppedSettings(resource.type, resource.values);
    if (dropped.length === 0) return compliant;
    return nonCompliant(dropped.map((d) => `${d.field} = ${JSON.stringify(d.configured)} is not sent; Kong uses ${d.instead}`).join('; '));
  },
});
