import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';
import { contradictoryProps } from '../lib/errors';

/** A Route 53 hosted zone, as constructs need it. */
export interface HostedZoneRef {
  /** The zone id. */
  readonly zoneId: string;
}

/** Properties of a {@link DnsValidatedCertificate}. */
export interface DnsValidatedCertificateProps {
  /** The certificate's primary name, e.g. `*.api.example.com`. */
  readonly domainName: string;
  /** Further names on the certificate. @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /** The public hosted zone that holds the validation records. */
  readonly zone: HostedZoneRef;
}

/**
 * An ACM certificate validated through DNS records in a Route 53 zone.
 *
 * `certificateArn` comes from the `aws_acm_certificate_validation`, so whatever uses it waits until
 * ACM has issued the certificate. The certificate is replaced create-before-destroy (checkov
 * CKV_AWS_233), and certificate-transparency logging is stated explicitly (CKV_AWS_234).
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/acm_certificate_validation
 */
export class DnsValidatedCertificate extends Construct {
  /** The certificate. */
  readonly certificate: AcmCertificate;
  /** The validation records, one per distinct validation name. */
  readonly validationRecords: Route53Record;
  /** Completes when ACM has issued the certificate. */
  readonly validation: AcmCertificateValidation;
  /** The ARN of the issued certificate; referencing it waits for validation. */
  readonly certificateArn: string;

  constructor(scope: Construct, id: string, props: DnsValidatedCertificateProps) {
    super(scope, id);
    const sans = props.subjectAlternativeNames ?? [];
    if (sans.includes(props.domainName)) {
      throw contradictoryProps(
        'DnsValidatedCertificate',
        `"${props.domainName}" is both the domain name and a subject alternative name; list it once`,
      );
    }

    this.certificate = new AcmCertificate(this, 'certificate', {
      domainName: props.domainName,
      subjectAlternativeNames: sans.length ? [...sans] : undefined,
      validationMethod: 'DNS',
      options: { certificateTransparencyLoggingPreference: 'ENABLED' },
      lifecycle: { createBeforeDestroy: true },
    });

    // domain_validation_options is a set: iterate it keyed by domain name (a wildcard and its apex
    // share one record, so allow_overwrite keeps a second entry from failing).
    const options = TerraformIterator.fromComplexList(this.certificate.domainValidationOptions, 'domain_name');
    this.validationRecords = new Route53Record(this, 'validation-record', {
      forEach: options,
      zoneId: props.zone.zoneId,
      name: options.getString('resource_record_name'),
      type: options.getString('resource_record_type'),
      records: [options.getString('resource_record_value')],
      ttl: 60,
      allowOverwrite: true,
    });

    this.validation = new AcmCertificateValidation(this, 'validation', {
      certificateArn: this.certificate.arn,
      validationRecordFqdns: Token.asList(TerraformIterator.fromResources(this.validationRecords).pluckProperty('fqdn')),
    });
    this.certificateArn = this.validation.certificateArn;
  }
}
