import { hasBudgets } from '../../config/metering';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { acknowledgeFinding } from '../../guardrails/acknowledge';
import { GuardrailsAspect } from '../../guardrails/aspect';
import { RULE_IDS } from '../../guardrails/pack';
import { blocking } from '../../guardrails/engine';
import { readSynthesizedStacks, scanSynthesizedOutput } from '../../guardrails/scan';
import { PROJECT_ROOT } from '../../core/project';
import { availableEnvironments, loadConfig, resolveConfigSource } from '../../config/load';
import { GatewayError, unknownAcknowledgedRules } from '../../core/errors';
import { synthesizeGuarded } from '../../app/synth';
import { configDocument, kongDocument, modelDocument, testConfig } from '../support/config';
import { entryArgs } from '../support/run';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigw-gate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the guardrails gate on synth', () => {
  test.each(availableEnvironments())('config/%s.yaml passes the rule pack, and scan agrees with the aspect', (environment) => {
    const out = path.join(dir, 'cdktf.out');
    const config = loadConfig(resolveConfigSource({ GATEWAY_ENV: environment }));
    const result = synthesizeGuarded(config, out);
    expect(blocking(result.findings)).toEqual([]);
    // The accepted findings: each region's open GET /health mock; where Kong's egress ranges are
    // not configured, each region's API without a Kong-only resource policy; where tiers have
    // budgets, each region's budget table without point-in-time recovery.
    const kongOnly = config.kong.egressCidrs !== undefined;
    const perRegion = ['AIGW-APIG-1', ...(kongOnly ? [] : ['AIGW-APIG-10']), ...(hasBudgets(config) ? ['AIGW-DDB-2'] : [])];
    expect(result.findings.map((f) => f.rule).sort()).toEqual(config.regions.flatMap(() => perRegion).sort());
    expect(result.findings.every((f) => f.acknowledged !== undefined)).toBe(true);
    expect(result.findings.filter((f) => f.rule === 'AIGW-APIG-1').every((f) => /health checks send no API key/.test(f.acknowledged!))).toBe(true);
    expect(result.findings.filter((f) => f.rule === 'AIGW-APIG-10').every((f) => /kong\.egressCidrs is not set/.test(f.acknowledged!))).toBe(true);
    expect(result.findings.filter((f) => f.rule === 'AIGW-DDB-2').every((f) => /Budget counters of windows/.test(f.acknowledged!))).toBe(true);
    expect(result.checked).toBeGreaterThan(100);
    const scanned = scanSynthesizedOutput(out);
    const byPlace = (a: { stack: string; address: string }, b: { stack: string; address: string }) =>
      `${a.stack} ${a.address}`.localeCompare(`${b.stack} ${b.address}`);
    expect([...scanned.findings].sort(byPlace)).toEqual([...result.findings].sort(byPlace));
    expect(scanned.checked).toBe(result.checked);
    // The deploy workflow passes each variable the synthesized stacks declare (from its own secret).
    const deployYaml = fs.readFileSync(path.join(PROJECT_ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8');
    for (const { file } of readSynthesizedStacks(out)) {
      const variables = Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { variable?: object }).variable ?? {});
      for (const name of variables) expect(deployYaml).toContain(`TF_VAR_${name}: \${{ secrets.TF_VAR_${name} }}`);
    }
  });

  test('a configuration that would break a guardrail fails with a readable report and writes nothing', () => {
    const out = path.join(dir, 'cdktf.out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'manifest.json'), '{"previous":true}');
    const leaky = testConfig({
      kong: kongDocument({ groups: ['nlp', 'llm'] }),
      models: [modelDocument(), { name: 'chat', kind: 'external-llm', allowedGroups: ['llm'], provider: 'openai', model: 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123' }],
    });
    let error: unknown;
    try {
      synthesizeGuarded(leaky, out);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(GatewayError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Guardrails failed: 2 findings must be fixed/);
    expect(message).toMatch(/error {2}AIGW-SEC-1 {3}aigw-test-control: kong_plugin\.kong-model-routes_llm-proxy-chat_kong-plugin-ai-proxy_\w+ {2}A literal in the output looks like a secret\. \(config_json looks like an OpenAI or Anthropic API key\)/);
    expect(message).not.toContain('sk-proj-AbCdEf');
    expect(message).toMatch(/error {2}AIGW-KONG-7 {2}aigw-test-control: kong_plugin\.kong-model-routes_llm-proxy-chat_kong-plugin-ai-proxy_\w+ {2}A Kong plugin config_json holds .*\(name looks like an OpenAI or Anthropic API key\)/);
    expect(message).toContain('AIGW-KONG-7: Terraform reads ${');
    expect(message).toContain('Nothing was written');
    expect(fs.readdirSync(out)).toEqual(['manifest.json']);
    expect(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe('{"previous":true}');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.cdktf-staging-'))).toEqual([]);
  });

  test('publishing keeps Terraform’s working files in stack directories and replaces assets; staging directories a killed synthesis left behind are removed, a running one’s kept', () => {
    const out = path.join(dir, 'cdktf.out');
    const config = testConfig({ regions: ['eu-west-1'] });
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const abandoned = [`.cdktf-staging-${gone}-a1b2c3`, '.cdktf-staging-x9y8z7'];
    const live = `.cdktf-staging-${process.ppid}-d4e5f6`;
    for (const name of [...abandoned, live]) {
      fs.mkdirSync(path.join(dir, name, 'stacks'), { recursive: true });
      fs.writeFileSync(path.join(dir, name, 'stacks', 'big.json'), 'x'.repeat(1024));
    }
    synthesizeGuarded(config, out);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.cdktf-staging-'))).toEqual([live]);
    const stackDir = path.join(out, 'stacks', 'aigw-test-eu-west-1');
    fs.mkdirSync(path.join(stackDir, '.terraform'));
    fs.writeFileSync(path.join(stackDir, '.terraform.lock.hcl'), 'lock');
    fs.mkdirSync(path.join(stackDir, 'assets', 'stale', 'OLD'), { recursive: true });
    synthesizeGuarded(config, out);
    expect(fs.existsSync(path.join(stackDir, '.terraform'))).toBe(true);
    expect(fs.readFileSync(path.join(stackDir, '.terraform.lock.hcl'), 'utf8')).toBe('lock');
    expect(fs.existsSync(path.join(stackDir, 'assets', 'stale'))).toBe(false);
  });
});

describe('npm run scan', () => {
  function scan(target: string) {
    return spawnSync(process.execPath, entryArgs('scripts/scan.ts', target), { cwd: PROJECT_ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() } });
  }

  test('is clean on a synthesized environment, listing the accepted findings', () => {
    const out = path.join(dir, 'out');
    synthesizeGuarded(testConfig(), out);
    const run = scan(out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/scanned 4 stacks in .*: aigw-test-control, aigw-test-eu-west-1, aigw-test-global, aigw-test-us-east-1|scanned 4 stacks/);
    expect(run.stdout).toMatch(/accepted {2}AIGW-APIG-1/);
    expect(run.stdout).toMatch(/guardrails: \d+ checks, 0 errors, 0 warnings, 4 accepted/);
  });

  test('exits 1 with the finding when an output was changed to break a rule', () => {
    const out = path.join(dir, 'out');
    synthesizeGuarded(testConfig({ regions: ['eu-west-1'] }), out);
    const file = path.join(out, 'stacks', 'aigw-test-eu-west-1', 'cdk.tf.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"data_trace_enabled": false', '"data_trace_enabled": true'));
    const run = scan(out);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/error +AIGW-APIG-7 +aigw-test-eu-west-1: aws_api_gateway_method_settings\.model-api_api-stage_method-settings_\w+ +API Gateway data trace is on/);
    expect(run.stdout).toMatch(/1 error/);
  });

  test('says what to do when pointed at something that is not an output', () => {
    const run = scan(path.join(dir, 'missing'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('it has no manifest.json. Run `npm run synth` first');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('acknowledging a finding', () => {
  const method = (scope: import('constructs').Construct) =>
    new ApiGatewayMethod(scope, 'm', { restApiId: 'a', resourceId: 'r', httpMethod: 'GET', authorization: 'NONE' });

  test('is written on the resource, with its reason', () => {
    const stack = new TerraformStack(new App(), 'ack');
    acknowledgeFinding(method(stack), 'AIGW-APIG-1', 'An open MOCK health check that invokes nothing at all.');
    const resource = (stack.toTerraform() as { resource: Record<string, Record<string, Record<string, any>>> }).resource['aws_api_gateway_method']!['m']!;
    expect(resource['//'].guardrails.acknowledged).toEqual([{ rule: 'AIGW-APIG-1', reason: 'An open MOCK health check that invokes nothing at all.' }]);
  });

  test('needs a real reason, and only once per rule', () => {
    Testing.synthScope((scope) => {
      const m = method(scope);
      expect(() => acknowledgeFinding(m, 'AIGW-APIG-1', 'ok')).toThrow(/reason is "ok"; accepted: a written reason of at least 30 characters/);
      acknowledgeFinding(m, 'AIGW-APIG-1', 'A long enough reason to be accepted here.');
      expect(() => acknowledgeFinding(m, 'AIGW-APIG-1', 'A second reason for the same rule here.')).toThrow(/a rule not yet acknowledged/);
    });
  });

  test('of a rule the pack does not have fails synth, naming the resource, and writes nothing', () => {
    const stack = new TerraformStack(new App(), 'ack');
    const aspect = new GuardrailsAspect(RULE_IDS);
    Aspects.of(stack).add(aspect);
    acknowledgeFinding(method(stack), 'CKV_AWS_59', 'A long enough reason to be accepted here.');
    acknowledgeFinding(new ApiGatewayMethod(stack, 'known', { restApiId: 'a', resourceId: 'r', httpMethod: 'GET', authorization: 'NONE' }), 'AIGW-APIG-1', 'A long enough reason to be accepted here.');
    Testing.synth(stack);
    expect(aspect.problems).toEqual([{ path: 'ack/m', rule: 'CKV_AWS_59' }]);
    expect(unknownAcknowledgedRules(aspect.problems, RULE_IDS).message).toMatch(/1 acknowledgement names no rule of the pack:\n {2}ack\/m: "CKV_AWS_59"\nAcknowledge one of: AIGW-APIG-1, /);
  });
});

describe('the aspect', () => {
  test('runs on every stack of an environment', () => {
    const config = testConfig({ models: [modelDocument()], ...configDocument({}) });
    const result = synthesizeGuarded(config, path.join(dir, 'o'));
    expect(result.stacks).toEqual(['aigw-test-global', 'aigw-test-us-east-1', 'aigw-test-eu-west-1', 'aigw-test-control']);
  });
});
