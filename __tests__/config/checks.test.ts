import { formatConfigIssue } from '../../core/errors';
import { validateConfigDocument } from '../../config/validate';
import { configDocument, modelDocument } from '../support/config';

function problems(doc: Record<string, unknown>): string[] {
  return validateConfigDocument(doc).issues.map((issue) => formatConfigIssue('f.yaml', issue).trim());
}

describe('configuration checks beyond the schema', () => {
  test('a region listed twice is a duplicate (it would be two stacks with one name)', () => {
    expect(problems(configDocument({ regions: ['us-east-1', 'eu-west-1', 'us-east-1'] }))).toEqual([
      'f.yaml  regions[2]: duplicate of regions[0]; received "us-east-1"; accepted: each region listed once',
    ]);
  });

  test('two models with one name clash as URL paths and function names', () => {
    expect(
      problems(configDocument({ models: [modelDocument({ name: 'sentiment' }), modelDocument({ name: 'sentiment' })] })),
    ).toEqual([
      'f.yaml  models[1].name: clashes with models[0].name (same URL path /v1/sentiment and same function name); received "sentiment"; accepted: a name no other model uses',
    ]);
  });

  test('the API domain must be inside the hosted zone', () => {
    expect(problems(configDocument({ dns: { zoneName: 'example.com', apiDomain: 'api.example.org' } }))).toEqual([
      'f.yaml  dns.apiDomain: outside the hosted zone "example.com"; received "api.example.org"; accepted: "example.com" or a name ending in ".example.com" (e.g. "api.example.com")',
    ]);
  });

  test('a name that merely ends with the zone’s text is not inside it', () => {
    expect(problems(configDocument({ dns: { zoneName: 'example.com', apiDomain: 'api.badexample.com' } }))).toHaveLength(1);
  });

  test('the API domain may be the zone itself or any depth inside it', () => {
    expect(problems(configDocument({ dns: { zoneName: 'example.com', apiDomain: 'example.com' } }))).toEqual([]);
    expect(problems(configDocument({ dns: { zoneName: 'example.com', apiDomain: 'a.b.api.example.com' } }))).toEqual([]);
  });

  test('regional hostnames may not exceed 253 characters', () => {
    const label = 'a'.repeat(60);
    const apiDomain = `${[label, label, label].join('.')}.${'b'.repeat(50)}.example.com`; // 245 characters
    const lines = problems(configDocument({ regions: ['ap-southeast-2'], dns: { zoneName: 'example.com', apiDomain } }));
    expect(lines).toEqual([
      expect.stringMatching(/^f\.yaml {2}dns\.apiDomain: the regional hostname ".*" would be 260 characters; received ".*"; accepted: an API domain of at most 238 characters/),
    ]);
  });

  test('a function name over 64 characters is rejected with the room that is left', () => {
    const name = `m${'x'.repeat(39)}`; // 40, the longest model name
    const lines = problems(configDocument({ app: 'a-very-long-app1', environment: 'environment1', models: [modelDocument({ name })] }));
    expect(lines).toEqual([
      expect.stringContaining(
        `models[0].name: the function name "a-very-long-app1-environment1-${name}" would be 70 characters; received "${name}"; accepted: a name of at most 34 characters with app "a-very-long-app1" and environment "environment1" (Lambda allows 64)`,
      ),
    ]);
  });

  test('an IAM role name over 64 characters (it carries the region) is rejected', () => {
    // gateway-staging-ap-southeast-2-<33 m> is exactly 64 characters: accepted.
    const fits = 'm'.repeat(33);
    expect(
      problems(configDocument({ app: 'gateway', environment: 'staging', regions: ['ap-southeast-2'], models: [modelDocument({ name: fits })] })),
    ).toEqual([]);
    const longer = 'm'.repeat(34);
    expect(
      problems(configDocument({ app: 'gateway', environment: 'staging', regions: ['ap-southeast-2'], models: [modelDocument({ name: longer })] })),
    ).toEqual([
      expect.stringContaining(
        `models[0].name: the IAM role name "gateway-staging-ap-southeast-2-${longer}" would be 65 characters; received "${longer}"; accepted: a name of at most 33 characters with region ap-southeast-2 (IAM allows 64)`,
      ),
    ]);
  });

  test('the project’s own tag keys are reserved', () => {
    expect(problems(configDocument({ tags: { environment: 'x', Owner: 'me' } }))).toEqual([
      'f.yaml  tags.environment: reserved tag key (the project sets it on every resource); received "environment"; accepted: any key except app, environment, managed-by',
    ]);
  });

  test('at most 47 tags, since AWS allows 50 and the project sets 3', () => {
    const tags = Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`k${i}`, 'v']));
    expect(problems(configDocument({ tags }))).toEqual([
      'f.yaml  tags: 48 tags; accepted: at most 47 tags (AWS allows 50 per resource and the project sets 3)',
    ]);
  });

  test('checks still run on the valid parts when other parts are invalid', () => {
    const lines = problems(
      configDocument({
        regions: ['us-east-1', 'moon-1', 'us-east-1'],
        dns: { zoneName: 'example.com', apiDomain: 'api.other.org' },
        models: [modelDocument({ name: 'a', memoryMb: 1 }), modelDocument({ name: 'b' }), modelDocument({ name: 'b' })],
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('regions[1]: received "moon-1"'),
        expect.stringContaining('regions[2]: duplicate of regions[0]'),
        expect.stringContaining('dns.apiDomain: outside the hosted zone'),
        expect.stringContaining('models[0].memoryMb: received 1'),
        expect.stringContaining('models[2].name: clashes with models[1].name'),
      ]),
    );
    expect(lines).toHaveLength(5);
  });
});
