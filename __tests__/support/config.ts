import { gatewayConfigSchema, type GatewayConfig } from '../../config/schema';

/** A hosted model document (before defaults) that the default Kong section allows. */
export function modelDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'sentiment', kind: 'sentiment', allowedGroups: ['nlp'], ...overrides };
}

/** A Kong section (before defaults): one group, two tiers, two consumers. */
export function kongDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    groups: ['nlp'],
    tiers: { basic: { minute: 60 }, pro: { second: 10, minute: 600 } },
    defaultTier: 'basic',
    consumers: [
      { username: 'acme', groups: ['nlp'], tier: 'pro' },
      { username: 'globex', groups: ['nlp'], tier: 'basic', credential: 'variable' },
    ],
    ...overrides,
  };
}

/** A small valid configuration document (before defaults), for tests to vary. */
export function configDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    app: 'aigw',
    environment: 'test',
    regions: ['us-east-1', 'eu-west-1'],
    dns: { zoneName: 'example.com', apiDomain: 'api.example.com' },
    models: [modelDocument()],
    kong: kongDocument(),
    ...overrides,
  };
}

/** A validated configuration with defaults applied. */
export function testConfig(overrides: Record<string, unknown> = {}): GatewayConfig {
  return gatewayConfigSchema.parse(configDocument(overrides));
}
