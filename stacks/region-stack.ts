import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { ApiCustomDomain } from '../constructs/api-custom-domain';
import { ApiGatewayAccountLogging } from '../constructs/api-gateway-account-logging';
import { ApiKeyUsagePlan } from '../constructs/api-key-usage-plan';
import { DnsValidatedCertificate } from '../constructs/dns-validated-certificate';
import { ModelApi } from '../constructs/model-api';
import { ModelFunction } from '../constructs/model-function';
import { ModelHostCode } from '../constructs/model-host-code';
import type { ModelHostConfig, ModelKind } from '../contract/model-host';
import type { AwsRegion } from '../aws/facts';
import { modelHostPackages, type ModelHostPackage } from '../constructs/model-host-bundle';
import { resolveBedrockModel, type ResolvedBedrockModel } from '../aws/bedrock';
import { isHostedModel, type GatewayConfig, type HostedModelConfig } from '../config/schema';
import { modelChain } from '../contract/chat';
import { contradictoryProps } from '../core/errors';
import { hostConfigOf } from '../config/host-config';
import { budgetedTiers, hasBudgets, meteringFor } from '../config/metering';
import { TokenBudgetTable } from '../constructs/token-budget-table';
import { RegionAlarms } from '../constructs/region-alarms';
import { metricNamespace } from '../contract/budgets';
import { regionalHostname, type Naming } from '../config/naming';
import { GatewayStack } from './gateway-stack';
import { upstreamKeyName, type GlobalStack } from './global-stack';

/** Properties of a {@link RegionStack}. */
export interface RegionStackProps {
  /** The validated configuration of the environment. */
  readonly config: GatewayConfig;
  /** The environment's names. */
  readonly naming: Naming;
  /** The region this stack deploys to. */
  readonly region: AwsRegion;
  /** The global stack, whose outputs (certificate, zone, API key) this stack reads. */
  readonly global: GlobalStack;
  /** The deployment package of each hosted model kind. @default built (or read from the build cache) for the configured kinds */
  readonly packages?: ReadonlyMap<ModelKind, ModelHostPackage>;
}

/**
 * `<app>-<env>-<region>`: every hosted model as a Lambda function behind one REST API, its stage,
 * Kong's API key and usage plan, and the custom domain `<region>.<apiDomain>`. (External LLMs live
 * only in Kong, in the control stack.)
 */
export class RegionStack extends GatewayStack {
  /** The regional hostname. */
  readonly hostname: string;
  /** One function per model, in configuration order. */
  readonly modelFunctions: readonly ModelFunction[];
  /** The REST API and its stage. */
  readonly api: ModelApi;
  /** Kong's API key and usage plan. */
  readonly kongAccess: ApiKeyUsagePlan;
  /** API Gateway's account-level CloudWatch role in this region, when this environment manages it. */
  readonly accountLogging: ApiGatewayAccountLogging | undefined;
  /** The certificate of a REGIONAL domain; undefined for EDGE (the global stack holds that one). */
  readonly regionalCertificate: DnsValidatedCertificate | undefined;
  /** The custom domain. */
  readonly domain: ApiCustomDomain;
  /** The region's token-budget counters, when some tier has a budget. */
  readonly budgetTable: TokenBudgetTable | undefined;
  /** The region's alarms: budget burn per budgeted tier, and the API's error rate. */
  readonly alarms: RegionAlarms;

