import { Service } from '#gen/kong/service';
import { Construct } from 'constructs';
import { KONG_PLUGINS, type KongPluginName, type PluginConfig } from '../../kong/facts';
import { scopedPlugins, type KongPlugin } from './kong-plugin';
import { correlationIdConfig, corsConfig, prometheusConfig, upstreamKeyInjectionConfig, type ConsumerAuthentication, type CorsSettings } from './plugin-configs';

/** How Kong connects to a service's host. */
export interface ServiceConnection {
  readonly connectTimeoutMs: number;
  readonly readTimeoutMs: number;
  readonly writeTimeoutMs: number;
  /** Retries on connection failures and timeouts. */
  readonly retries: number;
  /** Whether Kong verifies the host's certificate. */
  readonly tlsVerify: boolean;
  /** How deep the certificate chain may be (when verified). */
  readonly tlsVerifyDepth: number;
}

/** Properties of a {@link GatewayService}. */
export interface GatewayServiceProps {
  /** The service name. */
  readonly name: string;
  /** Where Kong sends requests: an upstream name or a host, over HTTPS. */
  readonly host: string;
  /** The port. */
  readonly port: number;
  /** Timeouts, retries and TLS verification. */
  readonly connection: ServiceConnection;
  /**
   * The API key to inject as `x-api-key`, replacing whatever the client sent: a sensitive
   * reference, never a literal. @default no key injection (e.g. for third-party LLM providers)
   */
  readonly upstreamApiKey?: string;
  /** CORS for browser clients. @default no CORS plugin */
  readonly cors?: { readonly settings: CorsSettings; readonly kong: ConsumerAuthentication };
  /** Whether to export AI metrics (LLM traffic). @default false */
  readonly aiMetrics?: boolean;
  /** Tags of every entity. */
  readonly tags: readonly string[];
}

/**
 * A Kong service over HTTPS and the plugins that apply to all its routes: correlation ids (echoed to
 * the client, forwarded upstream), Prometheus metrics, CORS when configured, and, for the regional
 * model APIs, the injection of their API key.
 */
export class GatewayService extends Construct {
  /** The service. */
  readonly service: Service;
  /** The service-scoped plugins, by plugin name. */
  readonly plugins: ReadonlyMap<KongPluginName, KongPlugin>;

  constructor(scope: Construct, id: string, props: GatewayServiceProps) {
    super(scope, id);
    const { connection } = props;
    this.service = new Service(this, 'Resource', {
      name: props.name,
      protocol: 'https',
      host: props.host,
      port: props.port,
      connectTimeout: connection.connectTimeoutMs,
      readTimeout: connection.readTimeoutMs,
      writeTimeout: connection.writeTimeoutMs,
      retries: connection.retries,
      tlsVerify: connection.tlsVerify,
      // Kong sets a per-request verify depth only when the service has one (Kong 3.9.1
      // kong/runloop/upstream_ssl.lua:53-55); the provider sends it when not 0
      // (kong/resource_kong_service.go:258-280).
      ...(connection.tlsVerify ? { tlsVerifyDepth: connection.tlsVerifyDepth } : {}),
      tags: [...props.tags],
    });

    const entries: [KongPluginName, PluginConfig][] = [
      [KONG_PLUGINS.correlationId, correlationIdConfig()],
      [KONG_PLUGINS.prometheus, prometheusConfig({ aiMetrics: props.aiMetrics ?? false })],
    ];
    if (props.cors) entries.push([KONG_PLUGINS.cors, corsConfig(props.cors.settings, props.cors.kong)]);
    if (props.upstreamApiKey !== undefined) {
      entries.push([KONG_PLUGINS.requestTransformer, upstreamKeyInjectionConfig(props.upstreamApiKey)]);
    }
    this.plugins = scopedPlugins(this, { serviceId: this.service.id }, props.tags, entries);
  }
}
