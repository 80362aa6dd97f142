import { KongProvider } from '@kong/kong-provider/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformOutput, type TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { ApiConsumer } from '../constructs/kong/api-consumer';
import { GatewayService } from '../constructs/kong/gateway-service';
import { GovernedRoute } from '../constructs/kong/governed-route';
import { LlmProxy } from '../constructs/kong/llm-proxy';
import { RegionalUpstream } from '../constructs/kong/regional-upstream';
import { isHostedModel, type GatewayConfig, type ModelConfig } from '../config/schema';
import { DEFAULT_REGION_WEIGHT, kongTags, llmCredentialSecret, LLM_PROVIDERS, redisPasswordSecret, REGION_TARGET_PORT, routePath } from '../kong/facts';
import { modelPath, Naming, regionalHostname } from '../config/naming';
import { sensitiveVariable, variableName } from '../terraform/variables';
import { GatewayStack } from './gateway-stack';
import type { GlobalStack } from './global-stack';

/** Properties of the {@link ControlStack}. */
export interface ControlStackProps {
  /** The validated configuration of the environment. */
  readonly config: GatewayConfig;
  /** The global stack, whose output this stack reads: the API key the regional APIs require. */
  readonly global: GlobalStack;
}

/** Names of the control stack's input variables. */
export const CONTROL_VARIABLES = {
  adminUri: 'kong_admin_uri',
  adminToken: 'kong_admin_token',
  consumerSecret: (username: string) => variableName('consumer_secret', username),
} as const;

/**
 * `<app>-<env>-control`: Kong configured for every model of the environment. An upstream spans the
 * regions by their deterministic hostnames (so this stack needs nothing from a region stack); one
 * service fronts the regional APIs and injects their key; every model has a governed route
 * (authentication, ACL, rate limit, size limit); external LLMs get their own service and
 * route with Kong's ai-proxy; consumers have groups, a tier and a credential. It depends on the
 * global stack only, for the API key.
 */
export class ControlStack extends GatewayStack {
  /** The Kong provider; its admin address and token come from sensitive variables or its own env. */
  readonly kongProvider: KongProvider;
  /** The upstream spanning the regions. */
  readonly upstream: RegionalUpstream;
  /** The service in front of the regional model APIs. */
  readonly modelsService: GatewayService;
  /** One service per external LLM model. */
  readonly llmServices: ReadonlyMap<string, GatewayService>;
  /** One governed route per model, by model name. */
  readonly routes: ReadonlyMap<string, GovernedRoute>;
  /** The AI Gateway plugins of each external LLM model, by model name. */
  readonly llmProxies: ReadonlyMap<string, LlmProxy>;
  /** The consumers, by username. */
  readonly consumers: ReadonlyMap<string, ApiConsumer>;

