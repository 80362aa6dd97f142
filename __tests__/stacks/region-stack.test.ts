import { App } from 'cdktf';
import { RegionStack } from '../../stacks/region-stack';
import { testConfig } from '../support/config';

describe('RegionStack', () => {
  test('is named <app>-<env>-<region> and answers on <region>.<apiDomain>', () => {
    const stack = new RegionStack(new App(), {
      config: testConfig(),
      region: 'eu-west-1',
      global: { zone: { zoneId: 'Z1' }, upstreamApiKeyValue: 'ref', edgeCertificateArn: 'arn:aws:acm:us-east-1:1:certificate/x' },
    });
    expect(stack.node.id).toBe('aigw-test-eu-west-1');
    expect(stack.hostname).toBe('eu-west-1.api.example.com');
    expect(stack.modelFunctions.map((f) => f.modelName)).toEqual(['sentiment']);
    expect(stack.regionalCertificate).toBeUndefined();
  });

  test('refuses EDGE endpoints when the global stack provides no EDGE certificate', () => {
    expect(
      () =>
        new RegionStack(new App(), {
          config: testConfig({ endpointType: 'EDGE' }),
          region: 'eu-west-1',
          global: { zone: { zoneId: 'Z1' }, upstreamApiKeyValue: 'ref', edgeCertificateArn: undefined },
        }),
    ).toThrow('RegionStack: endpointType is EDGE but the global stack has no EDGE certificate');
  });
});
