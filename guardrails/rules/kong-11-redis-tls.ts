import { kongPluginConfig } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** Project rule: rate-limit counters in Redis travel over verified TLS. */
export const kongRedisTls = defineRule({
  id: 'AIGW-KONG-11',
  level: 'error',
  checkov: [],
  resourceTypes: ['kong_plugin'],
  finding: 'A Kong rate-limiting plugin talks to Redis without verified TLS.',
  explanation:
    'Kong sends the Redis password and every consumer’s counters to Redis. Without TLS they cross the network in clear, and without verification anyone who can answer on the address can read the password and reset the limits. Set redis.ssl and redis.ssl_verify to true (with redis.server_name).',
  evaluate(plugin) {
    if (plugin.values['name'] !== 'rate-limiting') return notApplicable;
    const config = kongPluginConfig(plugin);
    if (typeof config === 'string') {
      if (!/"policy" = "redis"/.test(config)) return notApplicable;
      return /"ssl" = true/.test(config) && /"ssl_verify" = true/.test(config) ? compliant : nonCompliant('redis.ssl and redis.ssl_verify are not both true');
    }
    if (config['policy'] !== 'redis') return notApplicable;
    const redis = (config['redis'] ?? {}) as Record<string, unknown>;
    if (redis['ssl'] !== true) return nonCompliant('redis.ssl is not true');
    return redis['ssl_verify'] === true ? compliant : nonCompliant('redis.ssl_verify is not true');
  },
});
