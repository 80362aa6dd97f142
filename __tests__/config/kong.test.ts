import { formatConfigIssue } from '../../core/errors';
import { validateConfigDocument } from '../../config/validate';
import { configWarnings } from '../../config/warnings';
import { configDocument, kongDocument, modelDocument, testConfig } from '../support/config';

function problems(doc: Record<string, unknown>): string[] {
  return validateConfigDocument(doc).issues.map((issue) => formatConfigIssue('f.yaml', issue).trim());
}

const withKong = (overrides: Record<string, unknown>, rest: Record<string, unknown> = {}) =>
  configDocument({ kong: kongDocument(overrides), ...rest });

const chat = (overrides: Record<string, unknown> = {}) => ({
  name: 'chat',
  kind: 'external-llm',
  allowedGroups: ['nlp'],
  provider: 'openai',
  model: 'gpt-4o-mini',
  ...overrides,
});

describe('Kong configuration', () => {
  test('a valid Kong section gets its defaults', () => {
    const { config } = validateConfigDocument(configDocument());
    expect(config?.kong).toMatchObject({
      authentication: 'key-auth',
      keyNames: ['apikey'],
      routeProtocols: ['https'],
      rateLimiting: { policy: 'local' },
      service: { connectTimeoutMs: 5000, readTimeoutMs: 29000, writeTimeoutMs: 29000, retries: 2, tlsVerify: true },
      upstream: { weights: {}, healthchecks: { active: { intervalSeconds: 10, timeoutSeconds: 2 }, passive: { unhealthyHttpFailures: 5 } } },
    });
    expect(config?.kong.consumers[0]).toEqual({ username: 'acme', groups: ['nlp'], tier: 'pro', credential: 'generated' });
    expect(config?.kong.cors).toBeUndefined();
  });

  test('the Kong section is required', () => {
    const { kong: _kong, ...withoutKong } = configDocument();
    expect(problems(withoutKong)).toEqual([expect.stringContaining('kong: missing; accepted: an object')]);
  });

  test('a consumer or model naming an undeclared group is rejected', () => {
    expect(
      problems(withKong({ consumers: [{ username: 'a', groups: ['nlp', 'vision'], tier: 'basic' }] }, { models: [modelDocument({ allowedGroups: ['nlpp'] })] })),
    ).toEqual([
      'f.yaml  kong.consumers[0].groups[1]: unknown group; received "vision"; accepted: one of kong.groups: nlp',
      'f.yaml  models[0].allowedGroups[0]: unknown group; received "nlpp"; accepted: one of kong.groups: nlp',
    ]);
  });

  test('a model no group may call is rejected', () => {
    expect(problems(configDocument({ models: [modelDocument({ allowedGroups: [] })] }))).toEqual([
      expect.stringContaining('models[0].allowedGroups: received []; accepted: at least 1 item (ACL groups (from kong.groups) whose consumers may call this model; a model no group may call is unreachable)'),
    ]);
  });

  test('duplicate groups and duplicate consumers are rejected', () => {
    expect(
      problems(withKong({ groups: ['nlp', 'nlp'], consumers: [{ username: 'a', groups: ['nlp'], tier: 'basic' }, { username: 'a', groups: ['nlp'], tier: 'pro' }] })),
    ).toEqual([
      'f.yaml  kong.groups[1]: duplicate of kong.groups[0]; received "nlp"; accepted: each group listed once',
      'f.yaml  kong.consumers[1].username: duplicate of kong.consumers[0].username; received "a"; accepted: a username no other consumer uses',
    ]);
  });

  test('a tier that is not defined is rejected, for consumers and the default', () => {
    expect(problems(withKong({ defaultTier: 'gold', consumers: [{ username: 'a', groups: ['nlp'], tier: 'silver' }] }))).toEqual([
      'f.yaml  kong.defaultTier: tier not defined; received "gold"; accepted: one of kong.tiers: basic, pro',
      'f.yaml  kong.consumers[0].tier: tier not defined; received "silver"; accepted: one of kong.tiers: basic, pro',
    ]);
  });

  test('a tier needs at least one period', () => {
    expect(problems(withKong({ tiers: { basic: {}, pro: { minute: 1 } } }))).toEqual([
      expect.stringContaining('kong.tiers.basic: received {}; accepted: set at least one of second, minute, hour, day'),
    ]);
  });

  test('redis settings are required with the redis policy and refused without it', () => {
    expect(problems(withKong({ rateLimiting: { policy: 'redis' } }))).toEqual([
      'f.yaml  kong.rateLimiting.redis: missing; accepted: host (and optionally port, ssl, database, timeoutMs) when policy is redis',
    ]);
    expect(problems(withKong({ rateLimiting: { policy: 'cluster', redis: { host: 'redis.example.com' } } }))).toEqual([
      'f.yaml  kong.rateLimiting.redis: set, but policy is cluster; accepted: no redis settings, or policy: redis',
    ]);
    expect(problems(withKong({ rateLimiting: { policy: 'redis', redis: { host: 'redis.example.com' } } }))).toEqual([]);
  });

  test('weights may only name configured regions, and not all be zero', () => {
    expect(problems(withKong({ upstream: { weights: { 'ap-south-1': 10 } } }))).toEqual([
      'f.yaml  kong.upstream.weights.ap-south-1: not one of the configured regions; received "ap-south-1"; accepted: one of us-east-1, eu-west-1',
    ]);
    expect(problems(withKong({ upstream: { weights: { 'us-east-1': 0, 'eu-west-1': 0 } } }))).toEqual([
      'f.yaml  kong.upstream.weights: every region has weight 0; accepted: at least one region with a weight above 0',
    ]);
  });

  test('Kong timeouts may not exceed the 29 s API Gateway allows', () => {
    expect(problems(withKong({ service: { readTimeoutMs: 60000 } }))).toEqual([
      expect.stringContaining('kong.service.readTimeoutMs: received 60000; accepted: an integer from 1 to 29000'),
    ]);
  });

  test('Kong’s egress ranges must be public, canonical CIDR ranges, each once', () => {
    expect(problems(withKong({ egressCidrs: ['198.51.100.10/32', '52.95.110.0/24'] }))).toEqual([]);
    expect(problems(withKong({ egressCidrs: ['10.0.0.0/16', '0.0.0.0/0', '52.95.110.1/24', 'kong-nat', '52.95.110.0/24', '52.95.110.0/24'] }))).toEqual([
      expect.stringContaining('kong.egressCidrs[0]: a private range; received "10.0.0.0/16"; accepted: a public range'),
      expect.stringContaining('kong.egressCidrs[1]: allows every address; received "0.0.0.0/0"'),
      expect.stringContaining('kong.egressCidrs[2]: host bits are set; received "52.95.110.1/24"; accepted: the network address, 52.95.110.0/24'),
      expect.stringContaining('kong.egressCidrs[3]: not a CIDR range; received "kong-nat"'),
      expect.stringContaining('kong.egressCidrs[5]: duplicate of kong.egressCidrs[4]'),
    ]);
    expect(problems(withKong({ egressCidrs: ['fd00::/48'] }))).toEqual([expect.stringContaining('a uniqueLocal range')]);
  });

  test('CORS origins are exact: a regular expression, null or a path is refused, saying what Kong would do', () => {
    expect(problems(withKong({ cors: { origins: ['https://app.example.com', 'https://app.example.com:8443', 'http://localhost:3000', '*'] } }))).toEqual([]);
    expect(problems(withKong({ cors: { origins: ['.*', 'null', 'https://app.example.com/path', 'http://app.example.com'], headers: ['x-ok', 'bad header'] } }))).toEqual([
      expect.stringMatching(/kong\.cors\.origins\[0\]: received "\.\*"; accepted: an exact origin .* Kong reads any other text as a regular expression/),
      expect.stringMatching(/kong\.cors\.origins\[1\]: received "null"/),
      expect.stringMatching(/kong\.cors\.origins\[2\]: received "https:\/\/app\.example\.com\/path"/),
      expect.stringMatching(/kong\.cors\.origins\[3\]: received "http:\/\/app\.example\.com"/),
      expect.stringMatching(/kong\.cors\.headers\[1\]: received "bad header"; accepted: a header name/),
    ]);
  });

  test('insecure transport is refused, saying why: http routes, unverified upstream TLS, Redis without verified TLS', () => {
    expect(problems(withKong({ routeProtocols: ['https', 'http'], service: { tlsVerify: false }, rateLimiting: { policy: 'redis', redis: { host: 'r.example.com', ssl: false, sslVerify: false } } }))).toEqual([
      expect.stringMatching(/kong\.routeProtocols\[1\]: must be https: over http the consumer key, prompts and answers travel in clear \(guardrail AIGW-KONG-9\); received "http"/),
      expect.stringMatching(/kong\.rateLimiting\.redis\.ssl: must be true: the Redis password and every counter would cross the network in clear/),
      expect.stringMatching(/kong\.rateLimiting\.redis\.sslVerify: must be true/),
      expect.stringMatching(/kong\.service\.tlsVerify: must be true: Kong adds the upstream and provider keys/),
    ]);
  });

  test('a near-universal range is not an egress range: at most an IPv4 /16 or an IPv6 /48', () => {
    expect(problems(withKong({ egressCidrs: ['128.0.0.0/1', '1.0.0.0/8', '2000::/3', '52.95.0.0/16', '2001:db8:1234::/48'] }))).toEqual([
      'f.yaml  kong.egressCidrs[0]: a /1 spans 2,147,483,648 addresses, far more than Kong\'s egress; received "128.0.0.0/1"; accepted: Kong\'s own egress ranges, each at most a /16 (e.g. its NAT gateway addresses, /32 each)',
      expect.stringContaining('kong.egressCidrs[1]: a /8 spans 16,777,216 addresses'),
      expect.stringContaining('kong.egressCidrs[2]: a /3 spans 2^125 addresses, far more than Kong\'s egress; received "2000::/3"; accepted: Kong\'s own egress ranges, each at most a /48'),
    ]);
  });

  test('credentialed CORS may not use the wildcard origin', () => {
    expect(problems(withKong({ cors: { origins: ['*'], credentials: true } }))).toEqual([
      'f.yaml  kong.cors.origins: credentials with the wildcard origin; received "*"; accepted: explicit origins (https://app.example.com) when credentials is true',
    ]);
  });

  test('an external LLM is validated: provider, route type, options', () => {
    expect(problems(configDocument({ models: [modelDocument(), chat({ provider: 'acme-ai', routeType: 'llm/v2', options: { temperature: 9 } })] }))).toEqual([
      expect.stringContaining('models[1].provider: received "acme-ai"; accepted: one of "openai", "anthropic"'),
      expect.stringContaining('models[1].routeType: received "llm/v2"; accepted: one of "llm/v1/chat", "llm/v1/completions"'),
      expect.stringContaining('models[1].options.temperature: received 9; accepted: a number from 0 to 5'),
    ]);
    expect(problems(configDocument({ models: [modelDocument(), chat()] }))).toEqual([]);
  });

  test('prompt-guard patterns must run in Kong as written: shared PCRE syntax, no exponential backtracking; a leading (?i) is accepted', () => {
    const patterns = ['(?i)ignore previous', 'unclosed(', 'foo\\1', '[\\d-z]', '(a+)+$'];
    expect(problems(configDocument({ models: [modelDocument(), chat({ promptGuard: { denyPatterns: patterns } })] }))).toEqual([
      expect.stringMatching(/^f\.yaml {2}models\[1\]\.promptGuard\.denyPatterns\[1\]: not in the syntax PCRE and JavaScript share \(.+\); received "unclosed\("; accepted: a regular expression in the syntax PCRE and JavaScript share/),
      expect.stringMatching(/denyPatterns\[2\]: not in the syntax PCRE and JavaScript share \(a back reference to a group that does not exist\); received "foo\\\\1"/),
      expect.stringMatching(/denyPatterns\[3\]: not in the syntax PCRE and JavaScript share \(a range with a class escape, such as \[\\d-z\]\)/),
      expect.stringMatching(/denyPatterns\[4\]: a\+ repeats inside \(a\+\)\+: nested repetition backtracks exponentially/),
    ]);
  });

  test.each([
    ['x-api-key', /a header Kong sends the regional APIs’ key in it/],
    ['Kong-Request-ID', /a header the correlation-id plugin sets it/],
    ['X-Consumer-Username', /a header Kong sets it/],
    ['Authorization', /a header Kong sends the LLM providers’ credentials in it, and basic-auth reads it/],
    ['x-amzn-trace-id', /a header AWS reserves the x-amz- and x-amzn- prefixes/],
  ])('kong.keyNames may not name %s, a header others set or read', (header, problem) => {
    expect(problems(withKong({ keyNames: ['apikey', header] }))).toEqual([expect.stringMatching(new RegExp(`kong\\.keyNames\\[1\\]: ${problem.source}.*; accepted: a header of your own`))]);
  });

  test('kong.keyNames names each header once, whatever its case', () => {
    expect(problems(withKong({ keyNames: ['apikey', 'ApiKey'] }))).toEqual([
      'f.yaml  kong.keyNames[1]: the same header as kong.keyNames[0] (header names ignore case); received "ApiKey"; accepted: each header once',
    ]);
  });

  test('with only external LLMs there is nothing for the regions to serve', () => {
    expect(problems(configDocument({ models: [chat()] }))).toEqual([
      'f.yaml  models: no model runs in Lambda; accepted: at least one hosted model (kind sentiment, entities, keywords, bedrock-chat) for the regions to serve',
    ]);
  });

  test('Kong checks still run when another Kong field is invalid', () => {
    const lines = problems(withKong({ authentication: 'oauth', defaultTier: 'gold' }));
    expect(lines).toEqual([
      expect.stringContaining('kong.authentication: received "oauth"; accepted: one of "key-auth", "basic-auth"'),
      expect.stringContaining('kong.defaultTier: tier not defined; received "gold"'),
    ]);
  });
});

