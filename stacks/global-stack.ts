import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsRoute53Zone } from '@cdktf/provider-aws/lib/data-aws-route53-zone';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Fn, TerraformOutput, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { DnsValidatedCertificate, type HostedZoneRef } from '../constructs/dns-validated-certificate';
import { UpstreamApiKey } from '../constructs/upstream-api-key';
import { GatewayDashboard } from '../constructs/gateway-dashboard';
import { regionAlarmKeys } from '../constructs/region-alarms';
import { metricNamespace } from '../contract/budgets';
import { budgetedTiers } from '../config/metering';
import { GLOBAL_STACK_REGION } from '../aws/facts';
import { INITIAL_UPSTREAM_KEY, type GatewayConfig } from '../config/schema';
import { upstreamKeySlug, type Naming } from '../config/naming';
import { GatewayStack } from './gateway-stack';

/** What the region stacks and the control stack need from the global stack. */
export interface GlobalResources {
  /** The hosted zone of the API domain. */
  readonly zone: HostedZoneRef;
  /** The generated API key Kong sends and every regional API requires (sensitive). */
  readonly upstreamApiKeyValue: string;
  /**
   * Every key the regions accept, by label: the current one first, then earlier ones still
   * accepted while Kong switches (sensitive values). Each is read from its own labelled output, so a
   * region's key resource keeps its value while keys come and go beside it.
   */
  readonly regionalUpstreamKeys: readonly UpstreamKeyRef[];
  /** The validated us-east-1 certificate for EDGE domains; undefined for REGIONAL endpoints. */
  readonly edgeCertificateArn: string | undefined;
}

/**
 * The names of the global stack's outputs: the only way its values reach another stack. Stable
 * names (rather than cdktf's generated cross-stack ones) also make them readable with
 * `terraform output`.
 */
export const GLOBAL_OUTPUTS = {
  zoneId: 'zone_id',
  edgeCertificateArn: 'edge_certificate_arn',
  upstreamApiKey: 'upstream_api_key',
} as const;

/** One generation of the upstream key, as another stack reads it. */
export interface UpstreamKeyRef {
  readonly label: string;
  /** The key value: a sensitive reference. */
  readonly value: string;
}

/** The output that carries the upstream key of a label, for the regions. */
export function labelledUpstreamKeyOutput(label: string): string {
  return `${GLOBAL_OUTPUTS.upstreamApiKey}_${upstreamKeySlug(label).replace(/-/g, '_')}`;
}

/**
 * What names an upstream key generation's constructs, by its label: nothing for the first key,
 * which keeps the ids it always had, else the label's slug. Keys are added and removed by label,
 * so a key that stays is never replaced, in the global stack or in a region.
 */
export function upstreamKeyName(label: string): string | undefined {
  return label === INITIAL_UPSTREAM_KEY ? undefined : upstreamKeySlug(label);
}

/** The construct id of an EDGE certificate generation: generation 1 keeps the id it always had. */
export function edgeCertificateId(generation: number): string {
  return generation === 1 ? 'dns-validated-certificate-edge' : `dns-validated-certificate-edge-g${generation}`;
}

/** The name of the remote state data source through which a stack reads the global stack. */
export const GLOBAL_STATE_DATA_SOURCE = 'global';

/** Properties of the {@link GlobalStack}. */
export interface GlobalStackProps {
  /** The validated configuration of the environment. */
  readonly config: GatewayConfig;
  /** The environment's names. */
  readonly naming: Naming;
}

/**
 * `<app>-<env>-global`, in us-east-1 (where EDGE certificates must live): the hosted zone lookup,
 * the certificate of every regional hostname, and the secrets regions and Kong share, each exported
 * as a named output.
 */
export class GlobalStack extends GatewayStack {
  /** The hosted zone of the configured zone name. */
  readonly hostedZone: DataAwsRoute53Zone;
  /** The certificate of the regional hostnames (its current generation), for EDGE endpoints. */
  readonly edgeCertificate: DnsValidatedCertificate | undefined;
  /** The environment's CloudWatch dashboard (every region's metrics). */
  readonly dashboard: GatewayDashboard;
  /** Earlier generations of the EDGE certificate, kept until `retireBelow` passes them. */
  readonly retainedEdgeCertificates: readonly DnsValidatedCertificate[];
  /** The API key Kong injects and every regional API requires. */
  readonly upstreamApiKey: UpstreamApiKey;
  /** Every key the regions accept, by label: the current one first, then upstreamKeysAccepted. */
  readonly regionalUpstreamApiKeys: ReadonlyMap<string, UpstreamApiKey>;