  constructor(scope: Construct, props: RegionStackProps) {
    const { config, naming, region } = props;
    super(scope, naming.regionStack(region), { config, naming, region });
    const global = props.global.readFrom(this);
    this.hostname = regionalHostname(region, config.dns.apiDomain);

    const hosted = config.models.filter(isHostedModel);
    // One deployment package per kind, shared by that kind's models; the kinds missing from the
    // build cache are built together.
    const packages = props.packages ?? modelHostPackages(hosted.map((m) => m.kind));
    const codes = new Map<ModelKind, ModelHostCode>();
    const codeFor = (kind: ModelKind) => {
      let code = codes.get(kind);
      if (!code) {
        code = new ModelHostCode(this, `model-host-code-${kind}`, { kind, package: packages.get(kind) });
        codes.set(kind, code);
      }
      return code;
    };
    // Each Bedrock model as it is invoked here: in-Region or through the profile serving this region.
    const bedrockModels = new Map(hosted.map((m) => [m.name, bedrockChainIn(region, m)]));
    // A chat model's host meters its calls against this region's share of the budgets.
    const hostConfigIn = (model: HostedModelConfig): ModelHostConfig => {
      const host = hostConfigOf(model);
      if (host.kind !== 'bedrock-chat') return host;
      const chain = modelChain(host.settings).map((configuredId, i) => ({ configuredId, invokeId: bedrockModels.get(model.name)![i]!.invokeId }));
      return { ...host, metering: meteringFor(config, naming, { region, table: naming.budgetTableName }, chain) };
    };
    // The account id scopes Bedrock inference-profile permissions; looked up only when needed.
    const accountId = [...bedrockModels.values()].some((chain) => chain.some((m) => m.profile))
      ? new DataAwsCallerIdentity(this, 'account').accountId
      : undefined;
    this.budgetTable = hasBudgets(config) ? new TokenBudgetTable(this, 'token-budget-table', { name: naming.budgetTableName }) : undefined;
    const budgetTable = this.budgetTable;
    this.modelFunctions = hosted.map(
      (model) =>
        new ModelFunction(this, `model-function-${model.name}`, {
          model: hostConfigIn(model),
          sizing: model,
          functionName: naming.functionName(model.name),
          roleName: naming.functionRoleName(region, model.name),
          code: codeFor(model.kind),
          logRetentionDays: config.logRetentionDays,
          region,
          accountId,
          bedrockModels: bedrockModels.get(model.name),
          ...(model.kind === 'bedrock-chat' && budgetTable ? { budgetTable } : {}),
        }),
    );

    // One CloudWatch role setting per account and region: this environment sets it, or relies on
    // the one that does (see aws.apiGatewayAccountSettings).
    // Relying, it forgets the setting it may have managed before rather than resetting it.
    const accountLoggingId = 'api-gateway-account-logging';
    if (config.aws.apiGatewayAccountSettings === 'manage') {
      this.accountLogging = new ApiGatewayAccountLogging(this, accountLoggingId, { roleName: naming.apiGatewayLogsRoleName(region) });
    } else {
      this.accountLogging = undefined;
      ApiGatewayAccountLogging.relinquish(this, accountLoggingId);
    }

    this.api = new ModelApi(this, 'model-api', {
      name: naming.restApiName,
      endpointType: config.endpointType,
      modelFunctions: this.modelFunctions,
      stageName: naming.stageName,
      throttling: config.throttling,
      logRetentionDays: config.logRetentionDays,
      accountLogging: this.accountLogging,
      allowedSourceCidrs: config.kong.egressCidrs,
    });

    this.kongAccess = new ApiKeyUsagePlan(this, 'api-key-usage-plan', {
      name: `${naming.prefix}-kong`,
      // The key Kong sends, then earlier keys still accepted while Kong switches (by label).
      keys: global.regionalUpstreamKeys.map(({ label, value }) => {
        const name = upstreamKeyName(label);
        return name === undefined ? { value } : { name, value };
      }),
      restApi: this.api.restApi,
      stage: this.api.stage,
      throttling: config.throttling,
    });

    this.regionalCertificate =
      config.endpointType === 'REGIONAL'
        ? new DnsValidatedCertificate(this, 'dns-validated-certificate-regional', { domainName: this.hostname, zone: global.zone })
        : undefined;
    const certificateArn = this.regionalCertificate?.certificateArn ?? global.edgeCertificateArn;
    if (certificateArn === undefined) {
      throw contradictoryProps('RegionStack', 'endpointType is EDGE but the global stack has no EDGE certificate');
    }

    this.domain = new ApiCustomDomain(this, 'api-custom-domain', {
      hostname: this.hostname,
      endpointType: config.endpointType,
      certificateArn,
      zone: global.zone,
      restApi: this.api.restApi,
      stage: this.api.stage,
    });

    this.alarms = new RegionAlarms(this, 'region-alarms', {
      region,
      namespace: metricNamespace(naming.prefix),
      budgetedTiers: budgetedTiers(config),
      budgetBurnPercent: config.alarms.budgetBurnPercent,
      api: { name: naming.restApiName, stage: naming.stageName },
      errorRatePercent: config.alarms.errorRatePercent,
      alarmName: (what) => naming.alarmName(what),
      ...(config.alarms.notify[region] ? { notify: config.alarms.notify[region] } : {}),
    });

    new TerraformOutput(this, 'hostname', {
      value: this.hostname,
      description: 'The hostname this region answers on (Kong upstream target, port 443).',
    });
    new TerraformOutput(this, 'api-id', { value: this.api.restApi.id, description: 'The REST API id.' });
    new TerraformOutput(this, 'invoke-urls', {
      value: Object.fromEntries(this.api.routes.map((r) => [r.path.split('/').pop(), `${this.domain.url}${r.path}`])),
      description: 'POST URL of each model (requires the upstream API key; clients go through Kong).',
    });
  }
}

/**
 * The Bedrock models a `bedrock-chat` model's chain invokes in a region, primary first; none for
 * other kinds. Validation (check bedrockModelsAvailable) has refused every chain this cannot resolve.
 */
function bedrockChainIn(region: AwsRegion, model: HostedModelConfig): ResolvedBedrockModel[] {
  if (model.kind !== 'bedrock-chat') return [];
  return modelChain(model.settings).map((modelId) => {
    const resolution = resolveBedrockModel(modelId, region, model.crossRegionInference);
    if ('problem' in resolution) throw contradictoryProps('RegionStack', `model ${model.name} in ${region}: ${resolution.problem}`);
    return resolution.model;
  });
}
