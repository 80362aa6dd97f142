import { Target } from '#gen/kong/target';
import { Upstream } from '#gen/kong/upstream';
import { RegionalUpstream } from '../../../constructs/kong/regional-upstream';
import { targetCreateRequest } from '../../../guardrails/kong-provider-wire';
import { testConfig } from '../../support/config';
import { onlyResource, resources, synthConstructsText } from '../../support/synth';

const healthchecks = testConfig().kong.upstream.healthchecks;

describe('RegionalUpstream', () => {
  const synthesized = synthConstructsText((scope) => {
    new RegionalUpstream(scope, 'upstream', {
      name: 'aigw-test-models.upstream',
      targets: [
        { key: 'us-east-1', host: 'us-east-1.api.example.com', port: 443, weight: 100 },
        { key: 'eu-west-1', host: 'eu-west-1.api.example.com', port: 443, weight: 0 },
      ],
      healthchecks,
      tags: ['app:aigw'],
    });
  });
  const json = JSON.parse(synthesized);

  test('one target per region that takes traffic, host:443, with its weight', () => {
    expect(synthesized).toHaveResourceWithProperties(Target, { target: 'us-east-1.api.example.com:443', weight: 100 });
    for (const target of resources(json, 'kong_target')) expect(target['upstream_id']).toMatch(/^\$\{kong_upstream\./);
  });

  test('a drained region (weight 0) gets no target: the provider would not send weight 0, and Kong would store 100', () => {
    expect(resources(json, 'kong_target').map((t) => t['target'])).toEqual(['us-east-1.api.example.com:443']);
    // What the provider would POST for a target of weight 0: no weight at all.
    expect(targetCreateRequest({ upstream_id: 'u', target: 'eu-west-1.api.example.com:443', weight: 0, tags: ['app:aigw'] })).toEqual({
      method: 'POST',
      path: '/upstreams/u/targets',
      body: { target: 'eu-west-1.api.example.com:443', upstream: { id: 'u' }, tags: ['app:aigw'] },
    });
  });

  test('the provider sends each synthesized target with its weight', () => {
    const [target] = resources(json, 'kong_target');
    const request = targetCreateRequest(target!);
    expect(request.path).toMatch(/^\/upstreams\/\$\{kong_upstream\.[\w-]+\.id\}\/targets$/);
    expect(JSON.stringify(request.body)).toBe(
      `{"target":"us-east-1.api.example.com:443","upstream":{"id":"${target!['upstream_id']}"},"weight":100,"tags":["app:aigw"]}`,
    );
  });

  test('target ids follow the region, not the hostname, so a domain change keeps addresses', () => {
    expect(Object.keys(json.resource.kong_target).every((id) => /^upstream_target-(us-east-1|eu-west-1)_\w+$/.test(id))).toBe(true);
  });

  test('probes GET /health over HTTPS with verified certificates, and watches proxied traffic', () => {
    expect(synthesized).toHaveResourceWithProperties(Upstream, { name: 'aigw-test-models.upstream' });
    const { healthchecks: checks } = onlyResource(json, 'kong_upstream') as { healthchecks: Record<string, any> };
    expect(checks['active']).toEqual({
      type: 'https',
      http_path: '/health',
      timeout: 2,
      concurrency: 2,
      https_verify_certificate: true,
      healthy: { interval: 10, successes: 2, http_statuses: [200, 201, 202, 204] },
      // Not 429: /health is open, so a throttled probe is the doing of whoever floods it.
      unhealthy: { interval: 10, http_failures: 3, tcp_failures: 3, timeouts: 3, http_statuses: [500, 502, 503, 504] },
    });
    expect(checks['passive']).toEqual({
      type: 'https',
      healthy: { successes: 5, http_statuses: [200, 201, 202, 204] },
      unhealthy: { http_failures: 5, tcp_failures: 5, timeouts: 3, http_statuses: [500, 502, 503, 504] },
    });
  });

  test('leaves host_header unset, so each target gets its own hostname as Host and SNI', () => {
    expect(onlyResource(json, 'kong_upstream')).not.toHaveProperty('host_header');
    expect(checksSni(json)).toBe(false);
  });

  test('refuses an upstream without a target that takes traffic', () => {
    expect(() =>
      synthConstructsText((scope) => new RegionalUpstream(scope, 'u', { name: 'x', targets: [], healthchecks, tags: [] })),
    ).toThrow('RegionalUpstream: targets is []; accepted: at least one target with a weight above 0');
    expect(() =>
      synthConstructsText(
        (scope) => new RegionalUpstream(scope, 'u', { name: 'x', targets: [{ key: 'a', host: 'a.example.com', port: 443, weight: 0 }], healthchecks, tags: [] }),
      ),
    ).toThrow('accepted: at least one target with a weight above 0');
  });
});

function checksSni(json: { resource: { kong_upstream: Record<string, { healthchecks: { active: Record<string, unknown> } }> } }): boolean {
  return Object.values(json.resource.kong_upstream).some((u) => 'https_sni' in u.healthchecks.active);
}
