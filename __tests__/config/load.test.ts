import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { spawnSync } from 'child_process';
import {
  availableEnvironments,
  CONFIG_DIR,
  loadConfig,
  MAX_CONFIG_BYTES,
  parseConfig,
  resolveConfigSource,
} from '../../config/load';
import { ConfigError, GatewayError, MAX_LISTED_CONFIG_ISSUES } from '../../core/errors';
import { configDocument } from '../support/config';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('choosing the configuration file', () => {
  test('defaults to config/dev.yaml', () => {
    const source = resolveConfigSource({});
    expect(source.file).toBe(path.join(CONFIG_DIR, 'dev.yaml'));
    expect(source.expectedEnvironment).toBe('dev');
  });

  test('GATEWAY_ENV picks config/<env>.yaml', () => {
    expect(resolveConfigSource({ GATEWAY_ENV: 'prod' }).file).toBe(path.join(CONFIG_DIR, 'prod.yaml'));
  });

  test('GATEWAY_CONFIG alone names the file and imposes no environment name', () => {
    const source = resolveConfigSource({ GATEWAY_CONFIG: 'somewhere/custom.yaml' });
    expect(source.file).toBe(path.resolve('somewhere/custom.yaml'));
    expect(source.expectedEnvironment).toBeUndefined();
  });

  test('GATEWAY_ENV beside GATEWAY_CONFIG is not ignored: the file must declare that environment', () => {
    const source = resolveConfigSource({ GATEWAY_ENV: 'prod', GATEWAY_CONFIG: path.join(CONFIG_DIR, 'staging.yaml') });
    expect(source.file).toBe(path.join(CONFIG_DIR, 'staging.yaml'));
    expect(configError(() => loadConfig(source)).message).toMatch(
      /staging\.yaml:\d+:\d+ {2}environment: GATEWAY_ENV=prod is set too, and the file declares another environment; received "staging"; accepted: "prod", or unset GATEWAY_ENV/,
    );
    expect(loadConfig(resolveConfigSource({ GATEWAY_ENV: 'staging', GATEWAY_CONFIG: path.join(CONFIG_DIR, 'staging.yaml') })).environment).toBe('staging');
  });

  test('an environment without a file is an error that lists the environments there are', () => {
    expect(() => resolveConfigSource({ GATEWAY_ENV: 'qa' })).toThrow(
      /GATEWAY_ENV="qa" has no configuration file \(config\/qa\.yaml does not exist\)\. Available environments: dev, prod, staging\./,
    );
  });

  test('an environment name that could escape config/ is refused, listing the environments there are', () => {
    expect(() => resolveConfigSource({ GATEWAY_ENV: '../secrets' })).toThrow(GatewayError);
    expect(() => resolveConfigSource({ GATEWAY_ENV: '../secrets' })).toThrow(/is not an environment name: .* Available environments: dev, prod, staging\./);
    expect(() => resolveConfigSource({ GATEWAY_ENV: 'Prod', GATEWAY_CONFIG: 'x.yaml' })).toThrow(/GATEWAY_ENV="Prod" is not an environment name/);
  });

  test('a GATEWAY_CONFIG file that does not exist is a plain error, not a crash', () => {
    expect(() => loadConfig({ file: '/nonexistent/x.yaml', displayName: 'x.yaml' })).toThrow(
      'Cannot read the configuration file x.yaml: no such file.',
    );
  });

  describe('what is not a configuration file is refused before it is read', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-load-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('a FIFO (which would wait for a writer forever)', () => {
      const fifo = path.join(dir, 'config.yaml');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      expect(() => loadConfig({ file: fifo, displayName: 'config.yaml' })).toThrow(/^The configuration config\.yaml is a named pipe \(FIFO\), not a regular file; it was not read\./);
    });

    test('a device (which would never end)', () => {
      expect(() => loadConfig({ file: '/dev/zero', displayName: '/dev/zero' })).toThrow(/^The configuration \/dev\/zero is a device, not a regular file/);
    });

    test('a directory', () => {
      expect(() => loadConfig({ file: dir, displayName: 'dir' })).toThrow(/^The configuration dir is a directory, not a regular file/);
    });

    test('a file larger than any configuration, before parsing it', () => {
      const big = path.join(dir, 'big.yaml');
      fs.writeFileSync(big, `app: aigw\n${'k: 1\n'.repeat(MAX_CONFIG_BYTES / 5 + 1)}`);
      expect(() => loadConfig({ file: big, displayName: 'big.yaml' })).toThrow(/^The configuration big\.yaml is 262,\d{3} bytes or more; at most 262,144 are read/);
    });
  });

  test('parsing stays linear in the number of keys, and a flood of problems is listed in part', () => {
    // 25,000 distinct unknown keys and 10,000 repeated ones, inside the size limit: yaml's own
    // pairwise duplicate check and a per-issue search were quadratic (a 2.5 MB file ran past 300 s;
    // the time is measured by scripts, not here: at this size the quadratic path took minutes).
    const keys = Array.from({ length: 25_000 }, (_, i) => `k${i}: 1`).join('\n');
    const unknown = configError(() => parseConfig(`app: aigw\nenvironment: dev\n${keys}\n`, 'f.yaml'));
    const repeated = configError(() => parseConfig('k: 1\n'.repeat(10_000), 'f.yaml'));
    expect(unknown.message).toMatch(/unknown key/);
    expect(repeated.issues).toHaveLength(9_999);
    expect(repeated.message.split('\n').filter((l) => l.includes('Map keys must be unique'))).toHaveLength(MAX_LISTED_CONFIG_ISSUES);
    expect(repeated.message).toContain(`... and ${9_999 - MAX_LISTED_CONFIG_ISSUES} more, not listed: fix these first.`);
    expect(unknown.message.length).toBeLessThan(20_000);
  });

  test('every environment in config/ validates and names itself after its file', () => {
    const environments = availableEnvironments();
    expect(environments).toEqual(['dev', 'prod', 'staging']);
    for (const environment of environments) {
      const config = loadConfig(resolveConfigSource({ GATEWAY_ENV: environment }));
      expect(config.environment).toBe(environment);
    }
  });

  test('the dev default uses placeholder domains and three regions', () => {
    const config = loadConfig(resolveConfigSource({}));
    expect(config.dns.zoneName).toBe('example.com');
    expect(config.regions).toHaveLength(3);
    expect(config.endpointType).toBe('EDGE');
  });
});

