import { KongProvider } from '#gen/kong/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformOutput, type TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { modelPath } from '../contract/paths';
import type { Naming } from '../config/naming';
import { regionalHostname } from '../config/naming';
import { isHostedModel, type GatewayConfig, type KongConfig } from '../config/schema';
import { KongConsumers } from '../constructs/kong/kong-consumers';
import { KongModelRoutes, type ExternalModelRoute, type HostedModelRoute } from '../constructs/kong/kong-model-routes';
import { RegionalUpstream } from '../constructs/kong/regional-upstream';
import type { TierLimits } from '../constructs/kong/plugin-configs';
import { priceOf } from '../config/metering';
import { DEFAULT_REGION_WEIGHT, kongTags, LLM_PROVIDERS, REGION_TARGET_PORT, routePath, streamReadTimeoutMs } from '../kong/facts';
import { kongNodeSecrets } from '../config/kong-secrets';
import { sensitiveVariable, variableName } from '../terraform/variables';
import { GatewayStack } from './gateway-stack';
import type { GlobalStack } from './global-stack';

/** Properties of the {@link ControlStack}. */
export interface ControlStackProps {
  /** The validated configuration of the environment. */
  readonly config: GatewayConfig;
  /** The environment's names. */
  readonly naming: Naming;
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
 * `<app>-<env>-control`: Kong configured for every model of the environment. The upstream spans the
 * regions by their deterministic hostnames (so this stack needs nothing from a region stack); the
 * model routes and the consumers are constructs of their own, and this stack translates the
 * configuration into their props. It depends on the global stack only, for the API key.
 */
export class ControlStack extends GatewayStack {
  /** The Kong provider; its admin address and token come from sensitive variables or its own env. */
  readonly kongProvider: KongProvider;
  /** The upstream spanning the regions. */
  readonly upstream: RegionalUpstream;
  /** Every model's service, route and AI plugins. */
  readonly modelRoutes: KongModelRoutes;
  /** The consumers. */
  readonly consumers: KongConsumers;

  constructor(scope: Construct, props: ControlStackProps) {
    const { config, naming } = props;
    super(scope, naming.controlStack, { config, naming });
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
    this.kongProvider = new KongProvider(this, 'kong', { kongAdminUri: adminUri.stringValue, kongAdminToken: adminToken.stringValue });
    if (kong.authentication === 'basic-auth' && kong.consumers.some((c) => c.credential === 'generated')) new RandomProvider(this, 'random');
    // Secrets Kong takes by env-vault reference never pass through Terraform (kong/facts.ts).
    const secrets = kongNodeSecrets(config, naming);
    const redisPassword = secrets.redisPassword;

    this.upstream = new RegionalUpstream(this, 'regional-upstream', {
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

    const route = (model: GatewayConfig['models'][number]): HostedModelRoute => ({
      name: model.name,
      routeName: naming.kongRoute(model.name),
      path: routePath(model.name),
      allowedGroups: model.allowedGroups,
      maxBodyBytes: model.limits.maxBodyBytes,
    });
    this.modelRoutes = new KongModelRoutes(this, 'kong-model-routes', {
      modelsService: {
        name: naming.kongModelsService,
        host: this.upstream.name,
        port: REGION_TARGET_PORT,
        upstreamApiKey: props.global.readFrom(this).upstreamApiKeyValue,
      },
      hostedModels: config.models.filter(isHostedModel).map((model) => ({
        ...route(model),
        ...(model.kind === 'bedrock-chat' && model.streaming
          ? { streaming: { serviceName: naming.kongStreamService(model.name), readTimeoutMs: streamReadTimeoutMs(model.streaming.firstTokenTimeoutSeconds) } }
          : {}),
      })),
      externalModels: config.models.flatMap((model): ExternalModelRoute[] =>
        isHostedModel(model)
          ? []
          : [
              {
                ...route(model),
                serviceName: naming.kongLlmService(model.name),
                host: LLM_PROVIDERS[model.provider].host,
                llm: { ...model, maxBodyBytes: model.limits.maxBodyBytes, ...llmCost(config, model.model) },
                credential: secrets.llmCredentials.get(model.name)!,
                promptGuard: model.promptGuard,
              },
            ],
      ),
      settings: {
        protocols: kong.routeProtocols,
        authentication: kong,
        defaultTier: requestLimits(kong.tiers[kong.defaultTier]!),
        rateLimiting: kong.rateLimiting,
        redisPassword,
        cors: kong.cors,
        connection: kong.service,
      },
      tags,
    });

    const supplied = new Map<string, TerraformVariable>();
    for (const consumer of kong.consumers.filter((c) => c.credential === 'variable')) {
      supplied.set(
        consumer.username,
        sensitiveVariable(this, CONTROL_VARIABLES.consumerSecret(consumer.username), {
          description: `The ${kong.authentication === 'basic-auth' ? 'password' : 'API key'} of consumer ${consumer.username}.`,
        }),
      );
    }
    this.consumers = new KongConsumers(this, 'kong-consumers', {
      consumers: kong.consumers.map((consumer) => {
        const variable = supplied.get(consumer.username);
        return {
          username: consumer.username,
          groups: consumer.groups,
          tier: requestLimits(kong.tiers[consumer.tier ?? kong.defaultTier]!),
          secret: variable ? { source: 'supplied', value: variable.stringValue } : { source: 'generated' },
        };
      }),
      authentication: kong.authentication,
      rateLimiting: kong.rateLimiting,
      redisPassword,
      tags,
    });

    const generated = this.consumers.generatedSecrets();
    if (Object.keys(generated).length > 0) {
      new TerraformOutput(this, 'consumer-credentials', {
        description: 'Generated consumer credentials (key or password) by username. Read with `terraform output -json`.',
        sensitive: true,
        value: generated,
      });
    }
    new TerraformOutput(this, 'routes', {
      description: 'Kong route path of each model.',
      value: Object.fromEntries(config.models.map((m) => [m.name, modelPath(m.name)])),
    });
    new TerraformOutput(this, 'upstream-name', { description: 'The Kong upstream spanning the regions.', value: naming.kongUpstream });
  }
}

/** A tier's request limits, which Kong enforces (its token and dollar budgets are the model host's). */
function requestLimits(tier: KongConfig['tiers'][string]): TierLimits {
  const { budget: _budget, ...limits } = tier;
  return limits;
}

/** An external LLM's price per million tokens (Kong's unit), from the price table's per 1,000. */
function llmCost(config: GatewayConfig, modelId: string): { costPerMillion?: { input: number; output: number } } {
  const price = priceOf(config.prices, modelId);
  return price ? { costPerMillion: { input: round(price.inputPer1k * 1000), output: round(price.outputPer1k * 1000) } } : {};
}

/** Rounds away binary noise (0.00015 × 1000 = 0.15000000000000002). */
function round(value: number): number {
  return Number(value.toPrecision(12));
}