describe('how Kong runs (kong.deployment)', () => {
  test('defaults: traditional, one node, TLS ending at Kong, the Debian CA bundle', () => {
    expect(validateConfigDocument(configDocument()).config?.kong.deployment).toEqual({
      mode: 'traditional',
      nodes: 1,
      tlsTermination: 'kong',
      trustedCaBundle: '/etc/ssl/certs/ca-certificates.crt',
    });
  });

  test('DB-less is refused: a DB-less Kong refuses the Admin API writes Terraform makes', () => {
    expect(problems(withKong({ deployment: { mode: 'dbless' } }))).toEqual([
      expect.stringMatching(/kong\.deployment\.mode: a DB-less Kong refuses Admin API writes, so Terraform cannot configure it; received "dbless"; accepted: traditional .* or hybrid/),
    ]);
  });

  test('hybrid mode refuses the cluster policy, as Kong does; traditional accepts it', () => {
    expect(problems(withKong({ deployment: { mode: 'hybrid' }, rateLimiting: { policy: 'cluster' } }))).toEqual([
      expect.stringContaining('kong.rateLimiting.policy: Kong rejects the cluster policy in hybrid mode ("expected one of: local, redis"); received "cluster"; accepted: redis'),
    ]);
    expect(problems(withKong({ deployment: { mode: 'traditional' }, rateLimiting: { policy: 'cluster' } }))).toEqual([]);
  });

  test('TLS ending at a load balancer needs its ranges (else HTTPS-only routes answer 426), and only then', () => {
    expect(problems(withKong({ deployment: { tlsTermination: 'load-balancer' } }))).toEqual([
      expect.stringContaining("kong.deployment.loadBalancerCidrs: missing: TLS ends at a load balancer, so Kong must trust its X-Forwarded-Proto, or every HTTPS-only route answers 426; accepted: the load balancer's address ranges"),
    ]);
    expect(problems(withKong({ deployment: { loadBalancerCidrs: ['10.0.0.0/16'] } }))).toEqual([
      expect.stringContaining('kong.deployment.loadBalancerCidrs: set, but TLS ends at Kong'),
    ]);
    expect(problems(withKong({ deployment: { tlsTermination: 'load-balancer', loadBalancerCidrs: ['0.0.0.0/0', 'nonsense'] } }))).toEqual([
      expect.stringContaining('kong.deployment.loadBalancerCidrs[0]: trusts every address'),
      expect.stringContaining('kong.deployment.loadBalancerCidrs[1]: not a CIDR range'),
    ]);
    expect(problems(withKong({ deployment: { tlsTermination: 'load-balancer', loadBalancerCidrs: ['10.0.0.0/16'] } }))).toEqual([]);
  });

  test('a consumer without a tier gets the default tier', () => {
    const { config } = validateConfigDocument(withKong({ consumers: [{ username: 'plain', groups: ['nlp'] }] }));
    expect(config?.kong.consumers[0]?.tier).toBeUndefined();
    expect(config?.kong.defaultTier).toBe('basic');
  });
});

describe('configWarnings', () => {
  test('local counting on several nodes multiplies every tier, and says what to use instead', () => {
    const config = testConfig({ kong: kongDocument({ deployment: { nodes: 3 } }) });
    expect(configWarnings(config)).toEqual([
      {
        path: 'kong.rateLimiting.policy',
        message: 'local counts on each node: with 3 Kong nodes, a consumer gets up to 3 times its tier. Use redis (one budget shared by every node) or cluster.',
      },
    ]);
    expect(configWarnings(testConfig({ kong: kongDocument({ deployment: { nodes: 3, mode: 'hybrid' } }) }))[0]!.message).toMatch(/Use redis \(one budget shared by every node\)\.$/);
    expect(configWarnings(testConfig())).toEqual([]);
    expect(configWarnings(testConfig({ kong: kongDocument({ deployment: { nodes: 3 }, rateLimiting: { policy: 'redis', redis: { host: 'r.example.com' } } }) }))).toEqual([]);
  });
});
