import { isExpression, kongPluginConfig, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** Project rule: clients reach Kong's routes over HTTPS only. */
export const kongRouteHttpsOnly = defineRule({
  id: 'AIGW-KONG-9',
  level: 'error',
  checkov: [],
  resourceTypes: ['kong_route'],
  finding: 'A Kong route accepts plain HTTP.',
  explanation:
    'Over HTTP the consumer key, the prompt and the answer cross the network in clear, readable and changeable by anyone on the path. Routes list only https; when TLS ends at a load balancer, Kong trusts its X-Forwarded-Proto (kong.deployment.tlsTermination: load-balancer) and the route stays https-only.',
  evaluate(route) {
    const protocols = route.values['protocols'];
    if (isExpression(protocols)) return unevaluable('protocols', protocols);
    if (!Array.isArray(protocols) || protocols.length === 0) return nonCompliant('protocols is not set (Kong defaults to http and https)');
    const computed = protocols.find(isExpression);
    if (computed !== undefined) return unevaluable('a protocol', computed);
    const plain = protocols.filter((p) => p !== 'https');
    return plain.length ? nonCompliant(`protocols include ${plain.join(', ')}`) : compliant;
  },
});

/** Project rule: Kong talks to its upstreams over HTTPS and verifies their certificates. */
export const kongServiceVerifiedTls = defineRule({
  id: 'AIGW-KONG-10',
  level: 'error',
  checkov: [],
  resourceTypes: ['kong_service'],
  finding: 'A Kong service does not use verified TLS to its upstream.',
  explanation:
    'Kong adds the upstream API key (and, for LLMs, the provider key) to every request it forwards. Without TLS, or with TLS whose certificate is not verified, anyone on the path can read the key or impersonate the upstream. Set protocol = "https" and tls_verify = true; the Kong nodes need a CA bundle (kong-node.env).',
  evaluate(service) {
    const { protocol, tls_verify: verify } = service.values;
    if (isExpression(protocol)) return unevaluable('protocol', protocol);
    if (isExpression(verify)) return unevaluable('tls_verify', verify);
    if (protocol !== 'https') return nonCompliant(`protocol is ${protocol === undefined ? 'not set (Kong defaults to http)' : String(protocol)}`);
    return verify === true ? compliant : nonCompliant('tls_verify is not true');
  },
});

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
