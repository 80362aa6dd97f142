/**
 * Hand edits of a synthesized output that tried to get past `npm run scan`: each must now end in
 * a blocking finding or a refusal naming what is wrong.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { blocking } from '../../guardrails/engine';
import { scanSynthesizedOutput } from '../../guardrails/scan';
import { GatewayError } from '../../core/errors';
import { synthesizeGuarded } from '../../app/synth';
import { kongDocument, testConfig } from '../support/config';

type Doc = { resource: Record<string, Record<string, Record<string, unknown>>> } & Record<string, unknown>;
const STACK = 'aigw-test-eu-west-1';
const REASON = 'this is a perfectly reasonable reason, honestly';

let base: string;
let out: string;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-evasion-base-'));
  // With Kong's egress ranges, as prod has them: each regional API carries the Kong-only policy.
  synthesizeGuarded(testConfig({ regions: ['eu-west-1'], kong: kongDocument({ egressCidrs: ['198.51.100.10/32'] }) }), path.join(base, 'out'));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
beforeEach(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-evasion-'));
  fs.cpSync(path.join(base, 'out'), out, { recursive: true });
});
afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

const CONTROL = 'aigw-test-control';
const stackDir = (stack = STACK) => path.join(out, 'stacks', stack);
const stackFile = (stack = STACK) => path.join(stackDir(stack), 'cdk.tf.json');
const read = (stack = STACK): Doc => JSON.parse(fs.readFileSync(stackFile(stack), 'utf8')) as Doc;
const write = (doc: unknown, stack = STACK) => fs.writeFileSync(stackFile(stack), JSON.stringify(doc));
/** The one resource of `type` whose name contains `part` (first otherwise). */
const named = (doc: Doc, type: string, part = '') => Object.entries(doc.resource[type]!).find(([name]) => name.includes(part))!;
const modelMethod = (doc: Doc) => named(doc, 'aws_api_gateway_method', 'route-')[1];
const ack = (rule: string, reason = REASON) => ({ guardrails: { acknowledged: [{ rule, reason }] }, metadata: {} });

/** The rules whose findings block, or the refusal's message. */
function outcome(): string[] | string {
  try {
    return [...new Set(blocking(scanSynthesizedOutput(out).findings).map((f) => f.rule))].sort();
  } catch (err) {
    if (err instanceof GatewayError) return err.message;
    throw err;
  }
}

test('the untouched output is clean', () => {
  expect(outcome()).toEqual([]);
});

describe('acknowledgements in the output accept only what the pack allows', () => {
  test.each([
    ['an empty reason on an opened model method', (d: Doc) => Object.assign(modelMethod(d), { api_key_required: false, '//': ack('AIGW-APIG-1', '') }), ['AIGW-APIG-1', 'AIGW-GR-1']],
    ['a good reason on an opened model method (it reaches a function)', (d: Doc) => Object.assign(modelMethod(d), { api_key_required: false, '//': ack('AIGW-APIG-1') }), ['AIGW-APIG-1', 'AIGW-GR-1']],
    ['a rule that is never accepted', (d: Doc) => Object.assign(named(d, 'aws_lambda_permission')[1], { principal: '*', '//': ack('AIGW-LMBD-6') }), ['AIGW-GR-1', 'AIGW-LMBD-6', 'AIGW-LMBD-8']],
    ['a rule that does not judge the resource', (d: Doc) => Object.assign(named(d, 'aws_lambda_permission')[1], { principal: '*', '//': ack('AIGW-APIG-1') }), ['AIGW-GR-1', 'AIGW-LMBD-6', 'AIGW-LMBD-8']],
  ])('%s', (_case, edit, rules) => {
    const doc = read();
    edit(doc);
    write(doc);
    expect(outcome()).toEqual(rules);
  });
});

