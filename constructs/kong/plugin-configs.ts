/**
 * The configuration of each Kong plugin the project deploys, as pure functions of the Kong
 * constructs' own props (never of the configuration file's types: the stacks translate the
 * configuration into these). They sit beside {@link KongPlugin}, which turns them into
 * `kong_plugin` resources; tests assert on them as objects. Field names follow the Kong Gateway
 * 3.9 OSS plugin schemas.
 */
import { API_KEY_HEADER, KONG_CORRELATION_HEADER } from '../../contract/model-host';
import { HEALTH_PATH } from '../../contract/paths';
import { ACTIVE_UNHEALTHY_STATUSES, HEALTHY_STATUSES, KONG_PLUGINS, LLM_PROVIDERS, PASSIVE_UNHEALTHY_STATUSES, type KongEnvSecret, type KongPluginName, type LlmProviderName, type PluginConfig, type PluginValue } from '../../kong/facts';

/** How consumers authenticate: the plugin, and for key-auth the headers keys are read from. */
export interface ConsumerAuthentication {
  readonly authentication: 'key-auth' | 'basic-auth';
  /** Headers key-auth reads the key from. */
  readonly keyNames: readonly string[];
}

/** Requests allowed per consumer per period, for one rate-limit tier (at least one period). */
export interface TierLimits {
  readonly second?: number;
  readonly minute?: number;
  readonly hour?: number;
  readonly day?: number;
}

/** How rate-limit counters are kept. */
export interface RateLimitCounting {
  readonly policy: 'local' | 'cluster' | 'redis';
  /** The body of a 429. */
  readonly errorMessage: string;
  /** The Redis that keeps the counters (redis policy only). */
  readonly redis?: {
    readonly host: string;
    readonly port: number;
    readonly ssl: boolean;
    readonly sslVerify: boolean;
    readonly database: number;
    readonly timeoutMs: number;
  };
}

/** The upstream's active probes and passive checks. */
export interface UpstreamHealthcheckSettings {
  readonly active: {
    readonly intervalSeconds: number;
    readonly timeoutSeconds: number;
    readonly concurrency: number;
    readonly healthyThreshold: number;
    readonly unhealthyThreshold: number;
  };
  readonly passive: {
    readonly healthyThreshold: number;
    readonly unhealthyHttpFailures: number;
    readonly unhealthyTimeouts: number;
  };
}

/** CORS for browser clients. */
export interface CorsSettings {
  /** Exact origins (scheme, host, port). */
  readonly origins: readonly string[];
  /** Request headers allowed. @default Content-Type and the credential headers */
  readonly headers?: readonly string[];
  readonly credentials: boolean;
  readonly maxAgeSeconds: number;
}

/** An external LLM model as ai-proxy is configured for it. */
export interface ExternalLlm {
  readonly provider: LlmProviderName;
  /** The OpenAI-style request format clients send. */
  readonly routeType: string;
  /** The provider's model name. */
  readonly model: string;
  readonly options: { readonly maxTokens?: number; readonly temperature?: number; readonly topP?: number };
  /** Largest request body, in bytes. */
  readonly maxBodyBytes: number;
  /** US dollars per million tokens, for Kong's cost metric (both above 0, as Kong's schema requires). @default no cost */
  readonly costPerMillion?: { readonly input: number; readonly output: number };
}

/** ai-prompt-guard patterns (PCRE, checked by the configuration before Kong sees them). */
export interface PromptGuardPatterns {
  readonly allowPatterns: readonly string[];
  readonly denyPatterns: readonly string[];
}

/** The upstream's health checks: active HTTPS probes of /health and passive checks of traffic. */
export function upstreamHealthchecks(settings: UpstreamHealthcheckSettings) {
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
export function authenticationPlugin(kong: ConsumerAuthentication): {
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

/**
 * Rate limiting by consumer for one tier. `redisPassword` is the env-vault reference of the Redis
 * password (only read with the redis policy, when Redis requires one).
 */
export function rateLimitingConfig(
  tier: TierLimits,
  limiting: RateLimitCounting,
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
export function corsConfig(cors: CorsSettings, kong: ConsumerAuthentication): PluginConfig {
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

/**
 * ai-proxy for an external model: the route type, the provider credential (an env-vault reference,
 * so the key lives only on the Kong nodes), the model and its options; statistics logged, payloads
 * not. It reads at most `max_request_body_size` bytes of a request (default 8192, Kong 3.9.1
 * kong/plugins/ai-proxy/schema.lua:17-22; enforced in kong/llm/plugin/shared-filters/parse-request.lua:41
 * through kong/pdk/request.lua:719-737) and answers a larger one 400: it is set to the model's own
 * body limit, which Kong's request-size-limiting enforces first.
 */
export function aiProxyConfig(model: ExternalLlm, credential: KongEnvSecret): PluginConfig {
  const provider = LLM_PROVIDERS[model.provider];
  const options: Record<string, PluginValue> = { ...provider.options };
  if (model.options.maxTokens !== undefined) options['max_tokens'] = model.options.maxTokens;
  if (model.options.temperature !== undefined) options['temperature'] = model.options.temperature;
  if (model.options.topP !== undefined) options['top_p'] = model.options.topP;
  // Kong 3.9.1 prices a call as (prompt_tokens × input_cost + completion_tokens × output_cost) / 1e6
  // (kong/llm/plugin/shared-filters/normalize-json-response.lua:104-111; streamed responses:
  // normalize-sse-chunk.lua:158-160) into the log's usage.cost and Prometheus' ai_llm_cost_total
  // (kong/plugins/prometheus/exporter.lua:156; with ai_metrics on). Both must be above 0
  // (kong/llm/schemas/init.lua:132-141, gt = 0), and both are needed for any cost.
  if (model.costPerMillion && model.costPerMillion.input > 0 && model.costPerMillion.output > 0) {
    options['input_cost'] = model.costPerMillion.input;
    options['output_cost'] = model.costPerMillion.output;
  }
  return {
    route_type: model.routeType,
    auth: { header_name: provider.authHeader, header_value: credential.reference },
    model: { provider: model.provider, name: model.model, options },
    logging: { log_statistics: true, log_payloads: false },
    max_request_body_size: model.maxBodyBytes,
    // A request with "stream": true is streamed (Kong 3.9.1 kong/plugins/ai-proxy/schema.lua:9-15,
    // the default, written out; kong/llm/plugin/shared-filters/normalize-request.lua:131-150).
    response_streaming: 'allow',
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
export function aiPromptGuardConfig(guard: PromptGuardPatterns, maxBodyBytes: number): PluginConfig {
  return {
    allow_patterns: guard.allowPatterns,
    deny_patterns: guard.denyPatterns,
    allow_all_conversation_history: false,
    match_all_roles: true,
    max_request_body_size: maxBodyBytes,
  };
}
