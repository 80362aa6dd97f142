/**
 * The secrets an environment's Kong nodes hold in their environment (Kong's env vault), decided once:
 * the control stack references them by name, and the node settings list them for whoever runs Kong.
 */
import { llmCredentialSecret, redisPasswordSecret, type KongEnvSecret } from '../kong/facts';
import type { Naming } from './naming';
import type { GatewayConfig } from './schema';

/** The Kong nodes' secrets of an environment. */
export interface KongNodeSecrets {
  /** The Redis password, when counters live in a Redis that requires one. */
  readonly redisPassword: KongEnvSecret | undefined;
  /** The provider credential of each external LLM, by model name. */
  readonly llmCredentials: ReadonlyMap<string, KongEnvSecret>;
  /** All of them: the LLM credentials in model order, then the Redis password. */
  readonly all: readonly KongEnvSecret[];
}

/** Which secrets the environment's Kong nodes must hold. */
export function kongNodeSecrets(config: Pick<GatewayConfig, 'models' | 'kong'>, naming: Naming): KongNodeSecrets {
  const { rateLimiting } = config.kong;
  const redisPassword = rateLimiting.policy === 'redis' && rateLimiting.redis?.requirePassword ? redisPasswordSecret(naming.prefix) : undefined;
  const llmCredentials = new Map(config.models.flatMap((model) => (model.kind === 'external-llm' ? [[model.name, llmCredentialSecret(naming.prefix, model)] as const] : [])));
  return { redisPassword, llmCredentials, all: [...llmCredentials.values(), ...(redisPassword ? [redisPassword] : [])] };
}