  constructor(scope: Construct, props: GlobalStackProps) {
    const { config, naming } = props;
    super(scope, naming.globalStack, { config, naming, region: GLOBAL_STACK_REGION });
    new RandomProvider(this, 'random');

    this.hostedZone = new DataAwsRoute53Zone(this, 'zone', { name: config.dns.zoneName, privateZone: false });

    // One wildcard, *.<apiDomain>, rather than one SAN per region: every regional hostname is exactly
    // one label under the API domain, so the wildcard covers them all with a single validation
    // record; adding or removing a region then never replaces the certificate in use by every
    // other region's CloudFront distribution; and ACM's default quota of 10 names per certificate
    // never caps the number of regions. The wildcard covers nothing but the API domain's own
    // subdomains, and its private key never leaves ACM.
    //
    // Generations: the region stacks use this certificate through their custom domains, in other
    // Terraform states, so replacing it here alone deadlocks: ACM refuses to delete a certificate in
    // use, and the AWS provider retries DeleteCertificate on ResourceInUseException for 20 minutes
    // before failing (terraform-provider-aws v6, internal/service/acm resourceCertificateDelete and
    // certificateCrossServicePropagationTimeout). A custom domain takes a new certificate in place
    // (apigateway resourceDomainName: certificate_arn is not ForceNew; resourceDomainNameUpdate
    // patches it). So a replacement is a new generation beside the old one: the regions move to it
    // on their next deploy, and the old one is deleted only when dns.edgeCertificate.retireBelow
    // passes it. The current generation refuses destruction, so a change that would replace it in
    // place fails at plan instead. Generation 1 keeps the construct id (the Terraform addresses) the
    // certificate always had.
    const edge = config.dns.edgeCertificate;
    const certificateProps = { domainName: `*.${config.dns.apiDomain}`, zone: { zoneId: this.hostedZone.zoneId } };
    const retained: DnsValidatedCertificate[] = [];
    if (config.endpointType === 'EDGE') {
      this.edgeCertificate = new DnsValidatedCertificate(this, edgeCertificateId(edge.generation), {
        ...certificateProps,
        preventDestroy: edge.preventDestroy,
      });
      for (let generation = 1; generation < edge.generation; generation++) {
        if (generation >= edge.retireBelow) {
          retained.push(new DnsValidatedCertificate(this, edgeCertificateId(generation), { ...certificateProps, retained: true }));
        } else {
          DnsValidatedCertificate.forgetValidation(this, edgeCertificateId(generation));
        }
      }
    } else {
      this.edgeCertificate = undefined;
    }
    this.retainedEdgeCertificates = retained;

    // One key per label: a new label adds a key beside the old one, which stays (the regions accept
    // it) until upstreamKeysAccepted no longer lists it.
    const keyOf = (label: string) => {
      const name = upstreamKeyName(label);
      return new UpstreamApiKey(this, name === undefined ? 'upstream-api-key' : `upstream-api-key-${name}`, name === undefined ? {} : { rotation: label });
    };
    const current = config.upstreamKeyRotation ?? INITIAL_UPSTREAM_KEY;
    this.upstreamApiKey = keyOf(current);
    this.regionalUpstreamApiKeys = new Map([[current, this.upstreamApiKey], ...config.upstreamKeysAccepted.map((label): [string, UpstreamApiKey] => [label, keyOf(label)])]);

    this.dashboard = new GatewayDashboard(this, 'gateway-dashboard', {
      name: naming.dashboardName,
      title: `${naming.prefix}: global AI gateway`,
      namespace: metricNamespace(naming.prefix),
      regions: config.regions,
      chatModels: config.models.filter((m) => m.kind === 'bedrock-chat').map((m) => m.name),
      budgetedTiers: budgetedTiers(config),
      tiers: Object.keys(config.kong.tiers),
      budgetBurnPercent: config.alarms.budgetBurnPercent,
      errorRatePercent: config.alarms.errorRatePercent,
      api: { name: naming.restApiName, stage: naming.stageName },
      alarms: config.regions.flatMap((region) => regionAlarmKeys(budgetedTiers(config)).all.map((key) => ({ region, name: naming.alarmName(key) }))),
      accountId: new DataAwsCallerIdentity(this, 'account').accountId,
    });

    new TerraformOutput(this, GLOBAL_OUTPUTS.zoneId, {
      value: this.hostedZone.zoneId,
      description: 'The hosted zone of the API domain (read by the region stacks).',
    });
    if (this.edgeCertificate) {
      new TerraformOutput(this, GLOBAL_OUTPUTS.edgeCertificateArn, {
        value: this.edgeCertificate.certificateArn,
        description: 'The validated certificate of every regional hostname, for EDGE custom domains (read by the region stacks).',
      });
    }
    new TerraformOutput(this, GLOBAL_OUTPUTS.upstreamApiKey, {
      value: this.upstreamApiKey.value,
      sensitive: true,
      description: 'The API key every regional API requires and Kong injects (read by the region and control stacks).',
    });
    for (const [label, key] of this.regionalUpstreamApiKeys) {
      new TerraformOutput(this, labelledUpstreamKeyOutput(label), {
        value: key.value,
        sensitive: true,
        description: `The API key labelled ${label}, which the regional APIs accept (read by the region stacks).`,
      });
    }
  }

  /**
   * The global stack's outputs as `consumer` reads them: one `terraform_remote_state` data source in
   * the consumer, built by the global stack's own backend (so it finds the state wherever the
   * environment keeps it), and a dependency that orders deploys. The API key is wrapped in
   * `sensitive()`: values read through remote state lose their sensitivity in the reading stack
   * (hashicorp/terraform issue 29544).
   */
  readFrom(consumer: TerraformStack): GlobalResources {
    consumer.addDependency(this);
    const state = this.ensureBackendExists().getRemoteStateDataSource(consumer, GLOBAL_STATE_DATA_SOURCE, this.node.path);
    return {
      zone: { zoneId: state.getString(GLOBAL_OUTPUTS.zoneId) },
      upstreamApiKeyValue: Fn.sensitive(state.getString(GLOBAL_OUTPUTS.upstreamApiKey)),
      regionalUpstreamKeys: [...this.regionalUpstreamApiKeys.keys()].map((label) => ({ label, value: Fn.sensitive(state.getString(labelledUpstreamKeyOutput(label))) })),
      edgeCertificateArn: this.edgeCertificate ? state.getString(GLOBAL_OUTPUTS.edgeCertificateArn) : undefined,
    };
  }
}
