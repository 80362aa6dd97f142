/**
 * Kong facts and plugin configurations, as pure functions of the validated configuration. The
 * constructs in `constructs/kong/` turn these into `kong_plugin` resources; keeping the configs here
 * lets tests assert on them as objects and keeps plugin field names in one place.
 * Field names follow the Kong Gateway 3.9 OSS plugin schemas.
 */
import { API_KEY_HEADER, KONG_CORRELATION_HEADER } from '../lambda/contract';
import type { ExternalLlmModelConfig, KongConfig } from './config/schema';
import { HEALTH_PATH, modelPath } from './naming';
import { MANAGED_BY } from './tags';

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

/** Statuses of GET /health (a MOCK) that mean a region is unhealthy: throttled or failing. */
const ACTIVE_UNHEALTHY_STATUSES = [429, 500, 502, 503, 504];
/** Statuses of proxied traffic that count against a region. Client errors (4xx) never do. */
const PASSIVE_UNHEALTHY_STATUSES = [500, 502, 503, 504];
const HEALTHY_STATUSES = [200, 201, 202, 204];

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
 * Rate limiting by consumer for one tier. `redisPassword` is a reference to the sensitive variable
 * (only read with the redis policy).
 */
export function rateLimitingConfig(
  tier: TierLimits,
  limiting: KongConfig['rateLimiting'],
  redisPassword?: string,
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
      database: redis.database,
      timeout: redis.timeoutMs,
      ...(redisPassword !== undefined ? { password: redisPassword } : {}),
    };
  }
  return config;
}

/** Refuses bodies over the model's limit before they leave Kong. */
export function requestSizeLimitingConfig(maxBodyBytes: number): PluginConfig {
  return { allowed_payload_size: maxBodyBytes, size_unit: 'bytes', require_content_length: false };
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
 * ai-proxy for an external model: the route type, the provider credential (a reference to a
 * sensitive variable, never a literal), the model and its options; statistics logged, payloads not.
 */
export function aiProxyConfig(model: ExternalLlmModelConfig, credential: string): PluginConfig {
  const provider = LLM_PROVIDERS[model.provider];
  const options: Record<string, PluginValue> = { ...provider.options };
  if (model.options.maxTokens !== undefined) options['max_tokens'] = model.options.maxTokens;
  if (model.options.temperature !== undefined) options['temperature'] = model.options.temperature;
  if (model.options.topP !== undefined) options['top_p'] = model.options.topP;
  return {
    route_type: model.routeType,
    auth: { header_name: provider.authHeader, header_value: `${provider.authPrefix}${credential}` },
    model: { provider: model.provider, name: model.model, options },
    logging: { log_statistics: true, log_payloads: false },
  };
}

/** ai-prompt-guard: prompts must match an allow pattern (if any) and no deny pattern. */
export function aiPromptGuardConfig(guard: NonNullable<ExternalLlmModelConfig['promptGuard']>): PluginConfig {
  return {
    allow_patterns: guard.allowPatterns,
    deny_patterns: guard.denyPatterns,
    allow_all_conversation_history: false,
  };
}
