import { formatConfigIssue, type ConfigIssue } from '../../core/errors';
import { validateConfigDocument } from '../../config/validate';
import { configDocument, modelDocument } from '../support/config';
import { formatPath } from '../../contract/paths';

/** The report lines for a document (empty when valid). */
function problems(doc: Record<string, unknown>): string[] {
  return validateConfigDocument(doc).issues.map((issue: ConfigIssue) => formatConfigIssue('f.yaml', issue).trim());
}

function model(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return modelDocument({ name: 'sentiment', ...overrides });
}

describe('configuration schema', () => {
  test('a minimal document is valid and gets every default', () => {
    const result = validateConfigDocument(configDocument());
    expect(result.issues).toEqual([]);
    expect(result.config).toMatchObject({
      endpointType: 'EDGE',
      logRetentionDays: 30,
      throttling: { rateLimit: 100, burstLimit: 200 },
      tags: {},
      models: [
        {
          name: 'sentiment',
          kind: 'sentiment',
          memoryMb: 512,
          timeoutSeconds: 10,
          reservedConcurrency: 10,
          settings: { neutralThreshold: 0.05 },
          limits: { maxBodyBytes: 65536, maxInputs: 32, maxInputChars: 10000 },
        },
      ],
    });
  });

  test('an unknown top-level key is an error that suggests the likely key', () => {
    expect(problems(configDocument({ modles: [] }))).toEqual([
      expect.stringMatching(/^f\.yaml {2}modles: unknown key \(did you mean "models"\?\); accepted: one of the keys app, environment, regions, dns, endpointType, models/),
    ]);
  });

  test('an unknown key inside a model lists that model kind’s keys', () => {
    expect(problems(configDocument({ models: [model({ memory: 1024 })] }))).toEqual([
      expect.stringContaining('models[0].memory: unknown key (did you mean "memoryMb"?); accepted: one of the keys name, logging, kind, settings, limits, memoryMb, timeoutSeconds, reservedConcurrency, allowedGroups'),
    ]);
  });

  test('a region that does not exist is rejected with the closest real region', () => {
    expect(problems(configDocument({ regions: ['us-east-1', 'eu-west-9'] }))).toEqual([
      expect.stringContaining('regions[1]: received "eu-west-9"; accepted: one of 34 values, listed in config/gateway-config.schema.json'),
    ]);
    expect(problems(configDocument({ regions: ['eu-west-9'] }))[0]).toContain('(did you mean "eu-west-1"?)');
  });

  test('regions from other partitions (China, GovCloud) are rejected', () => {
    expect(problems(configDocument({ regions: ['cn-north-1'] }))).toHaveLength(1);
    expect(problems(configDocument({ regions: ['us-gov-west-1'] }))).toHaveLength(1);
  });

  test('at least one region and one model are required', () => {
    expect(problems(configDocument({ regions: [] }))).toEqual([expect.stringContaining('regions: received []; accepted: at least 1 item')]);
    expect(problems(configDocument({ models: [] }))).toEqual([expect.stringContaining('models: received []; accepted: 1 to 100 items')]);
  });

  test('a missing required field is named as missing', () => {
    const { dns: _dns, ...withoutDns } = configDocument();
    expect(problems(withoutDns)).toEqual([expect.stringContaining('dns: missing; accepted: an object')]);
  });

  test('the endpoint type is EDGE or REGIONAL, case-sensitively', () => {
    expect(problems(configDocument({ endpointType: 'edge' }))).toEqual([
      expect.stringContaining('endpointType: received "edge"; accepted: one of "EDGE", "REGIONAL"'),
    ]);
    expect(problems(configDocument({ endpointType: 'REGIONAL' }))).toEqual([]);
  });

  test.each([
    ['memoryMb', 64, 'an integer from 128 to 10240'],
    ['memoryMb', 20000, 'an integer from 128 to 10240'],
    ['memoryMb', 512.5, 'an integer'],
    ['timeoutSeconds', 30, 'an integer from 1 to 29 (Lambda timeout in seconds, capped by the 29 s API Gateway integration timeout'],
    ['timeoutSeconds', 0, 'an integer from 1 to 29'],
    ['reservedConcurrency', 0, 'an integer from 1 to 10000'],
  ])('model %s = %p is rejected: accepted %s', (field, value, accepted) => {
    expect(problems(configDocument({ models: [model({ [field]: value })] }))).toEqual([
      expect.stringContaining(`models[0].${field}: received ${JSON.stringify(value)}; accepted: ${accepted}`),
    ]);
  });

  test('a 29 s timeout, the integration limit, is accepted', () => {
    expect(problems(configDocument({ models: [model({ timeoutSeconds: 29 })] }))).toEqual([]);
  });

  test('an unknown model kind lists the kinds and suggests the closest', () => {
    expect(problems(configDocument({ models: [model({ kind: 'sentimnt' })] }))).toEqual([
      expect.stringContaining('models[0].kind: received "sentimnt"; accepted: one of "sentiment", "entities", "keywords", "bedrock-chat", "external-llm" (did you mean "sentiment"?)'),
    ]);
  });

  test.each(['Sentiment', 'sentiment_v2', '2fast', 'ends-', 'double--hyphen', 'x'.repeat(41)])(
    'model name %p is rejected (it becomes a URL path and resource names)',
    (name) => {
      expect(problems(configDocument({ models: [model({ name })] }))).toEqual([
        expect.stringContaining(`models[0].name: received ${JSON.stringify(name)}; accepted: 1-40 characters of lowercase letters`),
      ]);
    },
  );

  test('kind-specific settings and request limits are validated', () => {
    expect(
      problems(configDocument({ models: [model({ settings: { neutralThreshold: 2 }, limits: { maxInputs: 0, maxBodyBytes: 7e6 } })] })),
    ).toEqual([
      expect.stringContaining('models[0].settings.neutralThreshold: received 2; accepted: a number from 0 to 1'),
      expect.stringContaining('models[0].limits.maxBodyBytes: received 7000000; accepted: an integer from 16 to 6291456'),
      expect.stringContaining('models[0].limits.maxInputs: received 0; accepted: an integer from 1 to 1000'),
    ]);
  });

  test.each([
    ['API.example.com', 'uppercase'],
    ['api.example.com.', 'a trailing dot'],
    ['localhost', 'a single label'],
    ['-api.example.com', 'a leading hyphen'],
  ])('DNS name %p is rejected (%s)', (apiDomain) => {
    expect(problems(configDocument({ dns: { zoneName: 'example.com', apiDomain } }))).toEqual([
      expect.stringContaining('dns.apiDomain: received'),
    ]);
  });

  test('log retention must be a period CloudWatch Logs offers', () => {
    expect(problems(configDocument({ logRetentionDays: 15 }))).toEqual([
      expect.stringContaining('logRetentionDays: received 15; accepted: one of 22 values'),
    ]);
    expect(problems(configDocument({ logRetentionDays: 14 }))).toEqual([]);
  });

  test('throttling stays within the account defaults of API Gateway', () => {
    expect(problems(configDocument({ throttling: { rateLimit: 20000, burstLimit: 0 } }))).toEqual([
      expect.stringContaining('throttling.rateLimit: received 20000; accepted: a number from 1 to 10000'),
      expect.stringContaining('throttling.burstLimit: received 0; accepted: an integer from 1 to 5000'),
    ]);
  });

  test('tag keys may not use the aws: prefix or characters AWS rejects', () => {
    const lines = problems(configDocument({ tags: { 'aws:owner': 'x', 'team!': 'y', ok: 'bad|value' } }));
    expect(lines).toEqual([
      expect.stringContaining('tags["aws:owner"]: invalid key; received "aws:owner"; accepted: letters, digits, spaces'),
      expect.stringContaining('tags["team!"]: invalid key; received "team!"'),
      expect.stringContaining('tags.ok: received "bad|value"; accepted: letters, digits, spaces'),
    ]);
  });

  test('every problem in a document is reported together', () => {
    const lines = problems(
      configDocument({
        app: 'A',
        regions: ['us-east-1', 'mars-1'],
        models: [model({ memoryMb: 1 }), model({ name: 'Bad' })],
        extra: true,
      }),
    );
    expect(lines).toHaveLength(5);
  });
});

