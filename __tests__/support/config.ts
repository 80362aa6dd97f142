import { gatewayConfigSchema, type GatewayConfig } from '../../lib/config/schema';

/** A small valid configuration document (before defaults), for tests to vary. */
export function configDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    app: 'aigw',
    environment: 'test',
    regions: ['us-east-1', 'eu-west-1'],
    dns: { zoneName: 'example.com', apiDomain: 'api.example.com' },
    models: [{ name: 'sentiment', kind: 'sentiment' }],
    ...overrides,
  };
}

/** A validated configuration with defaults applied. */
export function testConfig(overrides: Record<string, unknown> = {}): GatewayConfig {
  return gatewayConfigSchema.parse(configDocument(overrides));
}
