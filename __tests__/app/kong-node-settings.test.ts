import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KONG_NODE_SETTINGS_FILE, kongNodeSettings, renderKongNodeEnv } from '../../app/kong-node-settings';
import { loadConfig, resolveConfigSource } from '../../config/load';
import { synthesizeGuarded } from '../../app/synth';
import { kongDocument, modelDocument, testConfig } from '../support/config';
import { Naming } from '../../config/naming';

/** The names of testConfig()'s environment. */
const NAMING = new Naming('aigw', 'test');

/** The KEY=value lines of an env file. */
const envLines = (text: string) => Object.fromEntries(text.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2)));

const chat = { name: 'chat', kind: 'external-llm', allowedGroups: ['nlp'], provider: 'openai', model: 'gpt-4o-mini' };

describe('kongNodeSettings', () => {
  test('traditional mode: the database, the proxy trust store and verify depth, the Lua store', () => {
    const env = envLines(renderKongNodeEnv(kongNodeSettings(testConfig(), NAMING), 'aigw-test-control'));
    expect(env).toEqual({
      KONG_ROLE: 'traditional',
      KONG_DATABASE: 'postgres',
      KONG_NGINX_PROXY_PROXY_SSL_VERIFY: 'on',
      KONG_NGINX_PROXY_PROXY_SSL_TRUSTED_CERTIFICATE: '/etc/ssl/certs/ca-certificates.crt',
      KONG_NGINX_PROXY_PROXY_SSL_VERIFY_DEPTH: '3',
      KONG_LUA_SSL_TRUSTED_CERTIFICATE: 'system',
      KONG_LUA_SSL_VERIFY_DEPTH: '3',
    });
  });

  test('hybrid behind a TLS-ending load balancer, Redis with a password, an external LLM: data-plane settings and the secrets to set', () => {
    const config = testConfig({
      models: [modelDocument(), chat],
      kong: kongDocument({
        deployment: { mode: 'hybrid', nodes: 4, tlsTermination: 'load-balancer', loadBalancerCidrs: ['10.0.0.0/16', '10.1.0.0/16'] },
        rateLimiting: { policy: 'redis', redis: { host: 'redis.example.com' } },
      }),
    });
    const text = renderKongNodeEnv(kongNodeSettings(config, NAMING), 'aigw-test-control');
    expect(envLines(text)).toMatchObject({
      KONG_ROLE: 'data_plane',
      KONG_DATABASE: 'off',
      KONG_TRUSTED_IPS: '10.0.0.0/16,10.1.0.0/16',
      KONG_REAL_IP_HEADER: 'X-Forwarded-For',
      KONG_REAL_IP_RECURSIVE: 'on',
    });
    expect(text).toContain('for every data plane');
    expect(text).toContain('#   AIGW_TEST_LLM_CHAT: the Authorization header ai-proxy sends to openai for model chat: "Bearer <openai API key>"');
    expect(text).toContain('#   AIGW_TEST_REDIS_PASSWORD: the password of the Redis that keeps rate-limit counters');
    expect(text).toContain('# Redis at redis.example.com:6379 (database 0) reachable from every node, over TLS with a certificate for redis.example.com');
    // Secrets are named, never given a value line.
    expect(Object.keys(envLines(text)).some((k) => k.startsWith('AIGW_'))).toBe(false);
  });

  test('local counting on several nodes is stated as a prerequisite', () => {
    const text = renderKongNodeEnv(kongNodeSettings(testConfig({ kong: kongDocument({ deployment: { nodes: 2 } }) }), NAMING), 'c');
    expect(text).toContain("# Rate limits count per node (policy local): each of the 2 nodes admits a consumer's whole tier.");
  });
});

describe('synth writes kong-node.env beside the control stack', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-kong-env-'));
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test.each([
    ['dev', () => loadConfig(resolveConfigSource({ GATEWAY_ENV: 'dev' }))],
    ['redis with a password', () => testConfig({ models: [modelDocument(), chat], kong: kongDocument({ rateLimiting: { policy: 'redis', redis: { host: 'redis.example.com' } } }) })],
  ])('%s: every env-vault reference the control stack makes names a variable the file asks for', (name, config) => {
    const target = path.join(out, name.replace(/\W/g, '-'));
    const result = synthesizeGuarded(config(), target);
    const control = result.stacks.find((s) => s.endsWith('-control'))!;
    const file = fs.readFileSync(path.join(target, 'stacks', control, KONG_NODE_SETTINGS_FILE), 'utf8');
    const stack = fs.readFileSync(path.join(target, 'stacks', control, 'cdk.tf.json'), 'utf8');
    const referenced = [...new Set([...stack.matchAll(/\{vault:\/\/env\/([a-z0-9-]+)\}/g)].map((m) => m[1]!.replace(/-/g, '_').toUpperCase()))];
    expect(referenced.length).toBeGreaterThan(0);
    for (const variable of referenced) expect(file).toMatch(new RegExp(`^#   ${variable}: `, 'm'));
  });
});
