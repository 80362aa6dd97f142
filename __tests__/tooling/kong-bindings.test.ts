import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_ROOT } from '../../core/project';
import { generateBindings, GENERATED_DIR, listFiles, SCHEMA_CACHE_DIR } from '../../tooling/kong-bindings';

const PROVIDER = 'registry.terraform.io/kevholditch/kong';

/** The resources of kevholditch/kong 6.5.1 (provider.go's ResourcesMap at tag v6.5.1). */
const KONG_651_RESOURCES = [
  'kong_certificate',
  'kong_consumer',
  'kong_consumer_acl',
  'kong_consumer_basic_auth',
  'kong_consumer_jwt_auth',
  'kong_consumer_key_auth',
  'kong_consumer_oauth2',
  'kong_plugin',
  'kong_route',
  'kong_service',
  'kong_target',
  'kong_upstream',
];

describe('Kong provider bindings', () => {
  const cdktfJson = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'cdktf.json'), 'utf8')) as { terraformProviders: string[] };

  test('cdktf.json pins kevholditch/kong ~> 6.5, and the cache file is named by cdktf’s key for it', () => {
    expect(cdktfJson.terraformProviders).toEqual(['kevholditch/kong@~> 6.5']);
    const [fqn, constraint] = cdktfJson.terraformProviders[0]!.split('@');
    const key = `${encodeURIComponent(fqn!.split('/').pop()!)}@${encodeURIComponent(constraint!)}.json`;
    expect(fs.readdirSync(SCHEMA_CACHE_DIR).filter((f) => f.endsWith('.json'))).toEqual([key]);
  });

  test('the cached schema parses and lists every resource of 6.5.1, at version 6.5.1', () => {
    const file = fs.readdirSync(SCHEMA_CACHE_DIR).find((f) => f.endsWith('.json'))!;
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_CACHE_DIR, file), 'utf8'));
    expect(schema.provider_versions).toEqual({ [PROVIDER]: '6.5.1' });
    const provider = schema.provider_schemas[PROVIDER];
    expect(Object.keys(provider.resource_schemas).sort()).toEqual(KONG_651_RESOURCES);
    expect(Object.keys(provider.provider.block.attributes).sort()).toEqual([
      'kong_admin_password',
      'kong_admin_token',
      'kong_admin_uri',
      'kong_admin_username',
      'kong_api_key',
      'kong_workspace',
      'strict_plugins_match',
      'tls_skip_verify',
    ]);
    expect(provider.resource_schemas.kong_consumer_key_auth.block.attributes.key).toMatchObject({ optional: true, computed: true, sensitive: true });
  });

  test('the committed .gen/ is exactly what `npm run get` generates from the cache, offline', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-gen-'));
    try {
      generateBindings(out);
      const committed = listFiles(GENERATED_DIR);
      expect(listFiles(out)).toEqual(committed);
      for (const file of committed) {
        expect({ file, content: fs.readFileSync(path.join(out, file), 'utf8') }).toEqual({
          file,
          content: fs.readFileSync(path.join(GENERATED_DIR, file), 'utf8'),
        });
      }
      expect(committed).toEqual(expect.arrayContaining(['providers/kong/provider/index.ts', 'providers/kong/plugin/index.ts']));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
