/**
 * Kong facts and plugin configurations, as pure functions of the validated configuration. The
 * constructs in `constructs/kong/` turn these into `kong_plugin` resources; keeping the configs here
 * lets tests assert on them as objects and keeps plugin field names in one place.
 * Field names follow the Kong Gateway 3.9 OSS plugin schemas.
 */
import { API_KEY_HEADER, KONG_CORRELATION_HEADER } from '../contract/model-host';
import type { ExternalLlmModelConfig, KongConfig } from '../config/schema';
import { HEALTH_PATH, modelPath } from '../config/naming';
import { MANAGED_BY } from '../config/tags';

/** The plugins the project configures. */
export const KONG_PLUGINS = {
  keyAuth: 'key-auth',
  basicAuth: 'basic-auth',
  acl: 'acl',
  rateLimiting: 'rate-limiting',
  requestSizeLimiting: 'request-size-limiting',
  requestTransformer: 'request-transformer',
  correlationId: 'correlation-id',
  prometheus: 'prometheus',
  cors: 'cors',
  aiProxy: 'ai-proxy',
  aiPromptGuard: 'ai-prompt-guard',
} as const;

/** A plugin name the project configures. */
export type KongPluginName = (typeof KONG_PLUGINS)[keyof typeof KONG_PLUGINS];

/** A JSON value that may hold cdktf tokens (references, sensitive variables) in its strings. */
export type PluginConfig = { readonly [key: string]: PluginValue };
type PluginValue = string | number | boolean | null | readonly PluginValue[] | PluginConfig;

/**
 * A secret the Kong nodes read from their own environment through Kong's bundled `env` vault, so
 * it never passes through Terraform, its state, its plans, or the provider's `computed_config`.
 * `{vault://env/<name>}` reads the variable `<NAME>` with dashes as underscores (Kong 3.9.1
 * kong/vaults/env/init.lua:42-53; `env` is bundled in OSS, kong/constants.lua:61-63). Only fields
 * Kong marks `referenceable` accept one (ai-proxy `auth.header_value`, kong/llm/schemas/init.lua:64-69;
 * the Redis `password`, kong/tools/redis/schema.lua:15-18); a reference must be the whole value
 * (kong/pdk/vault.lua:79-90). In hybrid mode the data planes resolve it (control planes do not,
 * kong/db/schema/init.lua:1865-1873).
 */
export interface KongEnvSecret {
  /** The value to put in the plugin's configuration. */
  readonly reference: string;
  /** The environment variable every Kong node must hold. */
  readonly variable: string;
  /** What the variable must contain. */
  readonly holds: string;
}

/** The env-vault secret `<prefix>-<name>`, e.g. `aigw-dev-redis-password` → `AIGW_DEV_REDIS_PASSWORD`. */
export function kongEnvSecret(prefix: string, name: string, holds: string): KongEnvSecret {
  const resource = `${prefix}-${name}`;
  return { reference: `{vault://env/${resource}}`, variable: resource.replace(/-/g, '_').toUpperCase(), holds };
}

/** The env-vault secret holding an external model's provider credential (the whole auth header value). */
export function llmCredentialSecret(prefix: string, model: ExternalLlmModelConfig): KongEnvSecret {
  const provider = LLM_PROVIDERS[model.provider];
  const example = `${provider.authPrefix}<${model.provider} API key>`;
  return kongEnvSecret(prefix, `llm-${model.name}`, `the ${provider.authHeader} header ai-proxy sends to ${model.provider} for model ${model.name}: "${example}"`);
}

/** The env-vault secret holding the Redis password of the rate-limit counters. */
export function redisPasswordSecret(prefix: string): KongEnvSecret {
  return kongEnvSecret(prefix, 'redis-password', 'the password of the Redis that keeps rate-limit counters');
}

/** The HTTPS port every regional custom domain answers on. */
export const REGION_TARGET_PORT = 443;

/** The default load-balancing weight of a region. */
export const DEFAULT_REGION_WEIGHT = 100;

