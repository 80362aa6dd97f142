import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Testing, TerraformOutput } from 'cdktf';
import { DnsValidatedCertificate } from '../../constructs/dns-validated-certificate';
import { onlyResource, synthConstructs, type TerraformJson } from '../support/synth';

const zone = { zoneId: 'Z0000000TEST' };

describe('DnsValidatedCertificate', () => {
  test('requests a DNS-validated certificate, replaced create-before-destroy, with CT logging on', () => {
    const synthesized = Testing.synthScope((scope) => {
      new DnsValidatedCertificate(scope, 'cert', { domainName: '*.api.example.com', zone });
    });
    expect(synthesized).toHaveResourceWithProperties(AcmCertificate, {
      domain_name: '*.api.example.com',
      validation_method: 'DNS',
      lifecycle: { create_before_destroy: true },
      options: { certificate_transparency_logging_preference: 'ENABLED' },
    });
    expect(onlyResource(JSON.parse(synthesized), 'aws_acm_certificate')).not.toHaveProperty('subject_alternative_names');
  });

  test('creates one validation record per validation option, keyed by domain name, with ACM’s field names', () => {
    const record = onlyResource(
      synthConstructs((scope) => new DnsValidatedCertificate(scope, 'cert', { domainName: '*.api.example.com', zone })),
      'aws_route53_record',
    );
    expect(record).toMatchObject({
      for_each: expect.stringMatching(/^\$\{\{ for key, val in tolist\(aws_acm_certificate\.cert_certificate_\w+\.domain_validation_options\): val\.domain_name => val \}\}$/),
      name: '${each.value.resource_record_name}',
      type: '${each.value.resource_record_type}',
      records: ['${each.value.resource_record_value}'],
      zone_id: 'Z0000000TEST',
      ttl: 60,
      allow_overwrite: true,
    });
  });

  test('waits for validation through the records’ FQDNs, and exposes the validated ARN', () => {
    const synthesized = Testing.synthScope((scope) => {
      const cert = new DnsValidatedCertificate(scope, 'cert', { domainName: 'api.example.com', subjectAlternativeNames: ['www.example.com'], zone });
      new TerraformOutput(scope, 'arn', { value: cert.certificateArn });
    });
    expect(synthesized).toHaveResource(AcmCertificateValidation);
    expect(synthesized).toHaveResourceWithProperties(Route53Record, { zone_id: 'Z0000000TEST' });
    const json = JSON.parse(synthesized) as TerraformJson;
    const validation = onlyResource(json, 'aws_acm_certificate_validation');
    expect(validation).toMatchObject({
      certificate_arn: expect.stringMatching(/^\$\{aws_acm_certificate\.cert_certificate_\w+\.arn\}$/),
      validation_record_fqdns: expect.stringMatching(/^\$\{\[ for key, val in aws_route53_record\.cert_validation-record_\w+: val\.fqdn\]\}$/),
    });
    expect(onlyResource(json, 'aws_acm_certificate')).toMatchObject({ subject_alternative_names: ['www.example.com'] });
    expect(json.output?.['arn']?.value).toMatch(/^\$\{aws_acm_certificate_validation\.cert_validation_\w+\.certificate_arn\}$/);
  });

  test('rejects a SAN that repeats the domain name', () => {
    expect(() =>
      Testing.synthScope((scope) => {
        new DnsValidatedCertificate(scope, 'cert', { domainName: 'a.example.com', subjectAlternativeNames: ['a.example.com'], zone });
      }),
    ).toThrow('DnsValidatedCertificate: "a.example.com" is both the domain name and a subject alternative name; list it once');
  });
});
