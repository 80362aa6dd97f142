import { Construct } from 'constructs';
import type { KongEnvSecret } from '../../kong/facts';
import { ApiConsumer, type ConsumerSecret } from './api-consumer';
import type { ConsumerAuthentication, RateLimitCounting, TierLimits } from './plugin-configs';

/** One consumer of the API. */
export interface KongConsumer {
  /** The consumer's username (its identity in Kong). */
  readonly username: string;
  /** ACL groups it belongs to. */
  readonly groups: readonly string[];
  /** Its rate-limit tier. */
  readonly tier: TierLimits;
  /** Where its secret comes from. */
  readonly secret: ConsumerSecret;
}

/** Properties of {@link KongConsumers}. */
export interface KongConsumersProps {
  readonly consumers: readonly KongConsumer[];
  /** How consumers authenticate. */
  readonly authentication: ConsumerAuthentication['authentication'];
  /** How limits are counted. */
  readonly rateLimiting: RateLimitCounting;
  /** The Redis password's env-vault reference (redis policy, when Redis requires one). @default none */
  readonly redisPassword?: KongEnvSecret;
  /** Tags of every entity. */
  readonly tags: readonly string[];
}

/** Every consumer of the API: each with its groups, its credential and its tier's rate limit. */
export class KongConsumers extends Construct {
  /** The consumers, by username. */
  readonly consumers: ReadonlyMap<string, ApiConsumer>;
  /** Usernames whose secret Kong or Terraform generates. */
  private readonly generated: readonly string[];

  constructor(scope: Construct, id: string, props: KongConsumersProps) {
    super(scope, id);
    this.generated = props.consumers.filter((c) => c.secret.source === 'generated').map((c) => c.username);
    this.consumers = new Map(
      props.consumers.map((consumer) => [
        consumer.username,
        new ApiConsumer(this, `api-consumer-${consumer.username}`, {
          username: consumer.username,
          groups: consumer.groups,
          authentication: props.authentication,
          secret: consumer.secret,
          tier: consumer.tier,
          rateLimiting: props.rateLimiting,
          redisPassword: props.redisPassword,
          tags: props.tags,
        }),
      ]),
    );
  }

  /** The generated secrets (sensitive references), by username. */
  generatedSecrets(): Record<string, string> {
    return Object.fromEntries(this.generated.map((username) => [username, this.consumers.get(username)!.secret]));
  }
}
