import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Fn, TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';
import { contradictoryProps } from '../core/errors';
import { forgetResource } from '../terraform/facts';

/** The type of every ACM DNS validation record. @see https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html */
export const DNS_VALIDATION_RECORD_TYPE = 'CNAME';

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
  /**
   * Terraform refuses any plan that would destroy or replace the certificate (`prevent_destroy`):
   * for a certificate another stack uses, whose replacement in this stack alone cannot complete.
   * @default false
   */
  readonly preventDestroy?: boolean;
  /**
   * A certificate kept from an earlier generation while others may still use it: Terraform plans
   * no change to it (`ignore_changes = all`, so configuration that changed since cannot replace it),
   * and forgets its validation records and validation rather than destroying them (a later
   * certificate for the same names uses the same records). Destroyed once it leaves the
   * configuration. `certificateArn` is then the certificate's own ARN.
   * @default false
   */
  readonly retained?: boolean;
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
  /** Construct ids of the children: with the construct's own id, they make the Terraform addresses. */
  static readonly CHILD_IDS = { certificate: 'Resource', validationRecords: 'validation-record', validation: 'validation' } as const;

  /**
   * Forgets, without destroying, the validation records and validation a certificate construct
   * with id `id` had in `scope` (see {@link DnsValidatedCertificateProps.retained}). ACM uses one
   * validation record per domain name and account for every certificate of that name, so deleting
   * an old certificate's records would take them from its successor.
   * @see https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html
   */
  static forgetValidation(scope: Construct, id: string): void {
    DnsValidatedCertificate.forgetValidationUnder(new Construct(scope, id));
  }

  private static forgetValidationUnder(owner: Construct): void {
    const ids = DnsValidatedCertificate.CHILD_IDS;
    forgetResource(new Construct(owner, ids.validationRecords), 'aws_route53_record');
    forgetResource(new Construct(owner, ids.validation), 'aws_acm_certificate_validation');
  }

  /** The certificate. */
  readonly certificate: AcmCertificate;
  /** The validation records, one per distinct validation name; undefined when retained. */
  readonly validationRecords: Route53Record | undefined;
  /** Completes when ACM has issued the certificate; undefined when retained. */
  readonly validation: AcmCertificateValidation | undefined;
  /** The ARN of the issued certificate; referencing it waits for validation. */
  readonly certificateArn: string;

  constructor(scope: Construct, id: string, props: DnsValidatedCertificateProps) {
    super(scope, id);
    const ids = DnsValidatedCertificate.CHILD_IDS;
    if (props.retained && props.preventDestroy) {
      throw contradictoryProps('DnsValidatedCertificate', 'a retained certificate is there to be destroyed later; it cannot also prevent its destruction');
    }
    const sans = props.subjectAlternativeNames ?? [];
    if (sans.includes(props.domainName)) {
      throw contradictoryProps(
        'DnsValidatedCertificate',
        `"${props.domainName}" is both the domain name and a subject alternative name; list it once`,
      );
    }

    this.certificate = new AcmCertificate(this, ids.certificate, {
      domainName: props.domainName,
      subjectAlternativeNames: sans.length ? [...sans] : undefined,
      validationMethod: 'DNS',
      options: { certificateTransparencyLoggingPreference: 'ENABLED' },
      lifecycle: {
        createBeforeDestroy: true,
        ...(props.preventDestroy ? { preventDestroy: true } : {}),
        ...(props.retained ? { ignoreChanges: 'all' } : {}),
      },
    });
    if (props.retained) {
      this.validationRecords = undefined;
      this.validation = undefined;
      this.certificateArn = this.certificate.arn;
      DnsValidatedCertificate.forgetValidationUnder(this);
      return;
    }

    // One record per name on the certificate, keyed by the names themselves: they are known when
    // Terraform plans, while the records' values are not until ACM has created the certificate.
    // Keys derived from domain_validation_options (`tolist(...)` of a set whose elements hold
    // unknown values) cannot be known at plan once the certificate has a second name, and plan fails
    // with "Invalid for_each argument". Each record's fields are looked up by name in the options.
    // A wildcard and its apex share one record, so allow_overwrite keeps a second entry from failing.
    const byName = TerraformIterator.fromList(this.certificate.domainValidationOptions).forExpressionForMap('val.domain_name', 'val');
    const names = TerraformIterator.fromList([props.domainName, ...sans]);
    const option = (field: string) => Token.asString(Fn.lookup(Fn.lookup(byName, names.value), field));
    this.validationRecords = new Route53Record(this, ids.validationRecords, {
      forEach: names,
      zoneId: props.zone.zoneId,
      name: option('resource_record_name'),
      // Always CNAME: ACM validates a name through a CNAME record it provides (ACM User Guide, "DNS
      // validation"); written as a literal, so the record's type is known without ACM.
      type: DNS_VALIDATION_RECORD_TYPE,
      records: [option('resource_record_value')],
      ttl: 60,
      allowOverwrite: true,
    });

    this.validation = new AcmCertificateValidation(this, ids.validation, {
      certificateArn: this.certificate.arn,
      validationRecordFqdns: Token.asList(TerraformIterator.fromResources(this.validationRecords).pluckProperty('fqdn')),
    });
    this.certificateArn = this.validation.certificateArn;
  }
}
