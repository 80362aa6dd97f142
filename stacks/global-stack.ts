import { DataAwsRoute53Zone } from '@cdktf/provider-aws/lib/data-aws-route53-zone';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import type { Construct } from 'constructs';
import { DnsValidatedCertificate, type HostedZoneRef } from '../constructs/dns-validated-certificate';
import { UpstreamApiKey } from '../constructs/upstream-api-key';
import { GLOBAL_STACK_REGION } from '../lib/aws';
import type { GatewayConfig } from '../lib/config/schema';
import { Naming } from '../lib/naming';
import { GatewayStack } from './gateway-stack';

/** What the region stacks need from the global stack. */
export interface GlobalResources {
  /** The hosted zone of the API domain. */
  readonly zone: HostedZoneRef;
  /** The generated API key every regional API requires (sensitive). */
  readonly upstreamApiKeyValue: string;
  /** The validated us-east-1 certificate for EDGE domains; undefined for REGIONAL endpoints. */
  readonly edgeCertificateArn: string | undefined;
}

/** Properties of the {@link GlobalStack}. */
export interface GlobalStackProps {
  /** The validated configuration of the environment. */
  readonly config: GatewayConfig;
}

/**
 * `<app>-<env>-global`, in us-east-1 (where EDGE certificates must live): the hosted zone lookup,
 * the certificate of every regional hostname, and the secrets regions and Kong share.
 */
export class GlobalStack extends GatewayStack implements GlobalResources {
  /** The hosted zone of the configured zone name. */
  readonly hostedZone: DataAwsRoute53Zone;
  /** The zone, as constructs take it. */
  readonly zone: HostedZoneRef;
  /** The certificate of the regional hostnames, for EDGE endpoints. */
  readonly edgeCertificate: DnsValidatedCertificate | undefined;
  /** The API key Kong injects and every regional API requires. */
  readonly upstreamApiKey: UpstreamApiKey;

  constructor(scope: Construct, props: GlobalStackProps) {
    const { config } = props;
    super(scope, new Naming(config.app, config.environment).globalStack, { config, region: GLOBAL_STACK_REGION });
    new RandomProvider(this, 'random');

    this.hostedZone = new DataAwsRoute53Zone(this, 'zone', { name: config.dns.zoneName, privateZone: false });
    this.zone = { zoneId: this.hostedZone.zoneId };

    // One wildcard, *.<apiDomain>, rather than one SAN per region: every regional hostname is exactly
    // one label under the API domain, so the wildcard covers them all with a single validation
    // record; adding or removing a region then never replaces the certificate in use by every
    // other region's CloudFront distribution; and ACM's default quota of 10 names per certificate
    // never caps the number of regions. The wildcard covers nothing but the API domain's own
    // subdomains, and its private key never leaves ACM.
    this.edgeCertificate =
      config.endpointType === 'EDGE'
        ? new DnsValidatedCertificate(this, 'edge-certificate', {
            domainName: `*.${config.dns.apiDomain}`,
            zone: this.zone,
          })
        : undefined;

    this.upstreamApiKey = new UpstreamApiKey(this, 'upstream-api-key', { rotation: config.upstreamKeyRotation });
  }

  get upstreamApiKeyValue(): string {
    return this.upstreamApiKey.value;
  }

  get edgeCertificateArn(): string | undefined {
    return this.edgeCertificate?.certificateArn;
  }
}
