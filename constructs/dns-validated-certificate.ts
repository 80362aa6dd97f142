import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Fn, TerraformIterator, Token } from 'cdktf';
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

    // One record per name on the certificate, keyed by the names themselves: they are known when
    // Terraform plans, while the records' values are not until ACM has created the certificate.
    // Keys derived from domain_validation_options (`tolist(...)` of a set whose elements hold
    // unknown values) cannot be known at plan once the certificate has a second name, and plan fails
    // with "Invalid for_each argument". Each record's fields are looked up by name in the options.
    // A wildcard and its apex share one record, so allow_overwrite keeps a second entry from failing.
    const byName = TerraformIterator.fromList(this.certificate.domainValidationOptions).forExpressionForMap('val.domain_name', 'val');
    const names = TerraformIterator.fromList([props.domainName, ...sans]);
    const option = (field: string) => Token.asString(Fn.lookup(Fn.lookup(byName, names.value), field));
    this.validationRecords = new Route53Record(this, 'validation-record', {
      forEach: names,
      zoneId: props.zone.zoneId,
      name: option('resource_record_name'),
      type: option('resource_record_type'),
      records: [option('resource_record_value')],
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
