/**
 * Findings about a valid configuration that deserve the user's attention but do not stop synth:
 * settings Kong accepts that behave differently from what a reader of the file would assume.
 */
import type { GatewayConfig } from './schema';

/** One warning, pointing at the setting it is about. */
export interface ConfigWarning {
  /** The setting, as a path (`kong.rateLimiting.policy`). */
  readonly path: string;
  readonly message: string;
}

/** The warnings of a validated configuration. */
export function configWarnings(config: GatewayConfig): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
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
