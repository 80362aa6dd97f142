/**
 * No configuration string reaches Terraform as an expression (terraform/literals.ts), checked
 * with the terraform binary: the boundary itself over random text, then every string field of the
 * configuration schema fed template sequences, synthesized, and read back from Terraform's plan.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import * as os from 'os';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../core/project';
import { validateConfigDocument } from '../../config/validate';
import { CONFIG_JSON_SCHEMA_FILE } from '../../config/json-schema';
import { escapeLiteralText, guardLiteralText } from '../../terraform/literals';
import { synthesizeEnvironment } from '../support/synth';
import { evaluateWithTerraform } from '../support/terraform';
import { planStack } from '../support/terraform-plan';
import { terraformErrors } from '../support/terraform-proof';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; oneOf?: Schema[]; anyOf?: Schema[]; additionalProperties?: Schema | boolean; propertyNames?: Schema; enum?: unknown[]; const?: unknown };

describe('the literal-text boundary', () => {
  test('any text, escaped there, is exactly that text to Terraform (random text of template fragments)', () => {
    const fragment = fc.constantFrom('${', '%{', '$${', '%%{', '}', '$', '%', '{', 'path.cwd', 'file("/etc/passwd")', 'if true', 'endif', '~', '"', '\\', ' ', 'a', '\n');
    const seed = Date.now();
    const texts = fc.sample(fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('')), { numRuns: 150, seed });
    const locals = Object.fromEntries(texts.map((text, i) => [`t${i}`, escapeLiteralText(text) as string]));
    const evaluated = evaluateWithTerraform(locals);
    texts.forEach((text, i) => expect({ seed, text, evaluated: evaluated[`t${i}`] }).toEqual({ seed, text, evaluated: text }));
  });
});

/** Every string position of the configuration schema: `a.b`, `a[]`, `a.*` (map values), `a{key}` (map keys). */
function schemaStringPaths(schema: Schema, at = ''): string[] {
  const found: string[] = [];
  for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) found.push(...schemaStringPaths(branch, at));
  if (schema.type === 'string' && schema.enum === undefined && schema.const === undefined) found.push(at);
  for (const [key, inner] of Object.entries(schema.properties ?? {})) found.push(...schemaStringPaths(inner, at ? `${at}.${key}` : key));
  if (schema.items) found.push(...schemaStringPaths(schema.items, `${at}[]`));
  if (typeof schema.additionalProperties === 'object') {
    found.push(...schemaStringPaths(schema.additionalProperties, `${at}.*`));
    if (schema.propertyNames?.type === 'string') found.push(`${at}{key}`);
  }
  return [...new Set(found)];
}

/** A place in a document that holds a string: a value, or a key of a map. */
interface Leaf {
  readonly path: readonly (string | number)[];
  readonly pattern: string;
  readonly key: boolean;
}

/** The branch of a union a value takes: the one whose constant fields (such as `kind`) it matches. */
function branchesOf(schema: Schema, value: Json): Schema[] {
  const options = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  if (!options.length || value === null || typeof value !== 'object' || Array.isArray(value)) return [schema, ...options];
  const fits = options.filter((option) =>
    Object.entries(option.properties ?? {}).every(([key, inner]) => inner.const === undefined || (value as Record<string, Json>)[key] === inner.const),
  );
  return [schema, ...fits];
}

/** The string leaves of a document, each with its schema pattern (maps known from the schema). */
function leaves(value: Json, schema: Schema, at: readonly (string | number)[] = [], pattern = ''): Leaf[] {
  const branches = branchesOf(schema, value);
  if (typeof value === 'string') return [{ path: at, pattern, key: false }];
  if (Array.isArray(value)) {
    const items = branches.find((b) => b.items)?.items ?? {};
    return value.flatMap((item, i) => leaves(item, items, [...at, i], `${pattern}[]`));
  }
  if (value === null || typeof value !== 'object') return [];
  const found: Leaf[] = [];
  for (const [key, inner] of Object.entries(value)) {
    const declared = branches.find((b) => b.properties?.[key])?.properties?.[key];
    if (declared) found.push(...leaves(inner, declared, [...at, key], pattern ? `${pattern}.${key}` : key));
    else {
      const map = branches.find((b) => typeof b.additionalProperties === 'object');
      if (!map) continue;
      found.push({ path: [...at, key], pattern: `${pattern}{key}`, key: true });
      found.push(...leaves(inner, map.additionalProperties as Schema, [...at, key], `${pattern}.*`));
    }
  }
  return found;
}

