import { loadConfig, resolveConfigSource } from '../../config/load';
import { testConfig, kongDocument, modelDocument } from '../support/config';
import { kongPlugins, plugin } from '../support/kong';
import { classifyStatus, counterKey, instanceFor } from '../support/kong-runtime';
import { normalizeSynth } from '../support/normalize';
import { onlyResource, resourceCounts, resources, synthesizeEnvironment, type SynthesizedApp, type TerraformJson } from '../support/synth';

const CONTROL = 'aigw-dev-control';

/** Secrets as an operator would provide them; none may ever reach the synthesized output. */
const KNOWN_SECRETS: Record<string, string> = {
  TF_VAR_kong_admin_token: 'kong-admin-token-5f1c9e',
  KONG_ADMIN_TOKEN: 'kong-admin-token-env-77ab21',
  TF_VAR_kong_admin_uri: 'https://kong-admin.secret-host.internal:8444',
  KONG_ADMIN_ADDR: 'https://kong-admin-env.secret-host.internal:8444',
  TF_VAR_llm_credential_chat: 'sk-test-openai-0d2c44e1',
  TF_VAR_consumer_secret_batch_jobs: 'batch-jobs-key-93be07',
  TF_VAR_kong_redis_password: 'redis-password-1aa9f3',
};

describe('the dev control stack', () => {
  let synth: SynthesizedApp;
  let control: TerraformJson;
  const saved: Record<string, string | undefined> = {};

  beforeAll(() => {
    for (const [name, value] of Object.entries(KNOWN_SECRETS)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    synth = synthesizeEnvironment(loadConfig(resolveConfigSource({})));
    control = synth.stack(CONTROL);
  });
  afterAll(() => {
    synth.cleanup();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test('creates the Kong entities of the dev configuration', () => {
    expect(resourceCounts(control)).toEqual({
      kong_upstream: 1,
      kong_target: 3,
      kong_service: 3,
      kong_route: 5,
      kong_consumer: 2,
      kong_consumer_acl: 3,
      kong_consumer_key_auth: 2,
      // 4 per route, ai-proxy and ai-prompt-guard, 4 on the models service and 4 on the streaming
      // model's service, 3 on the LLM service, 2 tiers
      kong_plugin: 5 * 4 + 2 + 4 + 4 + 3 + 2,
    });
  });

  test('has one upstream target per region at <region>.<apiDomain>:443', () => {
    expect(resources(control, 'kong_target').map((t) => t['target']).sort()).toEqual([
      'ap-southeast-2.api.dev.example.com:443',
      'eu-west-1.api.dev.example.com:443',
      'us-east-1.api.dev.example.com:443',
    ]);
  });

  test('the models service sends HTTPS to the upstream and injects the global stack’s key', () => {
    const service = resources(control, 'kong_service').find((s) => s['name'] === 'aigw-dev-models')!;
    expect(service).toMatchObject({ protocol: 'https', host: expect.stringMatching(/^\$\{kong_upstream\.regional-upstream_\w+\.name\}$/), port: 443, read_timeout: 29000 });
    expect(resources(control, 'kong_upstream')[0]!['name']).toBe('aigw-dev-models.upstream');
    const injection = plugin(control, 'request-transformer', /gateway-service-models/);
    expect(injection.config).toMatch(
      /^\$\{jsonencode\(\{"remove" = \{"headers" = \["x-api-key"\]\}, "add" = \{"headers" = \["x-api-key:\$\{sensitive\(data\.terraform_remote_state\.global\.outputs\.upstream_api_key\)\}"\]\}\}\)\}$/,
    );
  });

  test('the streaming model has its own service on the same upstream, with the key, a read timeout for its stream and an unbuffered route', () => {
    const models = resources(control, 'kong_service').find((s) => s['name'] === 'aigw-dev-models')!;
    const stream = resources(control, 'kong_service').find((s) => s['name'] === 'aigw-dev-stream-assistant')!;
    // The first byte within 20 s (streaming.firstTokenTimeoutSeconds), then a byte every 10 s at most; 5 s for the network.
    expect(stream).toMatchObject({ protocol: 'https', host: models['host'], port: 443, read_timeout: 25_000, retries: models['retries'] });
    expect(plugin(control, 'request-transformer', /gateway-service-stream-assistant/).config).toBe(plugin(control, 'request-transformer', /gateway-service-models/).config);
    const routes = resources(control, 'kong_route');
    const assistant = routes.find((r) => r['name'] === 'aigw-dev-assistant')!;
    expect(assistant).toMatchObject({ response_buffering: false, service_id: expect.stringContaining('gateway-service-stream-assistant') });
    // The external LLM's route streams too (ai-proxy streams a request that asks for it); the others buffer.
    expect(routes.find((r) => r['name'] === 'aigw-dev-chat')).toMatchObject({ response_buffering: false });
    for (const other of routes.filter((r) => !['aigw-dev-assistant', 'aigw-dev-chat'].includes(r['name'] as string))) expect(other).not.toHaveProperty('response_buffering');
  });

  test('the external LLM has its own service, to the provider, which never receives the regional key', () => {
    const service = resources(control, 'kong_service').find((s) => s['name'] === 'aigw-dev-llm-chat')!;
    expect(service).toMatchObject({ protocol: 'https', host: 'api.openai.com', port: 443 });
    const onLlmService = kongPlugins(control).filter((p) => p.scope === 'service' && p.scopeRef.includes('gateway-service-llm-chat'));
    expect(onLlmService.map((p) => p.name).sort()).toEqual(['correlation-id', 'cors', 'prometheus']);
    expect(plugin(control, 'ai-proxy').config).toMatchObject({ auth: { header_name: 'Authorization', header_value: '{vault://env/aigw-dev-llm-chat}' }, response_streaming: 'allow' });
    expect(plugin(control, 'ai-prompt-guard').config).toMatchObject({ deny_patterns: ['(?i)ignore (all )?previous instructions'] });
  });

  test('a tier is one budget per consumer across every model: Kong runs the consumer’s own instance on every route, counting with no route or service in the key', () => {
    const limits = kongPlugins(control).filter((p) => p.name === 'rate-limiting');
    const routes = resources(control, 'kong_route');
    const routeRefs = Object.keys(control.resource!['kong_route']!).map((id) => `\${kong_route.${id}.id}`);
    for (const consumerId of Object.keys(control.resource!['kong_consumer']!)) {
      const consumerRef = `\${kong_consumer.${consumerId}.id}`;
      const keys = routes.map((route, i) => {
        const request = { routeRef: routeRefs[i]!, serviceRef: route['service_id'] as string, consumerRef };
        const instance = instanceFor(limits, request)!;
        expect(instance.scope).toBe('consumer');
        expect(instance.scopeRef).toBe(consumerRef);
        return counterKey(instance, request);
      });
      // The same counter on all five routes.
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).toMatch(/^ratelimit:0{8}-0{4}-0{4}-0{4}-0{12}:0{8}-0{4}-0{4}-0{4}-0{12}:/);
    }
    // The tiers as configured: web-app is on team, batch-jobs on free.
    const tierOf = (username: string) => {
      const [consumerId] = Object.entries(control.resource!['kong_consumer']!).find(([, c]) => c['username'] === username)!;
      return limits.find((p) => p.scopeRef === `\${kong_consumer.${consumerId}.id}`)!.config;
    };
    expect(tierOf('web-app')).toMatchObject({ second: 20, minute: 1000, hour: 20000, limit_by: 'consumer' });
    expect(tierOf('batch-jobs')).toMatchObject({ second: 2, minute: 60, limit_by: 'consumer' });
  });

  test('a consumer this configuration does not manage meets each route’s default tier, counted per route', () => {
    const limits = kongPlugins(control).filter((p) => p.name === 'rate-limiting');
    const routes = resources(control, 'kong_route');
    const routeRefs = Object.keys(control.resource!['kong_route']!).map((id) => `\${kong_route.${id}.id}`);
    const keys = routes.map((route, i) => {
      const request = { routeRef: routeRefs[i]!, serviceRef: route['service_id'] as string, consumerRef: '${kong_consumer.made-by-hand.id}' };
      const instance = instanceFor(limits, request)!;
      expect(instance.scope).toBe('route');
      expect(instance.config).toMatchObject({ second: 2, minute: 60 });
      return counterKey(instance, request);
    });
    expect(new Set(keys).size).toBe(routes.length);
  });

  test('a flood of the open /health cannot take a region out: Kong’s health checker ignores 429, active and passive; only the region failing counts', () => {
    const { healthchecks } = onlyResource(control, 'kong_upstream') as { healthchecks: Record<'active' | 'passive', { healthy: { http_statuses: number[] }; unhealthy: { http_statuses: number[] } }> };
    for (const kind of ['active', 'passive'] as const) {
      const lists = { healthy: healthchecks[kind].healthy.http_statuses, unhealthy: healthchecks[kind].unhealthy.http_statuses };
      expect(classifyStatus(429, lists)).toBe('ignored');
      expect(classifyStatus(403, lists)).toBe('ignored');
      expect(classifyStatus(200, lists)).toBe('healthy');
      for (const failing of [0, 500, 502, 503, 504]) expect(classifyStatus(failing, lists)).toBe('unhealthy');
    }
    // Left to Kong's defaults (kong/db/schema/entities/upstreams.lua:92-113), a throttled probe would count.
    expect(classifyStatus(429, { healthy: [200, 302], unhealthy: [429, 404, 500, 501, 502, 503, 504, 505] })).toBe('unhealthy');
  });

  test('every route is authenticated, authorized by ACL, rate limited and size limited', () => {
    const routes = Object.keys(control.resource!['kong_route']!);
    expect(routes).toHaveLength(5);
    for (const route of routes) {
      const onRoute = kongPlugins(control).filter((p) => p.scope === 'route' && p.scopeRef === `\${kong_route.${route}.id}`);
      expect(onRoute.map((p) => p.name)).toEqual(expect.arrayContaining(['key-auth', 'acl', 'rate-limiting', 'request-size-limiting']));
      for (const auth of onRoute.filter((p) => p.name === 'key-auth')) expect(auth.config).toMatchObject({ hide_credentials: true });
    }
  });

  test('routes match POST on their exact model path, and allow the groups the config grants', () => {
    const byName = Object.fromEntries(resources(control, 'kong_route').map((r) => [r['name'], r]));
    expect(byName['aigw-dev-sentiment']).toMatchObject({ paths: ['~/v1/sentiment$'], methods: ['POST', 'OPTIONS'], strip_path: false, preserve_host: false });
    expect(byName['aigw-dev-chat']).toMatchObject({ paths: ['~/v1/chat$'] });
    const acls = kongPlugins(control).filter((p) => p.name === 'acl').map((p) => (p.config as { allow: string[] }).allow);
    expect(acls.sort()).toEqual([['llm'], ['llm'], ['nlp'], ['nlp'], ['nlp']]);
    expect(byName['aigw-dev-assistant']).toMatchObject({ paths: ['~/v1/assistant$'] });
  });

  test('each consumer has its groups, its tier limit and a credential; generated ones leave only as sensitive output', () => {
    expect(resources(control, 'kong_consumer').map((c) => c['username']).sort()).toEqual(['batch-jobs', 'web-app']);
    expect(resources(control, 'kong_consumer_acl').map((a) => a['group']).sort()).toEqual(['llm', 'nlp', 'nlp']);
    const tierLimits = kongPlugins(control).filter((p) => p.scope === 'consumer');
    expect(tierLimits.map((p) => (p.config as { second: number }).second).sort((a, b) => a - b)).toEqual([2, 20]);
    const keys = resources(control, 'kong_consumer_key_auth');
    expect(keys.filter((k) => k['key'] === '${var.consumer_secret_batch_jobs}')).toHaveLength(1);
    expect(keys.filter((k) => !('key' in k))).toHaveLength(1);
    expect(control.output?.['consumer-credentials']).toMatchObject({ sensitive: true, value: { 'web-app': expect.stringMatching(/\.key\}$/) } });
  });

  test('the provider’s admin address and token come from sensitive variables that may be left to the environment', () => {
    expect(control.provider?.['kong']).toEqual([{ kong_admin_uri: '${var.kong_admin_uri}', kong_admin_token: '${var.kong_admin_token}' }]);
    const variables = control['variable'] as Record<string, { sensitive: boolean; default?: null; nullable: boolean }>;
    expect(variables['kong_admin_uri']).toMatchObject({ sensitive: true, nullable: true, default: null });
    expect(variables['kong_admin_token']).toMatchObject({ sensitive: true, nullable: true, default: null });
    expect(Object.values(variables).every((v) => v.sensitive)).toBe(true);
    // The LLM provider key never passes through Terraform: the Kong nodes hold it (kong-node.env names it).
    expect(Object.keys(variables).some((name) => name.startsWith('llm_credential'))).toBe(false);
  });

  test('pins the Kong provider to kevholditch/kong 6.5.1', () => {
    expect((control.terraform?.['required_providers'] as Record<string, unknown>)['kong']).toEqual({ source: 'kevholditch/kong', version: '6.5.1' });
  });

  test('reads nothing from a region stack: its only remote state is the global stack', () => {
    expect(Object.keys((control.data?.['terraform_remote_state'] ?? {}) as object)).toEqual(['global']);
  });

  test('no secret set in the environment appears anywhere in the synthesized output', () => {
    for (const name of Object.keys(synth.manifest.stacks)) {
      const text = synth.stackText(name);
      for (const secret of Object.values(KNOWN_SECRETS)) expect(text).not.toContain(secret);
    }
  });

  test('snapshot of the control stack (normalized)', () => {
    expect(normalizeSynth(synth.stackText(CONTROL))).toMatchSnapshot();
  });
});

describe('control stack variants', () => {
  test('basic-auth with generated passwords brings the random provider and hides credentials', () => {
    const synth = synthesizeEnvironment(testConfig({ kong: kongDocument({ authentication: 'basic-auth' }) }));
    try {
      const control = synth.stack('aigw-test-control');
      expect(Object.keys(control.provider ?? {}).sort()).toEqual(['kong', 'random']);
      expect(resources(control, 'kong_consumer_basic_auth')).toHaveLength(2);
      expect(kongPlugins(control).filter((p) => p.name === 'basic-auth').every((p) => (p.config as { hide_credentials: boolean }).hide_credentials)).toBe(true);
    } finally {
      synth.cleanup();
    }
  });

  test('the redis policy points every rate limit at the Redis password the Kong nodes hold', () => {
    const synth = synthesizeEnvironment(
      testConfig({ kong: kongDocument({ rateLimiting: { policy: 'redis', redis: { host: 'redis.example.com' } } }) }),
    );
    try {
      const control = synth.stack('aigw-test-control');
      expect(Object.keys(control['variable'] as Record<string, unknown>)).not.toContain('kong_redis_password');
      const limits = kongPlugins(control).filter((p) => p.name === 'rate-limiting');
      expect(limits.length).toBeGreaterThan(0);
      for (const limit of limits) {
        expect(limit.config).toMatchObject({ redis: { password: '{vault://env/aigw-test-redis-password}', server_name: 'redis.example.com' } });
      }
    } finally {
      synth.cleanup();
    }
  });

  test('a consumer that names no tier gets the default tier as its own budget', () => {
    const synth = synthesizeEnvironment(testConfig({ kong: kongDocument({ consumers: [{ username: 'plain', groups: ['nlp'] }] }) }));
    try {
      const control = synth.stack('aigw-test-control');
      const mine = kongPlugins(control).filter((p) => p.name === 'rate-limiting' && p.scope === 'consumer');
      expect(mine).toHaveLength(1);
      expect(mine[0]!.config).toMatchObject({ minute: 60, limit_by: 'consumer' });
    } finally {
      synth.cleanup();
    }
  });

  test('weights from the configuration; regions without one get 100; a region of weight 0 is drained: no target', () => {
    const synth = synthesizeEnvironment(testConfig({ kong: kongDocument({ upstream: { weights: { 'eu-west-1': 0 } } }) }));
    try {
      const weights = Object.fromEntries(resources(synth.stack('aigw-test-control'), 'kong_target').map((t) => [t['target'], t['weight']]));
      expect(weights).toEqual({ 'us-east-1.api.example.com:443': 100 });
    } finally {
      synth.cleanup();
    }
  });

  test('without CORS, routes accept POST only and no cors plugin exists', () => {
    const synth = synthesizeEnvironment(testConfig({ models: [modelDocument()] }));
    try {
      const control = synth.stack('aigw-test-control');
      expect(resources(control, 'kong_route').every((r) => JSON.stringify(r['methods']) === '["POST"]')).toBe(true);
      expect(kongPlugins(control).some((p) => p.name === 'cors')).toBe(false);
    } finally {
      synth.cleanup();
    }
  });
});