describe('Terraform’s JSON forms are read as Terraform reads them', () => {
  test('"resource" as an array of objects', () => {
    const doc = read();
    named(doc, 'aws_lambda_permission')[1]['principal'] = '*';
    write({ ...doc, resource: Object.entries(doc.resource).map(([type, named]) => ({ [type]: named })) });
    expect(outcome()).toEqual(['AIGW-LMBD-6', 'AIGW-LMBD-8']);
  });

  test('a type and a body as arrays', () => {
    const doc = read();
    const [name, permission] = named(doc, 'aws_lambda_permission');
    doc.resource['aws_lambda_permission'] = [{ [name]: [{ ...permission, principal: '*' }] }] as never;
    write(doc);
    expect(outcome()).toEqual(['AIGW-LMBD-6', 'AIGW-LMBD-8']);
  });

  test('one block declared twice is refused, as Terraform refuses it', () => {
    const doc = read();
    const [name, permission] = named(doc, 'aws_lambda_permission');
    doc.resource['aws_lambda_permission'] = [{ [name]: permission }, { [name]: { ...permission, principal: '*' } }] as never;
    write(doc);
    expect(outcome()).toMatch(/resource "aws_lambda_permission" "model-api_model-route-\w+" is declared more than once/);
  });

  test.each([
    ['"${\\"*\\"}" for "*"', (d: Doc) => (named(d, 'aws_lambda_permission')[1]['principal'] = '${"*"}'), ['AIGW-LMBD-6', 'AIGW-LMBD-8']],
    ['"${true}" for true', (d: Doc) => ((named(d, 'aws_api_gateway_method_settings')[1]['settings'] as Record<string, unknown>)['data_trace_enabled'] = '${true}'), ['AIGW-APIG-7']],
    ['"${false}" for false', (d: Doc) => (modelMethod(d)['api_key_required'] = '${false}'), ['AIGW-APIG-1']],
    ['an Action of "${\\"*\\"}" inside a literal policy', (d: Doc) => {
      const policy = named(d, 'aws_iam_role_policy')[1];
      const document = JSON.parse(policy['policy'] as string) as { Statement: Record<string, unknown>[] };
      document.Statement.push({ Effect: 'Allow', Action: 'PLACEHOLDER', Resource: '*' });
      // Not JSON until Terraform evaluates the template: then the Action is "*".
      policy['policy'] = JSON.stringify(document).replace('"PLACEHOLDER"', '"${"*"}"');
    }, ['AIGW-DDB-3', 'AIGW-IAM-2', 'AIGW-IAM-4', 'AIGW-IAM-6']],
  ])('literal interpolations are folded: %s', (_case, edit, rules) => {
    const doc = read();
    edit(doc);
    write(doc);
    expect(outcome()).toEqual(rules);
  });

  test('a guarded setting written as an expression fails closed', () => {
    const doc = read();
    modelMethod(doc)['authorization'] = '${aws_api_gateway_rest_api.model-api_FDFA0565.name}';
    write(doc);
    expect(outcome()).toEqual(['AIGW-APIG-1']);
    expect(scanSynthesizedOutput(out).findings.find((f) => f.rule === 'AIGW-APIG-1' && !f.acknowledged)!.detail).toMatch(/^authorization is an expression .* this rule cannot evaluate/);
  });

  test('a policy built with jsonencode() is an error, not a warning', () => {
    const doc = read();
    named(doc, 'aws_iam_role_policy')[1]['policy'] = '${jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "*", Resource = "*"}]})}';
    write(doc);
    expect(outcome()).toEqual(['AIGW-IAM-5']);
  });
});

