import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { TerraformOutput } from 'cdktf';
import { DnsValidatedCertificate } from '../../constructs/dns-validated-certificate';
import { onlyResource, synthConstructs, synthConstructsText, type TerraformJson } from '../support/synth';
import { planStack } from '../support/terraform-plan';

const zone = { zoneId: 'Z0000000TEST' };

describe('DnsValidatedCertificate', () => {
  test('requests a DNS-validated certificate, replaced create-before-destroy, with CT logging on', () => {
    const synthesized = synthConstructsText((scope) => {
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

  test('creates one validation record per name, keyed by the configured names, with ACM’s field names (the type is always CNAME)', () => {
    const record = onlyResource(
      synthConstructs((scope) => new DnsValidatedCertificate(scope, 'cert', { domainName: '*.api.example.com', subjectAlternativeNames: ['api.example.com'], zone })),
      'aws_route53_record',
    );
    const field = (name: string) =>
      new RegExp(`^\\$\\{\\{ for key, val in toset\\(tolist\\(aws_acm_certificate\\.cert_\\w+\\.domain_validation_options\\)\\): val\\.domain_name => val \\}\\[each\\.value\\]\\.${name}\\}$`);
    expect(record).toMatchObject({
      for_each: '${toset(["*.api.example.com", "api.example.com"])}',
      name: expect.stringMatching(field('resource_record_name')),
      type: 'CNAME',
      records: [expect.stringMatching(field('resource_record_value'))],
      zone_id: 'Z0000000TEST',
      ttl: 60,
      allow_overwrite: true,
    });
  });

  test('plans with the real terraform when the certificate has two names (keys known at plan)', () => {
    const json = synthConstructs((scope) => {
      new DnsValidatedCertificate(scope, 'cert', { domainName: '*.api.example.com', subjectAlternativeNames: ['api.example.com'], zone });
    });
    const { run, plan } = planStack(json);
    expect(run.output).not.toMatch(/Error: /); // Terraform's diagnostics ("Error: ..."), not a metric named 5XXError
    expect(plan!.resource_changes.filter((c) => c.address.includes('aws_route53_record')).map((c) => c.index).sort()).toEqual(['*.api.example.com', 'api.example.com']);
  });

  test('keys taken from the validation options themselves would fail that plan (the shape this replaced)', () => {
    const json = synthConstructs((scope) => {
      new DnsValidatedCertificate(scope, 'cert', { domainName: '*.api.example.com', subjectAlternativeNames: ['api.example.com'], zone });
    });
    const record = Object.values(json.resource!['aws_route53_record']!)[0]!;
    const certificate = Object.keys(json.resource!['aws_acm_certificate']!)[0]!;
    record['for_each'] = `\${{ for key, val in tolist(aws_acm_certificate.${certificate}.domain_validation_options): val.domain_name => val }}`;
    expect(planStack(json).run.output).toMatch(/Invalid for_each argument/);
  });

  test('waits for validation through the records’ FQDNs, and exposes the validated ARN', () => {
    const synthesized = synthConstructsText((scope) => {
      const cert = new DnsValidatedCertificate(scope, 'cert', { domainName: 'api.example.com', subjectAlternativeNames: ['www.example.com'], zone });
      new TerraformOutput(scope, 'arn', { value: cert.certificateArn });
    });
    expect(synthesized).toHaveResource(AcmCertificateValidation);
    expect(synthesized).toHaveResourceWithProperties(Route53Record, { zone_id: 'Z0000000TEST' });
    const json = JSON.parse(synthesized) as TerraformJson;
    const validation = onlyResource(json, 'aws_acm_certificate_validation');
    expect(validation).toMatchObject({
      certificate_arn: expect.stringMatching(/^\$\{aws_acm_certificate\.cert_\w+\.arn\}$/),
      validation_record_fqdns: expect.stringMatching(/^\$\{\[ for key, val in aws_route53_record\.cert_validation-record_\w+: val\.fqdn\]\}$/),
    });
    expect(onlyResource(json, 'aws_acm_certificate')).toMatchObject({ subject_alternative_names: ['www.example.com'] });
    expect(json.output?.['arn']?.value).toMatch(/^\$\{aws_acm_certificate_validation\.cert_validation_\w+\.certificate_arn\}$/);
  });

  test('rejects a SAN that repeats the domain name', () => {
    expect(() =>
      synthConstructsText((scope) => {
        new DnsValidatedCertificate(scope, 'cert', { domainName: 'a.example.com', subjectAlternativeNames: ['a.example.com'], zone });
      }),
    ).toThrow('DnsValidatedCertificate: "a.example.com" is both the domain name and a subject alternative name; list it once');
  });
});
