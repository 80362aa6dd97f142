/** The tags every AWS resource carries, through the provider's `default_tags`. */
import { MANAGED_BY } from '../core/project';
import type { GatewayConfig } from './schema';

/** Tag keys the project sets itself; the configuration cannot override them. */
export const STANDARD_TAG_KEYS = ['app', 'environment', 'managed-by'] as const;

/** The configured tags plus the standard ones (which win). */
export function resourceTags(config: Pick<GatewayConfig, 'app' | 'environment' | 'tags'>): Record<string, string> {
  return { ...config.tags, app: config.app, environment: config.environment, 'managed-by': MANAGED_BY };
}
