import { Route } from '#gen/kong/route';
import { GovernedRoute, type GovernedRouteProps } from '../../../constructs/kong/governed-route';
import { redisPasswordSecret } from '../../../kong/facts';
import { testConfig, kongDocument } from '../../support/config';
import { kongPlugins, plugin } from '../../support/kong';
import type { TerraformJson } from '../../support/synth';
import { synthConstructsText } from '../../support/synth';
import { rateLimitingConfig } from '../../../constructs/kong/plugin-configs';

function synthRoute(overrides: Partial<GovernedRouteProps> = {}, kongOverrides: Record<string, unknown> = {}): string {
  const kong = testConfig({ kong: kongDocument(kongOverrides) }).kong;
  return synthConstructsText((scope) => {
    new GovernedRoute(scope, 'route', {
      name: 'aigw-test-sentiment',
      serviceId: 'service-1',
      path: '~/v1/sentiment$',
      protocols: kong.routeProtocols,
      authentication: kong,
      allowedGroups: ['nlp'],
      defaultTier: kong.tiers[kong.defaultTier]!,
      rateLimiting: kong.rateLimiting,
      maxBodyBytes: 65536,
      tags: ['app:aigw'],
      ...overrides,
    });
  });
}

describe('GovernedRoute', () => {
  test('matches only POST on the exact path over HTTPS, keeping the path and the upstream’s Host', () => {
    expect(synthRoute()).toHaveResourceWithProperties(Route, {
      name: 'aigw-test-sentiment',
      service_id: 'service-1',
      protocols: ['https'],
      methods: ['POST'],
      paths: ['~/v1/sentiment$'],
      strip_path: false,
      preserve_host: false,
    });
  });

  test('also accepts OPTIONS when CORS preflights must reach Kong', () => {
    expect(synthRoute({ allowPreflight: true })).toHaveResourceWithProperties(Route, { methods: ['POST', 'OPTIONS'] });
  });

  test('is authenticated, authorized, rate limited and size limited', () => {
    const json = JSON.parse(synthRoute()) as TerraformJson;
    expect(kongPlugins(json).map((p) => p.name).sort()).toEqual(['acl', 'key-auth', 'rate-limiting', 'request-size-limiting']);
    expect(kongPlugins(json).every((p) => p.scope === 'route')).toBe(true);
    expect(plugin(json, 'key-auth').config).toEqual({
      key_names: ['apikey'],
      hide_credentials: true,
      key_in_header: true,
      key_in_query: false,
      key_in_body: false,
    });
    expect(plugin(json, 'acl').config).toEqual({ allow: ['nlp'], hide_groups_header: true });
    expect(plugin(json, 'rate-limiting').config).toEqual({
      minute: 60,
      limit_by: 'consumer',
      policy: 'local',
      fault_tolerant: true,
      hide_client_headers: false,
      error_code: 429,
      error_message: 'Rate limit exceeded for your tier; retry after the time in the RateLimit-Reset header.',
    });
    expect(plugin(json, 'request-size-limiting').config).toEqual({ allowed_payload_size: 65536, size_unit: 'bytes', require_content_length: false });
  });

  test('uses basic-auth, with credentials hidden, when configured', () => {
    const json = JSON.parse(synthRoute({}, { authentication: 'basic-auth' })) as TerraformJson;
    expect(plugin(json, 'basic-auth').config).toEqual({ hide_credentials: true });
    expect(kongPlugins(json).some((p) => p.name === 'key-auth')).toBe(false);
  });

  test('counts in Redis over TLS with its host as server name, the password read from the Kong nodes’ environment', () => {
    const kong = testConfig({ kong: kongDocument({ rateLimiting: { policy: 'redis', redis: { host: 'redis.example.com' } } }) }).kong;
    const json = JSON.parse(
      synthConstructsText((scope) => {
        new GovernedRoute(scope, 'route', {
          name: 'r', serviceId: 's', path: '/x', protocols: ['https'], authentication: kong, allowedGroups: ['nlp'],
          defaultTier: kong.tiers['basic']!, rateLimiting: kong.rateLimiting, redisPassword: redisPasswordSecret('aigw-test'), maxBodyBytes: 10, tags: [],
        });
      }),
    ) as TerraformJson;
    expect((plugin(json, 'rate-limiting').config as Record<string, unknown>)['redis']).toEqual({
      host: 'redis.example.com',
      port: 6379,
      ssl: true,
      ssl_verify: true,
      server_name: 'redis.example.com',
      database: 0,
      timeout: 2000,
      password: '{vault://env/aigw-test-redis-password}',
    });
    // No secret, not even a reference to one, passes through Terraform.
    expect(JSON.stringify(json)).not.toMatch(/var\.|sensitive\(/);
  });

  test('Redis without a password gets no password field', () => {
    const kong = testConfig({ kong: kongDocument({ rateLimiting: { policy: 'redis', redis: { host: 'redis.internal', requirePassword: false } } }) }).kong;
    const redis = (rateLimitingConfig(kong.tiers['basic']!, kong.rateLimiting) as { redis: Record<string, unknown> }).redis;
    expect(redis).toMatchObject({ ssl: true, ssl_verify: true, server_name: 'redis.internal' });
    expect(redis).not.toHaveProperty('password');
  });

  test('a literal that merely looks like a reference is escaped, not interpolated', () => {
    const kong = testConfig().kong;
    const json = JSON.parse(
      synthConstructsText((scope) => {
        new GovernedRoute(scope, 'route', {
          name: 'r', serviceId: 's', path: '/x', protocols: ['https'], authentication: kong, allowedGroups: ['nlp'],
          defaultTier: kong.tiers['basic']!, rateLimiting: { ...kong.rateLimiting, errorMessage: 'see ${var.secret}' }, maxBodyBytes: 10, tags: [],
        });
      }),
    ) as TerraformJson;
    expect(plugin(json, 'rate-limiting').raw['config_json']).toContain('"error_message":"see $${var.secret}"');
  });

  test('refuses a route no group may call', () => {
    expect(() => synthRoute({ allowedGroups: [] })).toThrow('GovernedRoute: allowedGroups is []; accepted: at least one ACL group');
  });
});
