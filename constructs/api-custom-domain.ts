import { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import type { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';
import { DOMAIN_SECURITY_POLICY, type EndpointType } from '../aws/facts';
import type { ApiStage } from './api-stage';
import type { HostedZoneRef } from './dns-validated-certificate';

/** Properties of an {@link ApiCustomDomain}. */
export interface ApiCustomDomainProps {
  /** The hostname, e.g. `eu-west-1.api.example.com`. */
  readonly hostname: string;
  /** Must match the API's endpoint type. */
  readonly endpointType: EndpointType;
  /**
   * A validated ACM certificate covering `hostname`: in us-east-1 for EDGE, in the API's own region
   * for REGIONAL. Pass the validation's ARN so the domain waits for issuance.
   */
  readonly certificateArn: string;
  /** The hosted zone that gets the alias records. */
  readonly zone: HostedZoneRef;
  /** The API to map. */
  readonly restApi: ApiGatewayRestApi;
  /** The stage to map at the root path. */
  readonly stage: ApiStage;
}

/**
 * A custom domain for the API: the domain name (TLS 1.2 minimum, CKV_AWS_206), the API's stage
 * mapped at its root, and a Route 53 A alias. An EDGE domain is a CloudFront distribution, so the
 * alias points at CloudFront and must not evaluate target health; a REGIONAL domain points at the
 * regional endpoint.
 *
 * IPv4 only: a custom domain's IP address type defaults to IPv4 ("The default IP address type for
 * API Gateway custom domain names for public APIs is IPv4", API Gateway developer guide,
 * rest-custom-domain-ip-address-type.html), and Route 53's alias guide names an A record for API
 * Gateway targets; an AAAA alias to an IPv4-only endpoint would never answer. Kong, the only client,
 * reaches the regions over IPv4.
 * @see https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-values-alias.html
 */
export class ApiCustomDomain extends Construct {
  /** The hostname. */
  readonly hostname: string;
  /** The domain name resource. */
  readonly domainName: ApiGatewayDomainName;
  /** Maps the stage at the root path. */
  readonly basePathMapping: ApiGatewayBasePathMapping;
  /** The IPv4 alias. */
  readonly record: Route53Record;

  constructor(scope: Construct, id: string, props: ApiCustomDomainProps) {
    super(scope, id);
    this.hostname = props.hostname;
    const edge = props.endpointType === 'EDGE';

    this.domainName = new ApiGatewayDomainName(this, 'Resource', {
      domainName: props.hostname,
      endpointConfiguration: { types: [props.endpointType] },
      securityPolicy: DOMAIN_SECURITY_POLICY,
      ...(edge ? { certificateArn: props.certificateArn } : { regionalCertificateArn: props.certificateArn }),
    });

    this.basePathMapping = new ApiGatewayBasePathMapping(this, 'base-path-mapping', {
      apiId: props.restApi.id,
      stageName: props.stage.stageName,
      domainName: this.domainName.domainName,
    });

    const target = edge
      ? { name: this.domainName.cloudfrontDomainName, zoneId: this.domainName.cloudfrontZoneId }
      : { name: this.domainName.regionalDomainName, zoneId: this.domainName.regionalZoneId };
    this.record = new Route53Record(this, 'alias-a', {
      zoneId: props.zone.zoneId,
      name: this.domainName.domainName,
      type: 'A',
      alias: { ...target, evaluateTargetHealth: false },
    });
  }

  /** The base URL clients (Kong) call, e.g. `https://eu-west-1.api.example.com`. */
  get url(): string {
    return `https://${this.hostname}`;
  }
}
