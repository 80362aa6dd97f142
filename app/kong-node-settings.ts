/**
 * The Kong node settings an environment's configuration relies on, written by synth beside the
 * control stack as `kong-node.env`: Kong's own environment variables (`KONG_<setting>`), ready for
 * `docker run --env-file` or a Kubernetes ConfigMap, plus the names (never the values) of the
 * secrets the nodes must hold. Every line says why; facts are from Kong 3.9.1's source.
 */
import type { GatewayConfig } from '../config/schema';
import type { KongEnvSecret } from '../kong/facts';
import { kongNodeSecrets } from '../config/kong-secrets';
import type { Naming } from '../config/naming';

/** The file name, in the control stack's output directory. */
export const KONG_NODE_SETTINGS_FILE = 'kong-node.env';

/** One setting: a Kong environment variable, its value, and why the configuration needs it. */
export interface KongNodeSetting {
  readonly variable: string;
  readonly value: string;
  readonly why: string;
}

/** What the Kong nodes must be given. */
export interface KongNodeSettings {
  /** For whom: every node (traditional) or every data plane (hybrid). */
  readonly appliesTo: string;
  readonly settings: readonly KongNodeSetting[];
  /** Secrets to set from a secret store (names and what they hold, never values). */
  readonly secrets: readonly KongEnvSecret[];
  /** Further prerequisites, in prose. */
  readonly prerequisites: readonly string[];
}

/** The node settings of a validated configuration, with the environment's names. */
export function kongNodeSettings(config: GatewayConfig, naming: Naming): KongNodeSettings {
  const { kong } = config;
  const { deployment, rateLimiting } = kong;
  const hybrid = deployment.mode === 'hybrid';
  const settings: KongNodeSetting[] = [
    hybrid
      ? { variable: 'KONG_ROLE', value: 'data_plane', why: 'hybrid mode: these settings are for the data planes, which proxy the traffic' }
      : { variable: 'KONG_ROLE', value: 'traditional', why: 'traditional mode: every node has the database and the Admin API' },
    hybrid
      ? { variable: 'KONG_DATABASE', value: 'off', why: 'data planes run without a database (kong/conf_loader/parse.lua:766-768)' }
      : {
          variable: 'KONG_DATABASE',
          value: 'postgres',
          why: 'the Kong provider writes through the Admin API, which a node without a database refuses (kong/db/strategies/off/init.lua:374-395)',
        },
    {
      variable: 'KONG_NGINX_PROXY_PROXY_SSL_VERIFY',
      value: 'on',
      why:
        'nginx loads proxy_ssl_trusted_certificate only where proxy_ssl_verify is on when it reads its configuration (nginx 1.25.3 ngx_http_proxy_module.c:5043-5052); the services set tls_verify themselves. It also makes verification the default for any other service on these nodes that does not set tls_verify',
    },
    {
      variable: 'KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE',
      value: deployment.trustedCaBundle,
      why:
        "the CA bundle the proxy verifies the regions' and the LLM providers' certificates against: Kong installs none of its own (kong/runloop/upstream_ssl.lua:44-72, kong/pdk/service.lua:253-256), so without it every proxied request fails with 502 \"unable to get local issuer certificate\"",
    },
    {
      variable: 'KONG_NGINX_PROXY_PROXY_SSL_VERIFY_DEPTH',
      value: String(kong.service.tlsVerifyDepth),
      why: `nginx's default depth is 1 (ngx_http_proxy_module.c:3750-3751); ${kong.service.tlsVerifyDepth} intermediates leave room for cross-signed public chains. The services also set tls_verify_depth`,
    },
    {
      variable: 'KONG_LUA_SSL_TRUSTED_CERTIFICATE',
      value: 'system',
      why: "active health checks (lua-resty-healthcheck 3.1.0 lib/resty/healthcheck.lua:1016-1026) and Redis over TLS verify with Lua sockets, which use this store (Kong's default, kong/templates/kong_defaults.lua:192)",
    },
    {
      variable: 'KONG_LUA_SSL_VERIFY_DEPTH',
      value: String(kong.service.tlsVerifyDepth),
      why: "Kong's default is 1 (kong/templates/kong_defaults.lua:193), too shallow for a chain with a cross-signed root",
    },
  ];
  if (deployment.tlsTermination === 'load-balancer') {
    settings.push(
      {
        variable: 'KONG_TRUSTED_IPS',
        value: (deployment.loadBalancerCidrs ?? []).join(','),
        why: "TLS ends at the load balancer: Kong takes the scheme from X-Forwarded-Proto only from trusted addresses, and answers HTTPS-only routes 426 otherwise (kong/runloop/handler.lua:1234-1267)",
      },
      { variable: 'KONG_REAL_IP_HEADER', value: 'X-Forwarded-For', why: "the client's address, for logs and the ip-based limits, comes from the load balancer's header" },
      { variable: 'KONG_REAL_IP_RECURSIVE', value: 'on', why: 'skip the trusted load balancer addresses in X-Forwarded-For' },
    );
  }

  const secrets = kongNodeSecrets(config, naming).all;

  const prerequisites: string[] = [
    `Kong Gateway 3.9 (the AI plugins need 3.6 or later); ${deployment.nodes === 1 ? '1 node proxies' : `${deployment.nodes} nodes proxy`} traffic.`,
  ];
  if (rateLimiting.policy === 'redis' && rateLimiting.redis) {
    const { redis } = rateLimiting;
    prerequisites.push(
      `Redis at ${redis.host}:${redis.port} (database ${redis.database}) reachable from every node${redis.ssl ? `, over TLS with a certificate for ${redis.host} that the nodes' system store trusts${redis.sslVerify ? '' : ' (not verified: sslVerify is false)'}` : ', without TLS'}; it keeps the rate-limit counters every node shares.`,
    );
  }
  if (rateLimiting.policy === 'local' && deployment.nodes > 1) {
    prerequisites.push(`Rate limits count per node (policy local): each of the ${deployment.nodes} nodes admits a consumer's whole tier.`);
  }
  if (secrets.length > 0) {
    prerequisites.push("Kong's bundled env vault resolves the secrets below; it is on by default (KONG_VAULTS=bundled).");
  }
  return { appliesTo: hybrid ? 'every data plane' : 'every Kong node', settings, secrets, prerequisites };
}

/** The settings as an env file with comments. */
export function renderKongNodeEnv(settings: KongNodeSettings, controlStack: string): string {
  const lines = [
    `# The Kong node settings ${controlStack} relies on, for ${settings.appliesTo}.`,
    '# Generated by synth from the environment configuration; edit the configuration, not this file.',
    '# Load it with `docker run --env-file` or into a Kubernetes ConfigMap, then restart the nodes.',
    '#',
    ...settings.prerequisites.map((p) => `# ${p}`),
    '',
  ];
  for (const setting of settings.settings) lines.push(`# ${setting.why}.`, `${setting.variable}=${setting.value}`, '');
  if (settings.secrets.length > 0) {
    lines.push('# Secrets: set each from your secret store on the same nodes (never in this file or in git):');
    for (const secret of settings.secrets) lines.push(`#   ${secret.variable}: ${secret.holds}`);
    lines.push('');
  }
  return lines.join('\n');
}