/** Tags on every Kong entity, so that `GET /services?tags=...` finds what this project manages. */
export function kongTags(app: string, environment: string): string[] {
  return [`app:${app}`, `environment:${environment}`, `managed-by:${MANAGED_BY}`];
}

/** The exact-match route path of a model: a Kong 3 regex path, so /v1/chat never matches /v1/chatty. */
export function routePath(model: string): string {
  return `~${modelPath(model)}$`;
}

/**
 * Statuses of GET /health (a MOCK) that mean a region is unhealthy: the region's API failing. Not
 * 429: /health is open (Kong's probes cannot send the API key: the provider has no
 * `healthchecks.active.headers`), so anyone can flood it until API Gateway throttles, and a 429
 * that counted would let a stranger take every region out of rotation. Kong's own default list
 * includes 429 (Kong 3.9.1 kong/db/schema/entities/upstreams.lua:92-113), so the list is always
 * written out. A status in neither list is ignored (lua-resty-healthcheck 3.1.0
 * lib/resty/healthcheck.lua:823, 841-852).
 */
export const ACTIVE_UNHEALTHY_STATUSES = [500, 502, 503, 504];
/** Statuses of proxied traffic that count against a region: the region failing. Client errors and 429 never do. */
export const PASSIVE_UNHEALTHY_STATUSES = [500, 502, 503, 504];
/** Statuses that count for a region. */
export const HEALTHY_STATUSES = [200, 201, 202, 204];

/** The upstream's health checks: active HTTPS probes of /health and passive checks of traffic. */
export function upstreamHealthchecks(settings: KongConfig['upstream']['healthchecks']) {
  const { active, passive } = settings;
  return {
    active: {
      type: 'https',
      httpPath: `/${HEALTH_PATH}`,
      timeout: active.timeoutSeconds,
      concurrency: active.concurrency,
      httpsVerifyCertificate: true,
      healthy: { interval: active.intervalSeconds, successes: active.healthyThreshold, httpStatuses: HEALTHY_STATUSES },
      unhealthy: {
        interval: active.intervalSeconds,
        httpFailures: active.unhealthyThreshold,
        tcpFailures: active.unhealthyThreshold,
        timeouts: active.unhealthyThreshold,
        httpStatuses: ACTIVE_UNHEALTHY_STATUSES,
      },
    },
    passive: {
      type: 'https',
      healthy: { successes: passive.healthyThreshold, httpStatuses: HEALTHY_STATUSES },
      unhealthy: {
        httpFailures: passive.unhealthyHttpFailures,
        tcpFailures: passive.unhealthyHttpFailures,
        timeouts: passive.unhealthyTimeouts,
        httpStatuses: PASSIVE_UNHEALTHY_STATUSES,
      },
    },
  };
}

/** The authentication plugin of a route; credentials never reach the upstream. */
export function authenticationPlugin(kong: Pick<KongConfig, 'authentication' | 'keyNames'>): {
  name: KongPluginName;
  config: PluginConfig;
} {
  if (kong.authentication === 'basic-auth') {
    return { name: KONG_PLUGINS.basicAuth, config: { hide_credentials: true } };
  }
  return {
    name: KONG_PLUGINS.keyAuth,
    // Keys only in headers: query strings end up in access logs.
    config: { key_names: kong.keyNames, hide_credentials: true, key_in_header: true, key_in_query: false, key_in_body: false },
  };
}

/** The ACL of a route: only the allowed groups; the groups header is not sent upstream. */
export function aclConfig(allowedGroups: readonly string[]): PluginConfig {
  return { allow: allowedGroups, hide_groups_header: true };
}

/** Limits of one tier, as rate-limiting takes them. */
export type TierLimits = KongConfig['tiers'][string];

/**
 * Rate limiting by consumer for one tier. `redisPassword` is the env-vault reference of the Redis
 * password (only read with the redis policy, when Redis requires one).
 */