/** The document with the string at `leaf` (or the key) extended by `text`. */
function inject(doc: Json, leaf: Leaf, text: string): Json {
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let parent = copy as Record<string | number, Json>;
  for (const step of leaf.path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = leaf.path[leaf.path.length - 1]!;
  if (leaf.key) {
    const entries = Object.entries(parent).map(([k, v]) => (k === last ? [`${k}${text}`, v] : [k, v]));
    for (const k of Object.keys(parent)) delete parent[k];
    Object.assign(parent, Object.fromEntries(entries));
  } else {
    parent[last] = `${parent[last] as string}${text}`;
  }
  return copy;
}

/** What each injected string adds: evaluated as a template, Terraform would print the runner's path and drop the directive. */
const payload = (id: number) => `\${path.cwd}%{if true}inj${id}%{endif}`;
const quoted = (id: number) => `${payload(id)}"\\`;

const TODAY = '2026-11-22';
const accepts = (doc: Json) => validateConfigDocument(doc as Record<string, unknown>, { today: TODAY }).issues.length === 0;

/** Every string Terraform planned (resource and provider inputs, outputs), JSON documents inside them decoded. */
function plannedStrings(plan: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      found.push(value);
      if (/^[[{]/.test(value)) {
        try {
          visit(JSON.parse(value));
        } catch {
          // not JSON
        }
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        found.push(key);
        visit(inner);
      }
    }
  };
  visit(plan);
  return found;
}

describe('every string field of the configuration, fed template sequences', () => {
  const schema = JSON.parse(fs.readFileSync(CONFIG_JSON_SCHEMA_FILE, 'utf8')) as Schema;
  const read = (environment: string) => parse(fs.readFileSync(path.join(PROJECT_ROOT, 'config', `${environment}.yaml`), 'utf8')) as Record<string, Json>;
  // dev, with every optional string field the environments leave unset.
  const dev = read('dev');
  const kong = dev['kong'] as Record<string, Json>;
  const everything: Record<string, Json> = {
    ...dev,
    tags: { owner: 'platform-team', 'cost-center': 'ai-gateway-dev' },
    upstreamKeyRotation: '2026-11',
    upstreamKeysAccepted: ['2026-10'],
    aws: { accountId: '111122223333' },
    models: (dev['models'] as Record<string, Json>[]).map((m): Json =>
      m['kind'] === 'bedrock-chat'
        ? { ...m, settings: { ...(m['settings'] as Record<string, Json>), stopSequences: ['END'] } }
        : m['kind'] === 'entities'
          ? { ...m, settings: { types: ['DATE'] } }
          : m['kind'] === 'external-llm'
            ? { ...m, promptGuard: { allowPatterns: ['.*'], denyPatterns: ['secret'] } }
            : m,
    ),
    alarms: { notify: { 'us-east-1': 'arn:aws:sns:us-east-1:123456789012:platform-alerts' } },
    kong: {
      ...kong,
      // Token budgets but no dollar budget: a dollar budget needs a price for every model name,
      // so an injected model name would be refused for that instead of reaching the stacks.
      tiers: Object.fromEntries(
        Object.entries(kong['tiers'] as Record<string, Record<string, Json>>).map(([name, tier]) => [
          name,
          { ...tier, budget: { tokens: { perMinute: 3000, perDay: 30000 } } },
        ]),
      ),
      cors: { origins: ['https://app.dev.example.com'], headers: ['x-trace'] },
      deployment: { tlsTermination: 'load-balancer', loadBalancerCidrs: ['10.0.0.0/16'], trustedCaBundle: '/etc/ssl/certs/ca-certificates.crt' },
      rateLimiting: { policy: 'redis', errorMessage: 'Slow down', redis: { host: 'redis.internal.example.com' } },
      egressCidrs: ['203.0.113.0/24'],
      upstream: { ...(kong['upstream'] as Record<string, Json>), weights: { 'us-east-1': 100 } },
    },
  };
  const backends: Record<string, Json>[] = [
    { ...everything, backend: { type: 'cloud', hostname: 'tfe.example.com', organization: 'acme-platform', project: 'ai-gateway' } },
    { ...everything, backend: { type: 's3', bucket: 'acme-terraform-state', region: 'us-east-1', keyPrefix: 'gateway/dev', kmsKeyId: 'alias/state' } },
  ];

  let next = 0;
  /** Each leaf extended, alone, by a payload (and by one with a quote and a backslash); the accepted variants. */
  function acceptedInjections(doc: Json, only?: (leaf: Leaf) => boolean) {
    const accepted: { leaf: Leaf; text: string; id: number }[] = [];
    const exercised = new Set<string>();
    for (const leaf of leaves(doc, schema).filter(only ?? (() => true))) {
      exercised.add(leaf.pattern);
      for (const make of [payload, quoted]) {
        const id = next++;
        if (accepts(inject(doc, leaf, make(id)))) accepted.push({ leaf, text: make(id), id });
      }
    }
    return { accepted, exercised };
  }

  test('the base documents are valid, and together exercise every string position the schema has', () => {
    expect(validateConfigDocument(everything, { today: TODAY }).issues).toEqual([]);
    for (const doc of backends) expect(validateConfigDocument(doc, { today: TODAY }).issues).toEqual([]);
    const exercised = new Set([everything, ...backends].flatMap((doc) => leaves(doc, schema).map((l) => l.pattern)));
    expect(schemaStringPaths(schema).filter((p) => !exercised.has(p))).toEqual([]);
  });

  test('wherever the schema accepts such text, every stack plans it as literal text', () => {
    const { accepted } = acceptedInjections(everything);
    // Free-text fields accept it: the test would be hollow otherwise.
    expect(accepted.map((a) => a.leaf.pattern)).toEqual(expect.arrayContaining(['models[].settings.stopSequences[]', 'models[].model', 'kong.rateLimiting.errorMessage']));

    // One document with every accepted injection: unique ids tell them apart.
    let doc: Json = everything;
    for (const { leaf, text } of accepted) doc = inject(doc, leaf, text);
    const result = validateConfigDocument(doc as Record<string, unknown>, { today: TODAY });
    expect(result.issues).toEqual([]);

    const app = synthesizeEnvironment(result.config!);
    try {
      const strings = Object.keys(app.manifest.stacks).flatMap((name) => {
        const { run, plan } = planStack(app.stack(name), 'known');
        expect({ name, errors: terraformErrors(run.output) }).toEqual({ name, errors: [] });
        // What Terraform evaluated (not the `configuration` section, which repeats the source).
        return plannedStrings([plan?.planned_values, plan?.resource_changes.map((c) => c.change.after)]);
      });
      const reached = accepted.filter(({ id }) => strings.some((s) => s.includes(`inj${id}%{endif}`)));
      // Evaluated, `${path.cwd}` would print a path and `%{if true}injN%{endif}` only `injN`.
      for (const s of strings.filter((text) => /inj\d+/.test(text))) {
        for (const match of s.matchAll(/inj(\d+)/g)) expect(s.slice(0, match.index)).toMatch(/\$\{path\.cwd\}%\{if true\}$/);
      }
      expect(reached.map((a) => a.leaf.pattern)).toEqual(expect.arrayContaining(['models[].settings.stopSequences[]', 'models[].model', 'kong.rateLimiting.errorMessage']));
    } finally {
      app.cleanup();
    }
  });

  test.each(backends.map((doc) => [(doc['backend'] as Record<string, Json>)['type'], doc] as const))('%s backend: every setting refuses template text', (_type, base) => {
    const { accepted, exercised } = acceptedInjections(base, (leaf) => leaf.path[0] === 'backend');
    expect(exercised.size).toBeGreaterThan(1);
    expect(accepted).toEqual([]);
  });
});

describe('backend blocks', () => {
  test('Terraform reads them as written, not as templates, so the boundary leaves them alone', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-backend-literal-'));
    try {
      const app = new App({ outdir, skipValidation: true });
      const stack = new TerraformStack(app, 'literal');
      new LocalBackend(stack, { path: 'state-${path.cwd}-$${x}.tfstate' });
      new TerraformOutput(stack, 'text', { value: 'out-${path.cwd}' });
      guardLiteralText(stack);
      const json = stack.toTerraform() as { terraform: { backend: { local: { path: string } } }; output: Record<string, { value: string }> };
      expect(json.terraform.backend.local.path).toBe('state-${path.cwd}-$${x}.tfstate');
      expect(json.output['text']!.value).toBe('out-$${path.cwd}');
      fs.writeFileSync(path.join(outdir, 'main.tf.json'), JSON.stringify(json));
      const env = { PATH: process.env['PATH'] ?? '', HOME: outdir, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: path.join(outdir, 'none') };
      execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: outdir, env, stdio: 'pipe' });
      execFileSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: outdir, env, stdio: 'pipe' });
      expect(fs.readdirSync(outdir)).toContain('state-${path.cwd}-$${x}.tfstate');
      const state = JSON.parse(fs.readFileSync(path.join(outdir, 'state-${path.cwd}-$${x}.tfstate'), 'utf8')) as { outputs: Record<string, { value: string }> };
      expect(state.outputs['text']!.value).toBe('out-${path.cwd}');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
