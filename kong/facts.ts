/**
 * Facts about Kong Gateway 3.9 OSS that the configuration checks, the guardrails and the Kong
 * constructs all rely on: the plugins the project configures, env-vault secrets, the health
 * statuses, the headers a consumer key must not use, the LLM providers. How each plugin is
 * configured lives beside the construct that deploys it (constructs/kong/plugin-configs.ts).
 */
import { API_KEY_HEADER, KONG_CORRELATION_HEADER } from '../contract/model-host';
import { modelPath } from '../contract/paths';
import { STREAM_KEEPALIVE_SECONDS } from '../contract/chat';
import { MANAGED_BY } from '../core/project';

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
export type PluginValue = string | number | boolean | null | readonly PluginValue[] | PluginConfig;

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
export function llmCredentialSecret(prefix: string, model: { readonly name: string; readonly provider: LlmProviderName }): KongEnvSecret {
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

/** Where each supported LLM provider lives and how ai-proxy authenticates to it. */
export const LLM_PROVIDERS = {
  openai: { host: 'api.openai.com', authHeader: 'Authorization', authPrefix: 'Bearer ', options: {} },
  anthropic: { host: 'api.anthropic.com', authHeader: 'x-api-key', authPrefix: '', options: { anthropic_version: '2023-06-01' } },
} as const satisfies Record<string, { host: string; authHeader: string; authPrefix: string; options: Record<string, string> }>;

/** An LLM provider Kong's ai-proxy is configured for. */
export type LlmProviderName = keyof typeof LLM_PROVIDERS;

/** The LLM providers, in a stable order (the configuration's \`provider\` values). */
export const LLM_PROVIDER_NAMES = Object.keys(LLM_PROVIDERS) as [LlmProviderName, ...LlmProviderName[]];


/** Time added to a streaming model's longest quiet spell for Kong's read timeout: the network's share. */
const STREAM_READ_MARGIN_MS = 5000;

/**
 * Kong's read timeout for a streaming model's service. Kong hands the service's read_timeout to
 * ngx.balancer.set_timeouts (Kong 3.9.1 kong/init.lua:1424-1426), nginx's upstream read timeout,
 * which "is set only between two successive read operations, not for the transmission of the whole
 * response" (nginx proxy_read_timeout). So it must outlast the longest quiet spell of the stream:
 * the wait for the first byte (the host answers by then) or the keep-alive cadence after it.
 */
export function streamReadTimeoutMs(firstTokenTimeoutSeconds: number): number {
  return Math.max(firstTokenTimeoutSeconds, STREAM_KEEPALIVE_SECONDS) * 1000 + STREAM_READ_MARGIN_MS;
}
