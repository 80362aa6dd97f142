/**
 * Findings about a valid configuration that deserve the user's attention but do not stop synth:
 * settings Kong accepts that behave differently from what a reader of the file would assume.
 */
import { parseBedrockModelId } from '../aws/bedrock';
import { BEDROCK_AVAILABILITY_READ_ON, BEDROCK_MODELS } from '../aws/bedrock-availability';
import { chainMemberPath, modelChain } from '../contract/chat';
import { formatPath } from '../contract/paths';
import type { GatewayConfig } from './schema';
import { todayUtc } from './validate';

/** After how many days a price is worth checking again. */
export const STALE_PRICE_DAYS = 180;

/** One warning, pointing at the setting it is about. */
export interface ConfigWarning {
  /** The setting, as a path (`kong.rateLimiting.policy`). */
  readonly path: string;
  readonly message: string;
}

/** The warnings of a validated configuration; `today` (ISO date) judges Bedrock model lifecycles. */
export function configWarnings(config: GatewayConfig, today: string = todayUtc()): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
  config.models.forEach((model, i) => {
    if (model.kind !== 'bedrock-chat') return;
    modelChain(model.settings).forEach((modelId, member) => {
      const path = formatPath(['models', i, 'settings', ...chainMemberPath(member)]);
      const { foundationModelId, inferenceProfileId } = parseBedrockModelId(modelId);
      const entry = BEDROCK_MODELS[foundationModelId];
      if (!entry) {
        warnings.push({
          path,
          message: `${foundationModelId} is not in the Bedrock availability table (read ${BEDROCK_AVAILABILITY_READ_ON}, aws/bedrock-availability.ts): it is invoked as configured in ${config.regions.join(', ')}${inferenceProfileId ? ", with its foundation model allowed in every region through the profile" : ''}. Check that Bedrock offers it there, then add it to the table.`,
        });
        return;
      }
      const eol = entry.endOfLife;
      if (eol && eol.legacyFrom <= today && today < eol.date) {
        const regions = eol.regions === 'all' ? config.regions : config.regions.filter((r) => (eol.regions as readonly string[]).includes(r));
        if (regions.length > 0) {
          warnings.push({ path, message: `${foundationModelId} is a legacy model since ${eol.legacyFrom}: Bedrock ends it on ${eol.date} in ${regions.join(', ')}. Move to a current model before then.` });
        }
      }
    });
  });
  // Prices change: a stale one misstates costs and mis-sizes dollar budgets.
  for (const [modelId, price] of Object.entries(config.prices)) {
    const ageDays = Math.floor((Date.parse(today) - Date.parse(price.readOn)) / 86_400_000);
    if (ageDays > STALE_PRICE_DAYS) {
      warnings.push({
        path: formatPath(['prices', modelId, 'readOn']),
        message: `the price of ${modelId} was read ${ageDays} days ago (${price.readOn}): check it against the provider's price list and update it with today's date.`,
      });
    }
  }
  const { deployment, rateLimiting } = config.kong;
  if (rateLimiting.policy === 'local' && deployment.nodes > 1) {
    // Kong 3.9.1 kong/plugins/rate-limiting/policies/init.lua:11 and :308: the local policy counts
    // in the node's shared dictionary (kong/templates/nginx_kong.lua:19), not across nodes.
    warnings.push({
      path: 'kong.rateLimiting.policy',
      message: `local counts on each node: with ${deployment.nodes} Kong nodes, a consumer gets up to ${deployment.nodes} times its tier. Use redis (one budget shared by every node)${deployment.mode === 'traditional' ? ' or cluster' : ''}.`,
    });
  }
  return warnings;
}

/** The warnings as lines for the terminal. */
export function formatConfigWarnings(file: string, warnings: readonly ConfigWarning[]): string {
  return warnings.map((w) => `warning  ${file}  ${w.path}: ${w.message}`).join('\n');
}