describe('scan reads what Terraform reads, and nothing else decides', () => {
  test('another *.tf.json in the stack directory is judged with the stack', () => {
    fs.writeFileSync(path.join(stackDir(), 'extra.tf.json'), JSON.stringify({ resource: { aws_lambda_permission: { open: { action: 'lambda:InvokeFunction', function_name: 'f', principal: '*' } } } }));
    expect(outcome()).toEqual(['AIGW-LMBD-6', 'AIGW-LMBD-8']);
  });

  test('a block declared in two files is refused', () => {
    const [name, permission] = named(read(), 'aws_lambda_permission');
    fs.writeFileSync(path.join(stackDir(), 'extra.tf.json'), JSON.stringify({ resource: { aws_lambda_permission: { [name]: permission } } }));
    expect(outcome()).toMatch(/extra\.tf\.json: resource "aws_lambda_permission" "model-api_model-route-\w+" is declared more than once/);
  });

  test.each([
    ['main.tf', 'resource "aws_lambda_permission" "x" { principal = "*" }', /stacks\/aigw-test-eu-west-1\/main\.tf is a file Terraform would load and cdktf never writes \(HCL\)/],
    ['zz_override.tf.json', '{"resource":{"aws_lambda_permission":{}}}', /zz_override\.tf\.json is a file Terraform would load and cdktf never writes \(an override file\)/],
    ['override.tf.json', '{}', /override\.tf\.json is a file Terraform would load .* \(an override file\)/],
    ['terraform.auto.tfvars.json', '{}', /terraform\.auto\.tfvars\.json is a file Terraform would load .* \(variable values\)/],
  ])('%s is refused', (name, text, message) => {
    fs.writeFileSync(path.join(stackDir(), name), text);
    expect(outcome()).toMatch(message);
  });

  test('a manifest pointing scan at a clean copy is refused', () => {
    const doc = read();
    named(doc, 'aws_lambda_permission')[1]['principal'] = '*';
    fs.cpSync(stackDir(), path.join(out, 'clean'), { recursive: true });
    write(doc);
    const manifestFile = path.join(out, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { stacks: Record<string, Record<string, string>> };
    manifest.stacks[STACK]!['synthesizedStackPath'] = 'clean/cdk.tf.json';
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(outcome()).toMatch(/the manifest reads aigw-test-eu-west-1 from clean\/cdk\.tf\.json, but Terraform runs in stacks\/aigw-test-eu-west-1/);
  });

  test.each([
    ['outside the output', '../elsewhere', /points the working directory of aigw-test-eu-west-1 outside the output directory/],
    ['an absolute path', '/tmp', /gives the working directory of aigw-test-eu-west-1 as "\/tmp"/],
  ])('a manifest working directory %s is refused', (_case, workingDirectory, message) => {
    const manifestFile = path.join(out, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { stacks: Record<string, Record<string, string>> };
    manifest.stacks[STACK]!['workingDirectory'] = workingDirectory;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(outcome()).toMatch(message);
  });

  test('a stack directory the manifest does not list is judged too', () => {
    fs.cpSync(stackDir(), path.join(out, 'stacks', 'shadow'), { recursive: true });
    expect(scanSynthesizedOutput(out).unlisted).toEqual(['shadow']);
    const file = path.join(out, 'stacks', 'shadow', 'cdk.tf.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"principal": "apigateway.amazonaws.com"', '"principal": "*"'));
    expect(blocking(scanSynthesizedOutput(out).findings).map((f) => `${f.stack} ${f.rule}`)).toEqual(['shadow AIGW-LMBD-6', 'shadow AIGW-LMBD-8']);
  });

  test('deeply nested JSON is refused, not a stack overflow', () => {
    fs.writeFileSync(path.join(stackDir(), 'deep.tf.json'), `{"locals":{"deep":${'['.repeat(100_000)}"x"${']'.repeat(100_000)}}}`);
    expect(outcome()).toMatch(/deep\.tf\.json (nests deeper than 64 levels|cannot be read as JSON)/);
  });
});

describe('rules reach every way around Kong, without any evasion (item 8)', () => {
  const policyDoc = (...statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const add = (doc: Doc, type: string, name: string, values: Record<string, unknown>) => (doc.resource[type] = { ...doc.resource[type], [name]: values });
  const functionName = (doc: Doc) => `\${aws_lambda_function.${named(doc, 'aws_lambda_function')[0]}.function_name}`;
  const roleName = (doc: Doc) => `\${aws_iam_role.${named(doc, 'aws_iam_role', 'model-')[0]}.name}`;
  const modelPolicy = (doc: Doc) => named(doc, 'aws_iam_role_policy')[1];
  const addStatement = (doc: Doc, statement: Record<string, unknown>) => {
    const document = JSON.parse(modelPolicy(doc)['policy'] as string) as { Statement: unknown[] };
    document.Statement.push(statement);
    modelPolicy(doc)['policy'] = JSON.stringify(document);
  };

  test.each<[string, (d: Doc) => void, string[]]>([
    ['a Lambda permission for another account’s API', (d) => (named(d, 'aws_lambda_permission')[1]['source_arn'] = 'arn:aws:execute-api:eu-west-1:999988887777:abcdef1234/*'), ['AIGW-LMBD-8']],
    ['a Lambda permission for another account', (d) => Object.assign(named(d, 'aws_lambda_permission')[1], { principal: '999988887777', source_arn: undefined }), ['AIGW-LMBD-8']],
    ['a Lambda permission for EventBridge', (d) => Object.assign(named(d, 'aws_lambda_permission')[1], { principal: 'events.amazonaws.com', source_arn: 'arn:aws:events:eu-west-1:111122223333:rule/x' }), ['AIGW-LMBD-8']],
    ['a function URL', (d) => add(d, 'aws_lambda_function_url', 'open', { function_name: functionName(d), authorization_type: 'NONE' }), ['AIGW-LMBD-9']],
    ['an HTTP API', (d) => {
      add(d, 'aws_apigatewayv2_api', 'http', { name: 'side-door', protocol_type: 'HTTP', target: `\${aws_lambda_function.${named(d, 'aws_lambda_function')[0]}.arn}` });
    }, ['AIGW-LMBD-9']],
    ['Action "?*" on "arn:*"', (d) => addStatement(d, { Effect: 'Allow', Action: '?*', Resource: 'arn:*' }), ['AIGW-DDB-3', 'AIGW-IAM-2', 'AIGW-IAM-4', 'AIGW-IAM-6']],
    ['iam:PassRole on any role', (d) => addStatement(d, { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/*' }), ['AIGW-IAM-6']],
    ['iam:PutRolePolicy on any role', (d) => addStatement(d, { Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::111122223333:role/*' }), ['AIGW-IAM-6']],
    ['a role’s inline policy', (d) => (named(d, 'aws_iam_role', 'model-')[1]['inline_policy'] = [{ name: 'extra', policy: policyDoc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }]), ['AIGW-IAM-4']],
    ['managed PowerUserAccess', (d) => add(d, 'aws_iam_role_policy_attachment', 'power', { role: roleName(d), policy_arn: 'arn:aws:iam::aws:policy/PowerUserAccess' }), ['AIGW-IAM-3']],
    ['a customer policy defined elsewhere', (d) => add(d, 'aws_iam_role_policy_attachment', 'theirs', { role: roleName(d), policy_arn: 'arn:aws:iam::111122223333:policy/anything' }), ['AIGW-IAM-3']],
    // The stage's redeployment trigger still names the deleted policy (AIGW-TF-1).
    ['the resource policy deleted', (d) => delete d.resource['aws_api_gateway_rest_api_policy'], ['AIGW-APIG-10', 'AIGW-TF-1']],
    ['the resource policy opened to everyone', (d) => {
      named(d, 'aws_api_gateway_rest_api_policy')[1]['policy'] = policyDoc({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' });
    }, ['AIGW-APIG-10']],
    ['the resource policy’s deny widened to 0.0.0.0/1', (d) => {
      const p = named(d, 'aws_api_gateway_rest_api_policy')[1];
      p['policy'] = (p['policy'] as string).split('198.51.100.10/32').join('0.0.0.0/1');
    }, ['AIGW-APIG-10']],
  ])('%s is blocked', (_case, edit, rules) => {
    const doc = read();
    edit(doc);
    write(doc);
    expect(outcome()).toEqual(rules);
  });

  test('key-auth with anonymous set is blocked', () => {
    const doc = read(CONTROL);
    const [, keyAuth] = Object.entries(doc.resource['kong_plugin']!).find(([, p]) => p['name'] === 'key-auth')!;
    keyAuth['config_json'] = JSON.stringify({ ...(JSON.parse(keyAuth['config_json'] as string) as object), anonymous: 'somebody' });
    write(doc, CONTROL);
    expect(outcome()).toEqual(['AIGW-KONG-1']);
  });

  test('an acknowledgement cannot excuse a policy that admits everyone, only a missing one', () => {
    const doc = read();
    const [, api] = named(doc, 'aws_api_gateway_rest_api');
    api['//'] = ack('AIGW-APIG-10');
    write(doc);
    expect(outcome()).toEqual(['AIGW-GR-1']);
  });
});
