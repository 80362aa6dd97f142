import { Construct } from 'constructs';
import type { KongEnvSecret } from '../../kong/facts';
import { GatewayService, type ServiceConnection } from './gateway-service';
import { GovernedRoute } from './governed-route';
import { LlmProxy } from './llm-proxy';
import type { ConsumerAuthentication, CorsSettings, ExternalLlm, PromptGuardPatterns, RateLimitCounting, TierLimits } from './plugin-configs';

/** What every model's route shares: how it is reached and governed. */
export interface ModelRouteSettings {
  /** Protocols clients may use. */
  readonly protocols: readonly string[];
  /** How consumers authenticate. */
  readonly authentication: ConsumerAuthentication;
  /** The rate limit for consumers without a tier of their own. */
  readonly defaultTier: TierLimits;
  /** How limits are counted. */
  readonly rateLimiting: RateLimitCounting;
  /** The Redis password's env-vault reference (redis policy, when Redis requires one). @default none */
  readonly redisPassword?: KongEnvSecret;
  /** CORS for browser clients, on every service. @default no CORS plugin */
  readonly cors?: CorsSettings;
  /** Timeouts, retries and TLS verification of every service. */
  readonly connection: ServiceConnection;
}

/** A model served by the regional APIs, behind the models service. */
export interface HostedModelRoute {
  /** The model's name (construct ids and the map keys). */
  readonly name: string;
  /** The Kong route name. */
  readonly routeName: string;
  /** The route path. */
  readonly path: string;
  /** ACL groups allowed to call it. */
  readonly allowedGroups: readonly string[];
  /** Largest body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /**
   * For a model that streams: its own service (same upstream, key and settings, but the read
   * timeout its stream needs) and an unbuffered route. @default buffered, behind the models service
   */
  readonly streaming?: {
    readonly serviceName: string;
    /** Kong's read timeout: the longest wait between two reads from the upstream. */
    readonly readTimeoutMs: number;
  };
}

/** A third-party LLM: its own service (the regional API key is never sent to it) and Kong's ai-proxy. */
export interface ExternalModelRoute extends HostedModelRoute {
  /** The Kong service name. */
  readonly serviceName: string;
  /** The provider's host. */
  readonly host: string;
  /** The provider, model and options ai-proxy uses. */
  readonly llm: ExternalLlm;
  /** The provider credential, an env-vault reference the Kong nodes resolve. */
  readonly credential: KongEnvSecret;
  /** Prompt patterns. @default no prompt guard */
  readonly promptGuard?: PromptGuardPatterns;
}

/** Properties of {@link KongModelRoutes}. */
export interface KongModelRoutesProps {
  /** The service in front of the regional model APIs. */
  readonly modelsService: {
    readonly name: string;
    /** The upstream spanning the regions. */
    readonly host: string;
    readonly port: number;
    /** The regional APIs' key, a sensitive reference, injected into every request. */
    readonly upstreamApiKey: string;
  };
  /** Models the regional APIs serve. */
  readonly hostedModels: readonly HostedModelRoute[];
  /** Third-party LLMs behind ai-proxy. */
  readonly externalModels: readonly ExternalModelRoute[];
  /** What every route shares. */
  readonly settings: ModelRouteSettings;
  /** Tags of every entity. */
  readonly tags: readonly string[];
}

/**
 * Every model as Kong serves it: one service in front of the regional APIs (injecting their key),
 * and per model a governed route (authentication, ACL, rate limit, size limit); a streaming model
 * gets a service of its own on the same upstream (its read timeout) and an unbuffered route; a
 * third-party LLM gets a service of its own and Kong's ai-proxy on its route.
 */
export class KongModelRoutes extends Construct {
  /** The service in front of the regional model APIs. */
  readonly modelsService: GatewayService;
  /** One service per streaming hosted model, by model name. */
  readonly streamServices: ReadonlyMap<string, GatewayService>;
  /** One service per external LLM model, by model name. */
  readonly llmServices: ReadonlyMap<string, GatewayService>;
  /** One governed route per model, by model name. */
  readonly routes: ReadonlyMap<string, GovernedRoute>;
  /** The AI Gateway plugins of each external LLM model, by model name. */
  readonly llmProxies: ReadonlyMap<string, LlmProxy>;

  constructor(scope: Construct, id: string, props: KongModelRoutesProps) {
    super(scope, id);
    const { settings, tags } = props;
    const cors = settings.cors ? { settings: settings.cors, kong: settings.authentication } : undefined;
    this.modelsService = new GatewayService(this, 'gateway-service-models', {
      name: props.modelsService.name,
      host: props.modelsService.host,
      port: props.modelsService.port,
      connection: settings.connection,
      upstreamApiKey: props.modelsService.upstreamApiKey,
      cors,
      tags,
    });
    const routeFor = (model: HostedModelRoute, serviceId: string, streamResponses = false) =>
      new GovernedRoute(this, `governed-route-${model.name}`, {
        name: model.routeName,
        serviceId,
        path: model.path,
        protocols: settings.protocols,
        allowPreflight: cors !== undefined,
        authentication: settings.authentication,
        allowedGroups: model.allowedGroups,
        defaultTier: settings.defaultTier,
        rateLimiting: settings.rateLimiting,
        redisPassword: settings.redisPassword,
        maxBodyBytes: model.maxBodyBytes,
        streamResponses,
        tags,
      });

    const routes = new Map<string, GovernedRoute>();
    const streamServices = new Map<string, GatewayService>();
    for (const model of props.hostedModels) {
      if (!model.streaming) {
        routes.set(model.name, routeFor(model, this.modelsService.service.id));
        continue;
      }
      const service = new GatewayService(this, `gateway-service-stream-${model.name}`, {
        name: model.streaming.serviceName,
        host: props.modelsService.host,
        port: props.modelsService.port,
        connection: { ...settings.connection, readTimeoutMs: model.streaming.readTimeoutMs },
        upstreamApiKey: props.modelsService.upstreamApiKey,
        cors,
        tags,
      });
      streamServices.set(model.name, service);
      routes.set(model.name, routeFor(model, service.service.id, true));
    }
    this.streamServices = streamServices;
    const llmServices = new Map<string, GatewayService>();
    const llmProxies = new Map<string, LlmProxy>();
    for (const model of props.externalModels) {
      const service = new GatewayService(this, `gateway-service-llm-${model.name}`, {
        name: model.serviceName,
        host: model.host,
        port: props.modelsService.port,
        connection: settings.connection,
        cors,
        aiMetrics: true,
        tags,
      });
      // ai-proxy streams requests that ask for it, chunk by chunk in its body filter; the route
      // passes each chunk on unbuffered (GovernedRoute.streamResponses).
      const route = routeFor(model, service.service.id, true);
      llmServices.set(model.name, service);
      routes.set(model.name, route);
      llmProxies.set(
        model.name,
        new LlmProxy(this, `llm-proxy-${model.name}`, { routeId: route.route.id, model: model.llm, promptGuard: model.promptGuard, credential: model.credential, tags }),
      );
    }
    this.routes = routes;
    this.llmServices = llmServices;
    this.llmProxies = llmProxies;
  }
}
