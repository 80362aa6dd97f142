import { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { ApiCustomDomain } from '../../constructs/api-custom-domain';
import type { EndpointType } from '../../aws/facts';
import { modelApiFixture } from '../support/fixtures';
import { resources, synthConstructsText } from '../support/synth';

function synthDomain(endpointType: EndpointType): string {
  return synthConstructsText((scope) => {
    const api = modelApiFixture(scope, { endpointType });
    new ApiCustomDomain(scope, 'domain', {
      hostname: 'eu-west-1.api.example.com',
      endpointType,
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/test',
      zone: { zoneId: 'ZTEST' },
      restApi: api.restApi,
      stage: api.stage,
    });
  });
}

describe('ApiCustomDomain', () => {
  test('EDGE: the us-east-1 certificate, TLS 1.2, and an IPv4 alias to CloudFront without health evaluation', () => {
    const synthesized = synthDomain('EDGE');
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayDomainName, {
      domain_name: 'eu-west-1.api.example.com',
      certificate_arn: 'arn:aws:acm:us-east-1:123456789012:certificate/test',
      endpoint_configuration: { types: ['EDGE'] },
      security_policy: 'TLS_1_2',
    });
    expect(synthesized).toHaveResourceWithProperties(Route53Record, { type: 'A' });
    const records = resources(JSON.parse(synthesized), 'aws_route53_record');
    // No AAAA: the custom domain is IPv4 (API Gateway's default), so an IPv6 alias would never answer.
    expect(records.map((r) => r['type'])).toEqual(['A']);
    for (const record of records) {
      expect(record).toMatchObject({
        zone_id: 'ZTEST',
        alias: {
          name: expect.stringMatching(/\.cloudfront_domain_name\}$/),
          zone_id: expect.stringMatching(/\.cloudfront_zone_id\}$/),
          evaluate_target_health: false,
        },
      });
    }
  });

  test('REGIONAL: the regional certificate and aliases to the regional endpoint', () => {
    const synthesized = synthDomain('REGIONAL');
    expect(synthesized).toHaveResourceWithProperties(ApiGatewayDomainName, {
      regional_certificate_arn: 'arn:aws:acm:us-east-1:123456789012:certificate/test',
      endpoint_configuration: { types: ['REGIONAL'] },
      security_policy: 'TLS_1_2',
    });
    expect(synthesized).not.toHaveResourceWithProperties(ApiGatewayDomainName, { certificate_arn: expect.anything() });
    for (const record of resources(JSON.parse(synthesized), 'aws_route53_record')) {
      expect(record['alias']).toMatchObject({ name: expect.stringMatching(/\.regional_domain_name\}$/), zone_id: expect.stringMatching(/\.regional_zone_id\}$/) });
    }
  });

  test('maps the stage at the root path, so model URLs are https://<host>/v1/<model>', () => {
    const synthesized = synthDomain('EDGE');
    expect(synthesized).toHaveResource(ApiGatewayBasePathMapping);
    expect(synthesized).not.toHaveResourceWithProperties(ApiGatewayBasePathMapping, { base_path: expect.anything() });
  });
});
