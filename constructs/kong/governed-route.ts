import { Route } from '#gen/kong/route';
import { Construct } from 'constructs';
import { KONG_PLUGINS, type KongPluginName, type KongEnvSecret } from '../../kong/facts';
import { PREDICT_METHOD } from '../../contract/model-host';
import { invalidProp } from '../../core/errors';
import { scopedPlugins, type KongPlugin } from './kong-plugin';
import { aclConfig, authenticationPlugin, rateLimitingConfig, requestSizeLimitingConfig, type ConsumerAuthentication, type RateLimitCounting, type TierLimits } from './plugin-configs';

/** Properties of a {@link GovernedRoute}. */
export interface GovernedRouteProps {
  /** The route name. */
  readonly name: string;
  /** The service the route belongs to. */
  readonly serviceId: string;
  /** The path clients call (a Kong path; regex paths start with `~`). */
  readonly path: string;
  /** Protocols clients may use. */
  readonly protocols: readonly string[];
  /** Also accept OPTIONS, for CORS preflights. @default false */
  readonly allowPreflight?: boolean;
  /** How consumers authenticate. */
  readonly authentication: ConsumerAuthentication;
  /** ACL groups allowed to call the route. */
  readonly allowedGroups: readonly string[];
  /** The rate limit for consumers without a tier of their own (their tier plugin overrides it). */
  readonly defaultTier: TierLimits;
  /** How limits are counted. */
  readonly rateLimiting: RateLimitCounting;
  /** The Redis password's env-vault reference (redis policy only, when Redis requires one). @default none */
  readonly redisPassword?: KongEnvSecret;
  /** Largest body accepted, in bytes (the model's own limit). */
  readonly maxBodyBytes: number;
  /**
   * Pass the answer on as it arrives instead of reading it whole first (streamed answers). Kong 3.9.1
   * sends such a route to its `@unbuffered_response` location, `proxy_buffering off`
   * (kong/runloop/handler.lua:1378-1380, kong/templates/nginx_kong.lua:286-293), where nginx passes
   * the response "to a client synchronously, immediately as it is received". kevholditch/kong 6.5.1
   * sends `false` (kong/resource_kong_route.go:377 through GetOkExists, kong/resource_reader.go:90-95).
   * A plugin with a `response` phase, or one that calls kong.service.request.enable_buffering (as
   * ai-proxy does for requests that do not stream), still gets the whole body first.
   * @default false (Kong's default: buffered)
   */
  readonly streamResponses?: boolean;
  /** Tags of every entity. */
  readonly tags: readonly string[];
}

/**
 * A Kong route that nobody reaches ungoverned: `POST <path>` only, the path kept as is and the
 * upstream's own Host sent, then authentication (credentials hidden from the upstream), an ACL of
 * the allowed groups, a rate limit (the default tier; a consumer's own tier overrides it) and a
 * request-size limit matching the model's.
 */
export class GovernedRoute extends Construct {
  /** The route. */
  readonly route: Route;
  /** The route-scoped plugins, by plugin name. */
  readonly plugins: ReadonlyMap<KongPluginName, KongPlugin>;

  constructor(scope: Construct, id: string, props: GovernedRouteProps) {
    super(scope, id);
    if (props.allowedGroups.length === 0) {
      throw invalidProp('GovernedRoute', 'allowedGroups', [], 'at least one ACL group; a route no group may call is unreachable');
    }
    this.route = new Route(this, 'Resource', {
      name: props.name,
      serviceId: props.serviceId,
      protocols: [...props.protocols],
      methods: props.allowPreflight ? [PREDICT_METHOD, 'OPTIONS'] : [PREDICT_METHOD],
      paths: [props.path],
      stripPath: false,
      preserveHost: false,
      ...(props.streamResponses ? { responseBuffering: false } : {}),
      tags: [...props.tags],
    });

    const auth = authenticationPlugin(props.authentication);
    this.plugins = scopedPlugins(this, { routeId: this.route.id }, props.tags, [
      [auth.name, auth.config],
      [KONG_PLUGINS.acl, aclConfig(props.allowedGroups)],
      [KONG_PLUGINS.rateLimiting, rateLimitingConfig(props.defaultTier, props.rateLimiting, props.redisPassword)],
      [KONG_PLUGINS.requestSizeLimiting, requestSizeLimitingConfig(props.maxBodyBytes)],
    ]);
  }
}