  constructor(scope: Construct, props: ControlStackProps) {
    const { config } = props;
    const naming = new Naming(config.app, config.environment);
    super(scope, naming.controlStack, { config });
    const { kong } = config;
    const tags = kongTags(config.app, config.environment);

    const adminUri = sensitiveVariable(this, CONTROL_VARIABLES.adminUri, {
      description: 'Kong Admin API URL, e.g. https://kong-admin.internal:8444. Leave unset to use KONG_ADMIN_ADDR.',
      optional: true,
    });
    const adminToken = sensitiveVariable(this, CONTROL_VARIABLES.adminToken, {
      description: 'Kong Admin API token (Kong-Admin-Token). Leave unset to use KONG_ADMIN_TOKEN.',
      optional: true,
    });
    this.kongProvider = new KongProvider(this, 'kong', {
      kongAdminUri: adminUri.stringValue,
      kongAdminToken: adminToken.stringValue,
    });
    if (kong.authentication === 'basic-auth' && kong.consumers.some((c) => c.credential === 'generated')) {
      new RandomProvider(this, 'random');
    }
    // Secrets Kong takes by env-vault reference never pass through Terraform (lib/kong.ts).
    const redisPassword =
      kong.rateLimiting.policy === 'redis' && kong.rateLimiting.redis?.requirePassword ? redisPasswordSecret(naming.prefix) : undefined;

    this.upstream = new RegionalUpstream(this, 'upstream', {
      name: naming.kongUpstream,
      targets: config.regions.map((region) => ({
        key: region,
        host: regionalHostname(region, config.dns.apiDomain),
        port: REGION_TARGET_PORT,
        weight: kong.upstream.weights[region] ?? DEFAULT_REGION_WEIGHT,
      })),
      healthchecks: kong.upstream.healthchecks,
      tags,
    });

    const cors = kong.cors ? { settings: kong.cors, kong } : undefined;
    this.modelsService = new GatewayService(this, 'models-service', {
      name: naming.kongModelsService,
      host: this.upstream.name,
      port: REGION_TARGET_PORT,
      connection: kong.service,
      upstreamApiKey: props.global.readFrom(this).upstreamApiKeyValue,
      cors,
      tags,
    });

    const routeFor = (model: ModelConfig, serviceId: string, maxBodyBytes: number) =>
      new GovernedRoute(this, `route-${model.name}`, {
        name: naming.kongRoute(model.name),
        serviceId,
        path: routePath(model.name),
        protocols: kong.routeProtocols,
        allowPreflight: cors !== undefined,
        authentication: kong,
        allowedGroups: model.allowedGroups,
        defaultTier: kong.tiers[kong.defaultTier]!,
        rateLimiting: kong.rateLimiting,
        redisPassword,
        maxBodyBytes,
        tags,
      });

    const routes = new Map<string, GovernedRoute>();
    const llmServices = new Map<string, GatewayService>();
    const llmProxies = new Map<string, LlmProxy>();
    for (const model of config.models) {
      if (isHostedModel(model)) {
        routes.set(model.name, routeFor(model, this.modelsService.service.id, model.limits.maxBodyBytes));
        continue;
      }
      // Third-party LLMs get a service of their own: the regional API key is never sent to them.
      const service = new GatewayService(this, `llm-service-${model.name}`, {
        name: naming.kongLlmService(model.name),
        host: LLM_PROVIDERS[model.provider].host,
        port: REGION_TARGET_PORT,
        connection: kong.service,
        cors,
        aiMetrics: true,
        tags,
      });
      const route = routeFor(model, service.service.id, model.limits.maxBodyBytes);
      llmServices.set(model.name, service);
      routes.set(model.name, route);
      llmProxies.set(
        model.name,
        new LlmProxy(this, `llm-${model.name}`, { routeId: route.route.id, model, credential: llmCredentialSecret(naming.prefix, model), tags }),
      );
    }
    this.routes = routes;
    this.llmServices = llmServices;
    this.llmProxies = llmProxies;

    const consumers = new Map<string, ApiConsumer>();
    const suppliedSecrets = new Map<string, TerraformVariable>();
    for (const consumer of kong.consumers) {
      if (consumer.credential === 'variable') {
        suppliedSecrets.set(
          consumer.username,
          sensitiveVariable(this, CONTROL_VARIABLES.consumerSecret(consumer.username), {
            description: `The ${kong.authentication === 'basic-auth' ? 'password' : 'API key'} of consumer ${consumer.username}.`,
          }),
        );
      }
      const supplied = suppliedSecrets.get(consumer.username);
      consumers.set(
        consumer.username,
        new ApiConsumer(this, `consumer-${consumer.username}`, {
          username: consumer.username,
          groups: consumer.groups,
          authentication: kong.authentication,
          secret: supplied ? { source: 'supplied', value: supplied.stringValue } : { source: 'generated' },
          tier: kong.tiers[consumer.tier ?? kong.defaultTier]!,
          rateLimiting: kong.rateLimiting,
          redisPassword,
          tags,
        }),
      );
    }
    this.consumers = consumers;

    const generated = kong.consumers.filter((c) => c.credential === 'generated');
    if (generated.length > 0) {
      new TerraformOutput(this, 'consumer-credentials', {
        description: 'Generated consumer credentials (key or password) by username. Read with `terraform output -json`.',
        sensitive: true,
        value: Object.fromEntries(generated.map((c) => [c.username, consumers.get(c.username)!.secret])),
      });
    }
    new TerraformOutput(this, 'routes', {
      description: 'Kong route path of each model.',
      value: Object.fromEntries(config.models.map((m) => [m.name, modelPath(m.name)])),
    });
    new TerraformOutput(this, 'upstream-name', { description: 'The Kong upstream spanning the regions.', value: naming.kongUpstream });
  }
}
