import { Consumer } from '#gen/kong/consumer';
import { ConsumerAcl } from '#gen/kong/consumer-acl';
import { ConsumerBasicAuth } from '#gen/kong/consumer-basic-auth';
import { ConsumerKeyAuth } from '#gen/kong/consumer-key-auth';
import { Password } from '@cdktf/provider-random/lib/password';
import { Construct } from 'constructs';
import { KONG_PLUGINS, type KongEnvSecret } from '../../kong/facts';
import { KongPlugin } from './kong-plugin';
import { rateLimitingConfig, type ConsumerAuthentication, type RateLimitCounting, type TierLimits } from './plugin-configs';

/** Where a consumer's secret comes from. */
export type ConsumerSecret =
  /** Kong generates the key (key-auth), or Terraform the password (basic-auth). */
  | { readonly source: 'generated' }
  /** A sensitive reference (a variable) supplies it. */
  | { readonly source: 'supplied'; readonly value: string };

/** Properties of an {@link ApiConsumer}. */
export interface ApiConsumerProps {
  /** The consumer's username (its identity in Kong). */
  readonly username: string;
  /** ACL groups the consumer belongs to. */
  readonly groups: readonly string[];
  /** How the consumer authenticates. */
  readonly authentication: ConsumerAuthentication['authentication'];
  /** Where the secret comes from. */
  readonly secret: ConsumerSecret;
  /** The consumer's rate-limit tier. */
  readonly tier: TierLimits;
  /** How limits are counted. */
  readonly rateLimiting: RateLimitCounting;
  /** The Redis password's env-vault reference (redis policy only, when Redis requires one). @default none */
  readonly redisPassword?: KongEnvSecret;
  /** Tags of every entity. */
  readonly tags: readonly string[];
}

/**
 * An API consumer: the Kong consumer, one ACL membership per group, one credential (a key for
 * key-auth, a password for basic-auth) and a rate limit for its tier, which overrides the routes'
 * default tier. The secret never appears in configuration or output in clear: a generated one is
 * exposed only as a sensitive reference ({@link ApiConsumer.secret}).
 */
export class ApiConsumer extends Construct {
  /** The consumer. */
  readonly consumer: Consumer;
  /** One ACL membership per group. */
  readonly acls: readonly ConsumerAcl[];
  /** The credential. */
  readonly credential: ConsumerKeyAuth | ConsumerBasicAuth;
  /** The generated basic-auth password, when there is one. */
  readonly generatedPassword: Password | undefined;
  /** The consumer's tier limit. */
  readonly tierLimit: KongPlugin;
  /** The secret: a sensitive reference (the key or the password). */
  readonly secret: string;

  constructor(scope: Construct, id: string, props: ApiConsumerProps) {
    super(scope, id);
    const tags = [...props.tags];
    this.consumer = new Consumer(this, 'Resource', { username: props.username, tags });
    this.acls = props.groups.map(
      (group) => new ConsumerAcl(this, `acl-${group}`, { consumerId: this.consumer.id, group, tags }),
    );

    const supplied = props.secret.source === 'supplied' ? props.secret.value : undefined;
    if (props.authentication === 'basic-auth') {
      this.generatedPassword =
        supplied === undefined ? new Password(this, 'password', { length: 32, special: false }) : undefined;
      const password = supplied ?? this.generatedPassword!.result;
      this.credential = new ConsumerBasicAuth(this, 'basic-auth', {
        consumerId: this.consumer.id,
        username: props.username,
        password,
        tags,
      });
      this.secret = password;
    } else {
      this.generatedPassword = undefined;
      const keyAuth = new ConsumerKeyAuth(this, 'key-auth', { consumerId: this.consumer.id, key: supplied, tags });
      this.credential = keyAuth;
      this.secret = keyAuth.key;
    }

    this.tierLimit = new KongPlugin(this, 'kong-plugin-tier-limit', {
      name: KONG_PLUGINS.rateLimiting,
      config: rateLimitingConfig(props.tier, props.rateLimiting, props.redisPassword),
      scope: { consumerId: this.consumer.id },
      tags,
    });
  }
}