describe('formatPath', () => {
  test('writes paths the way users read them', () => {
    expect(formatPath(['models', 1, 'memoryMb'])).toBe('models[1].memoryMb');
    expect(formatPath(['tags', 'aws:owner'])).toBe('tags["aws:owner"]');
    expect(formatPath([])).toBe('(document root)');
  });
});

describe('backend configuration', () => {
  test('defaults to local state', () => {
    expect(validateConfigDocument(configDocument()).config?.backend).toEqual({ type: 'local' });
  });

  test('each kind is validated with its own fields', () => {
    expect(problems(configDocument({ backend: { type: 's3', bucket: 'Bad_Bucket', region: 'us-east-1', keyPrefix: 'a/' } }))).toEqual([
      expect.stringContaining('backend.bucket: received "Bad_Bucket"; accepted: an S3 bucket name'),
      expect.stringContaining('backend.keyPrefix: received "a/"; accepted: not start or end with a slash'),
    ]);
    expect(problems(configDocument({ backend: { type: 'cloud' } }))).toEqual([expect.stringContaining('backend.organization: missing')]);
    expect(problems(configDocument({ backend: { type: 'consul' } }))).toEqual([
      expect.stringContaining('backend.type: received "consul"; accepted: one of "local", "cloud", "s3"'),
    ]);
  });
});