export function rateLimitingConfig(
  tier: TierLimits,
  limiting: KongConfig['rateLimiting'],
  redisPassword?: KongEnvSecret,
): PluginConfig {
  const periods = Object.fromEntries(Object.entries(tier).filter(([, limit]) => limit !== undefined)) as PluginConfig;
  const config: Record<string, PluginValue> = {
    ...periods,
    limit_by: 'consumer',
    policy: limiting.policy,
    fault_tolerant: true,
    hide_client_headers: false,
    error_code: 429,
    error_message: limiting.errorMessage,
  };
  if (limiting.policy === 'redis' && limiting.redis) {
    const { redis } = limiting;
    config['redis'] = {
      host: redis.host,
      port: redis.port,
      ssl: redis.ssl,
      ssl_verify: redis.sslVerify,
      // TLS is always on (the configuration refuses anything else). Without server_name Kong sends
      // no SNI and checks no hostname, only the chain (lua-resty-redis v0.30 redis.lua:173-174
      // passes it to sslhandshake; lua-nginx-module v0.10.26 ngx_http_lua_socket_tcp.c:1774-1779
      // and :1946-1947).
      server_name: redis.host,
      database: redis.database,
      timeout: redis.timeoutMs,
      ...(redisPassword !== undefined ? { password: redisPassword.reference } : {}),
    };
  }
  return config;
}

/** Refuses bodies over the model's limit before they leave Kong. */
export function requestSizeLimitingConfig(maxBodyBytes: number): PluginConfig {
  return { allowed_payload_size: maxBodyBytes, size_unit: 'bytes', require_content_length: false };
}

/**
 * Request headers a consumer key must never be read from, each with who sets or reads it: key-auth
 * with hide_credentials removes the header it read the key from, so a key name that is one of these
 * would strip or collide with what Kong, the project or AWS put there.
 */
export const RESERVED_KEY_HEADERS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    // Headers Kong 3.9.1 sets on proxied requests and responses (kong/constants.lua:109-131).
    ['x-host-override', 'x-kong-proxy-latency', 'x-kong-response-latency', 'x-kong-upstream-latency', 'x-kong-upstream-status', 'x-consumer-id', 'x-consumer-custom-id', 'x-consumer-username', 'x-credential-identifier', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-consumer-groups', 'x-authenticated-groups', 'x-forwarded-host', 'x-forwarded-path', 'x-forwarded-prefix', 'x-anonymous-consumer', 'x-kong-request-id', 'via', 'server'].map((h) => [h, 'Kong sets it']),
  ),
  'x-forwarded-for': 'Kong sets it',
  'x-forwarded-proto': 'Kong sets it',
  'x-forwarded-port': 'Kong sets it',
  'x-real-ip': 'Kong sets it',
  [API_KEY_HEADER.toLowerCase()]: 'Kong sends the regional APIs’ key in it (and Anthropic’s credential)',
  [KONG_CORRELATION_HEADER.toLowerCase()]: 'the correlation-id plugin sets it',
  'x-request-id': 'the model host answers with it',
  authorization: 'Kong sends the LLM providers’ credentials in it, and basic-auth reads it',
  host: 'HTTP itself needs it',
  'content-type': 'HTTP itself needs it',
  'content-length': 'HTTP itself needs it',
  'transfer-encoding': 'HTTP itself needs it',
  connection: 'HTTP itself needs it',
  cookie: 'browsers send it for every site cookie',
};

/** Why a header cannot carry consumer keys; undefined when it can. */
export function reservedKeyHeader(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('x-amz-') || lower.startsWith('x-amzn-')) return 'AWS reserves the x-amz- and x-amzn- prefixes';
  return RESERVED_KEY_HEADERS[lower];
}

/**
 * Injects the regional APIs' key: first removes whatever `x-api-key` the client sent, then adds
 * Kong's (request-transformer runs remove before add), so the key is replaced, never appended.
 */
export function upstreamKeyInjectionConfig(apiKey: string): PluginConfig {
  return { remove: { headers: [API_KEY_HEADER] }, add: { headers: [`${API_KEY_HEADER}:${apiKey}`] } };
}

/** Sets (or keeps) the correlation id, echoes it to the client, and forwards it upstream. */
export function correlationIdConfig(): PluginConfig {
  return { header_name: KONG_CORRELATION_HEADER, generator: 'uuid#counter', echo_downstream: true };
}

