/**
 * The Terraform address is the index: from any address in a plan, its code is one hop away. A
 * resource's name is its construct path (cdktf joins the ids with `_` and adds a hash; a construct's
 * primary resource has the id `Resource`, which cdktf leaves out of the name: cdktf 0.21.0
 * lib/private/unique.js:15 HIDDEN_FROM_HUMAN_ID). Each construct id names the file of its construct
 * (`model-function-sentiment` → constructs/model-function.ts), so the last construct in the name
 * is the file that creates the resource.
 */
import * as fs from 'fs';
import * as path from 'path';
import { availableEnvironments, loadConfig, resolveConfigSource } from '../config/load';
import { PROJECT_ROOT } from '../core/project';
import { synthesizeEnvironment } from './support/synth';

/** Every construct file, by its name without extension (`model-function`, `kong-plugin`). */
const CONSTRUCT_FILES = new Map(
  (fs.readdirSync(path.join(PROJECT_ROOT, 'constructs'), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && /^export class \w+ extends Construct\b/m.test(fs.readFileSync(path.join(PROJECT_ROOT, 'constructs', file), 'utf8')))
    .map((file) => [path.basename(file, '.ts'), path.join('constructs', file)]),
);

/** The construct file an id names: the longest file name that is the id or the start of it (`<file>-<key>`). */
function constructFileOf(id: string): string | undefined {
  let best: string | undefined;
  for (const stem of CONSTRUCT_FILES.keys()) {
    if ((id === stem || id.startsWith(`${stem}-`)) && (best === undefined || stem.length > best.length)) best = stem;
  }
  return best === undefined ? undefined : CONSTRUCT_FILES.get(best);
}

/** The binding class of a resource type, as @cdktf/provider-* and the Kong bindings name it. */
function bindingClass(type: string): string {
  const data = type.startsWith('data.');
  const bare = data ? type.slice('data.'.length) : type;
  const pascal = (s: string) => s.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  if (data) return `Data${pascal(bare)}`;
  return pascal(bare.replace(/^(aws|kong|random)_/, ''));
}

/**
 * Where an address's code is, read from the address alone as a person reading a plan would: the
 * constructs its name passes through, and the file that creates it (the last construct's, or the
 * stack's for a block the stack makes itself).
 */
function codeOf(address: string): { readonly file: string | undefined; readonly unmapped: readonly string[] } {
  const name = address.split('.').pop()!;
  const components = /_[0-9A-F]{8}$/.test(name) ? name.slice(0, -9).split('_') : [name];
  const files = components.map(constructFileOf);
  // Every component but a last, local id (e.g. `role` in `model-function-sentiment_role`) names a construct.
  const unmapped = components.filter((_, i) => files[i] === undefined && i < components.length - 1);
  const constructs = files.filter((f): f is string => f !== undefined);
  return { file: constructs.at(-1), unmapped };
}

/** Blocks cdktf creates for a call rather than a constructor: the remote state a stack reads another through. */
const CREATED_BY_CALL: Readonly<Record<string, string>> = { 'data.terraform_remote_state': 'getRemoteStateDataSource(' };

/** The stack files, for blocks a stack creates itself (its data sources). */
const STACK_SOURCES = fs.readdirSync(path.join(PROJECT_ROOT, 'stacks')).map((f) => fs.readFileSync(path.join(PROJECT_ROOT, 'stacks', f), 'utf8'));

describe.each(availableEnvironments())('every address of config/%s.yaml leads to its code', (environment) => {
  const config = loadConfig(resolveConfigSource({ GATEWAY_ENV: environment }));
  const app = synthesizeEnvironment(config);
  afterAll(() => app.cleanup());
  const addresses = Object.keys(app.manifest.stacks).flatMap((stack) => {
    const json = app.stack(stack);
    return [
      ...Object.entries(json.resource ?? {}).flatMap(([type, named]) => Object.keys(named).map((n) => ({ stack, type, address: `${type}.${n}` }))),
      ...Object.entries(json.data ?? {}).flatMap(([type, named]) => Object.keys(named).map((n) => ({ stack, type: `data.${type}`, address: `data.${type}.${n}` }))),
    ];
  });

  test('there are addresses to check', () => {
    expect(addresses.length).toBeGreaterThan(20);
  });

  test('each names constructs only, and the file it names creates the resource', () => {
    const wrong = addresses.flatMap(({ stack, type, address }) => {
      const { file, unmapped } = codeOf(address);
      const creates = CREATED_BY_CALL[type] ?? `new ${bindingClass(type)}(`;
      if (unmapped.length > 0) return [`${stack}: ${address}: ${unmapped.join(', ')} names no construct file`];
      if (file === undefined) return STACK_SOURCES.some((s) => s.includes(creates)) ? [] : [`${stack}: ${address}: no stack creates ${creates}`];
      return fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8').includes(creates) ? [] : [`${stack}: ${address}: ${file} does not create ${creates}`];
    });
    expect(wrong).toEqual([]);
  });
});

test('the mapping refuses an address it cannot place', () => {
  expect(codeOf('aws_lambda_function.model-function-sentiment_E0E4F560').file).toBe(path.join('constructs', 'model-function.ts'));
  expect(codeOf('aws_iam_role.model-function-sentiment_role_E0E4F560').file).toBe(path.join('constructs', 'model-function.ts'));
  expect(codeOf('aws_lambda_function.model-sentiment_function_E0E4F560').unmapped).toEqual(['model-sentiment']);
  expect(bindingClass('kong_consumer_key_auth')).toBe('ConsumerKeyAuth');
  expect(bindingClass('data.aws_caller_identity')).toBe('DataAwsCallerIdentity');
});