describe('parsing configuration text', () => {
  test('a file that declares another environment than its name is rejected', () => {
    const error = configError(() => parseConfig(stringify(configDocument({ environment: 'prod' })), 'config/dev.yaml', 'dev'));
    expect(error.issues).toHaveLength(1);
    expect(error.message).toContain(
      'environment: the file was selected as environment "dev"; received "prod"; accepted: "dev" (rename the file or fix the value',
    );
  });

  test('every problem is reported with its line and column, in document order', () => {
    const text = ['app: aigw', 'environment: test', 'regions: [us-east-1, nowhere-1]', 'dns:', '  zoneName: example.com', '  apiDomain: api.example.com', 'models:', '  - name: sentiment', '    kind: sentiment', '    memoryMb: 99999', '    allowedGroups: [nlp]', 'colour: blue', 'kong:', '  groups: [nlp]', '  tiers: { basic: { minute: 60 } }', '  defaultTier: basic', ''].join('\n');
    const error = configError(() => parseConfig(text, 'my.yaml'));
    expect(error.message.split('\n')).toEqual([
      'Invalid configuration in my.yaml (3 problems):',
      expect.stringMatching(/^ {2}my\.yaml:3:22 {2}regions\[1\]: received "nowhere-1"; accepted: one of 34 values/),
      expect.stringMatching(/^ {2}my\.yaml:10:5 {2}models\[0\]\.memoryMb: received 99999; accepted: an integer from 128 to 10240/),
      expect.stringMatching(/^ {2}my\.yaml:12:1 {2}colour: unknown key; accepted: one of the keys app, environment/),
      'Nothing was synthesized. Fix the file and run the command again; config/gateway-config.schema.json lists every field.',
    ]);
  });

  test('YAML syntax errors are reported with their position', () => {
    const error = configError(() => parseConfig('app: aigw\nregions: [us-east-1\n', 'broken.yaml'));
    expect(error.message).toMatch(/broken\.yaml:\d+:\d+ {2}\(document root\): YAML syntax error: /);
  });

  test('duplicate keys are a YAML error rather than a silent override', () => {
    const error = configError(() => parseConfig('app: aigw\napp: other\n', 'dup.yaml'));
    expect(error.message).toContain('dup.yaml:2:1');
    expect(error.message).toContain('YAML syntax error: Map keys must be unique');
  });

  test('YAML nested absurdly deep is a plain problem, not a crash', () => {
    const error = configError(() => parseConfig(`a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, 'f.yaml'));
    expect(error.message).toMatch(/f\.yaml:1:\d+ {2}\(document root\): YAML nested too deeply to read/);
  });

  test('a __proto__ key is refused where it is, not silently dropped', () => {
    const text = stringify(configDocument()).replace(/^tags:.*$/m, '') + 'tags:\n  owner: me\n  __proto__: sneaky\n';
    const error = configError(() => parseConfig(text, 'f.yaml'));
    expect(error.message).toMatch(/f\.yaml:\d+:3 {2}\(document root\): the key "__proto__" cannot be kept: JavaScript reads it as the object's prototype/);
  });

  test('an empty file says so', () => {
    expect(configError(() => parseConfig('', 'empty.yaml')).message).toContain('(document root): the file is empty; accepted: a YAML mapping');
  });

  test('a document that is not a mapping says so', () => {
    expect(configError(() => parseConfig('- a\n- b\n', 'list.yaml')).message).toContain('the document is not a mapping; received ["a","b"]');
  });

  test('alias bombs are refused rather than expanded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n');
    expect(() => parseConfig(bomb, 'bomb.yaml')).toThrow(GatewayError);
  });

  test('loading from disk goes through the same validation', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-config-'));
    const file = path.join(dir, 'custom.yaml');
    fs.writeFileSync(file, stringify(configDocument({ logRetentionDays: 2 })));
    try {
      expect(() => loadConfig({ file, displayName: 'custom.yaml' })).toThrow(/custom\.yaml:\d+:1 {2}logRetentionDays: received 2/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