/** Prometheus metrics per consumer, status, latency, bandwidth and upstream health. */
export function prometheusConfig(options: { aiMetrics: boolean }): PluginConfig {
  return {
    per_consumer: true,
    status_code_metrics: true,
    latency_metrics: true,
    bandwidth_metrics: true,
    upstream_health_metrics: true,
    ...(options.aiMetrics ? { ai_metrics: true } : {}),
  };
}

/** CORS for browser clients; preflights are answered by Kong (routes also accept OPTIONS). */
export function corsConfig(cors: NonNullable<KongConfig['cors']>, kong: Pick<KongConfig, 'authentication' | 'keyNames'>): PluginConfig {
  const credentialHeaders = kong.authentication === 'basic-auth' ? ['Authorization'] : kong.keyNames;
  return {
    origins: cors.origins,
    methods: ['POST', 'OPTIONS'],
    headers: cors.headers ?? ['Content-Type', ...credentialHeaders],
    exposed_headers: [KONG_CORRELATION_HEADER, 'x-request-id'],
    credentials: cors.credentials,
    max_age: cors.maxAgeSeconds,
    preflight_continue: false,
  };
}

/** Where each supported LLM provider lives and how ai-proxy authenticates to it. */
export const LLM_PROVIDERS = {
  openai: { host: 'api.openai.com', authHeader: 'Authorization', authPrefix: 'Bearer ', options: {} },
  anthropic: { host: 'api.anthropic.com', authHeader: 'x-api-key', authPrefix: '', options: { anthropic_version: '2023-06-01' } },
} as const satisfies Record<ExternalLlmModelConfig['provider'], { host: string; authHeader: string; authPrefix: string; options: Record<string, string> }>;

/**
 * ai-proxy for an external model: the route type, the provider credential (an env-vault reference,
 * so the key lives only on the Kong nodes), the model and its options; statistics logged, payloads
 * not. It reads at most `max_request_body_size` bytes of a request (default 8192, Kong 3.9.1
 * kong/plugins/ai-proxy/schema.lua:17-22; enforced in kong/llm/plugin/shared-filters/parse-request.lua:41
 * through kong/pdk/request.lua:719-737) and answers a larger one 400: it is set to the model's own
 * body limit, which Kong's request-size-limiting enforces first.
 */
export function aiProxyConfig(model: ExternalLlmModelConfig, credential: KongEnvSecret): PluginConfig {
  const provider = LLM_PROVIDERS[model.provider];
  const options: Record<string, PluginValue> = { ...provider.options };
  if (model.options.maxTokens !== undefined) options['max_tokens'] = model.options.maxTokens;
  if (model.options.temperature !== undefined) options['temperature'] = model.options.temperature;
  if (model.options.topP !== undefined) options['top_p'] = model.options.topP;
  return {
    route_type: model.routeType,
    auth: { header_name: provider.authHeader, header_value: credential.reference },
    model: { provider: model.provider, name: model.model, options },
    logging: { log_statistics: true, log_payloads: false },
    max_request_body_size: model.limits.maxBodyBytes,
  };
}

/**
 * ai-prompt-guard: prompts must match an allow pattern (if any) and no deny pattern. It too reads at
 * most `max_request_body_size` bytes (default 8192, kong/plugins/ai-prompt-guard/schema.lua:35-39),
 * so it gets the model's body limit. By default Kong 3.9.1 checks only `user` messages
 * (filters/guard-prompt.lua:53), so a deny phrase sent as a `system` or `assistant` message would
 * pass; `match_all_roles` checks every message, which requires the whole conversation to be read
 * (`allow_all_conversation_history` false, schema.lua:40-44, 59-62).
 */
export function aiPromptGuardConfig(guard: NonNullable<ExternalLlmModelConfig['promptGuard']>, maxBodyBytes: number): PluginConfig {
  return {
    allow_patterns: guard.allowPatterns,
    deny_patterns: guard.denyPatterns,
    allow_all_conversation_history: false,
    match_all_roles: true,
    max_request_body_size: maxBodyBytes,
  };
}
