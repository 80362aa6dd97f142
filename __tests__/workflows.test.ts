import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../core/project';
import { availableEnvironments, loadConfig, resolveConfigSource } from '../config/load';
import { CONTROL_VARIABLES } from '../stacks/control-stack';
import { cloudTokenVariable } from '../stacks/state-backend';

const WORKFLOWS = path.join(PROJECT_ROOT, '.github', 'workflows');
const scripts = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Step {
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  steps: Step[];
  environment?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown[]> };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const text = (file: string) => fs.readFileSync(path.join(WORKFLOWS, file), 'utf8');
const load = (file: string) => parse(text(file)) as Workflow;
/** The Terraform variables of an environment's stacks, as its control stack declares them. */
const variablesOf = (environment: string) => {
  const config = loadConfig(resolveConfigSource({ GATEWAY_ENV: environment }));
  const consumers = config.kong.consumers.filter((c) => c.credential === 'variable').map((c) => CONTROL_VARIABLES.consumerSecret(c.username));
  return [CONTROL_VARIABLES.adminUri, CONTROL_VARIABLES.adminToken, ...consumers];
};
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('GitHub workflows', () => {
  const files = fs.readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'));

  test('there is a pull-request workflow and a deploy workflow, and both parse', () => {
    expect(files.sort()).toEqual(['deploy.yml', 'pull-request.yml']);
    for (const file of files) expect(Object.keys(load(file).jobs).length).toBeGreaterThan(0);
  });

  test.each(['deploy.yml', 'pull-request.yml'])('%s runs only npm scripts that exist', (file) => {
    for (const step of steps(load(file))) {
      for (const match of (step.run ?? '').matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(scripts)).toContain(match[1]);
      for (const match of (step.run ?? '').matchAll(/\b(scripts\/[\w./-]+)/g)) expect(fs.existsSync(path.join(PROJECT_ROOT, match[1]!))).toBe(true);
    }
  });

  test.each(['deploy.yml', 'pull-request.yml'])('%s pins every action to a commit SHA (a tag can be moved), naming its release', (file) => {
    const uses = steps(load(file)).filter((s) => s.uses).map((s) => s.uses!);
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
    for (const line of text(file).split('\n').filter((l) => /^\s*- uses: /.test(l))) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  test.each(['deploy.yml', 'pull-request.yml'])('%s checks out without keeping the token in .git/config', (file) => {
    const checkouts = steps(load(file)).filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const checkout of checkouts) expect(checkout.with).toMatchObject({ 'persist-credentials': false });
  });

  test('no workflow hands all secrets over, or writes them into the job environment', () => {
    for (const file of files) {
      expect(text(file)).not.toMatch(/toJSON\(\s*secrets\s*\)/i);
      expect(text(file)).not.toMatch(/GITHUB_ENV/);
    }
  });

  test('pull requests test, then synthesize, scan and upload every environment, with no secret and read-only', () => {
    const workflow = load('pull-request.yml');
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeUndefined();
    expect([...workflow.jobs['synth']!.strategy!.matrix['environment']!].sort()).toEqual(availableEnvironments());
    const runs = steps(workflow).map((s) => s.run ?? '');
    expect(runs).toEqual(expect.arrayContaining(['npm test', 'npm run synth', 'npm run scan -- cdktf.out']));
    // The pull request's own code runs here (npm ci, the tests): a token given to it is the PR author's.
    expect(text('pull-request.yml')).not.toMatch(/secrets\./);
    expect(steps(workflow).some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
  });

  test('deploys take one chosen environment, from main only, in its GitHub environment (approval for prod), with OIDC and no stored AWS keys', () => {
    const workflow = load('deploy.yml');
    expect([...(workflow.on['workflow_dispatch'] as { inputs: { environment: { options: string[] } } }).inputs.environment.options].sort()).toEqual(availableEnvironments());
    expect(Object.keys(workflow.on)).toEqual(['workflow_dispatch']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs['deploy']!.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(workflow.jobs['deploy']!.environment).toBe('${{ inputs.environment }}');
    const [guard] = workflow.jobs['deploy']!.steps;
    expect(guard).toMatchObject({ if: "github.ref != 'refs/heads/main'" });
    expect(guard!.run).toMatch(/exit 1/);
    const aws = steps(workflow).find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))!;
    expect(aws.with).toHaveProperty('role-to-assume');
    expect(aws.with).not.toHaveProperty('aws-access-key-id');
    expect(aws.with).not.toHaveProperty('aws-secret-access-key');
    const runs = steps(workflow).map((s) => s.run ?? '');
    expect(runs.indexOf('npm run scan -- cdktf.out')).toBeLessThan(runs.findIndex((r) => r.includes('npx cdktf deploy')));
    expect(fs.readFileSync(path.join(WORKFLOWS, 'deploy.yml'), 'utf8')).not.toMatch(/AKIA|aws_secret_access_key/i);
  });

  test('credentials arrive after npm ci, the tests, synthesis and the scan, and only the deploy step gets secrets', () => {
    const all = steps(load('deploy.yml'));
    const aws = all.findIndex((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    for (const run of ['npm ci', 'npm test', 'npm run synth', 'npm run scan -- cdktf.out']) {
      const index = all.findIndex((s) => s.run === run);
      expect(index).toBeGreaterThan(-1);
      expect(index).toBeLessThan(aws);
    }
    const deploy = all.findIndex((s) => s.run?.includes('npx cdktf deploy'));
    expect(deploy).toBe(all.length - 1);
    expect(aws).toBe(deploy - 1);
    const withSecrets = all.filter((s) => JSON.stringify(s).includes('secrets.'));
    expect(withSecrets).toEqual([all[deploy]]);
  });

  test('the deploy step names each Terraform variable every environment declares, from the secret of the same name, and drops unset ones', () => {
    const deploy = steps(load('deploy.yml')).find((s) => s.run?.includes('npx cdktf deploy'))!;
    const declared = [...new Set(availableEnvironments().flatMap(variablesOf))].sort();
    const passed = Object.keys(deploy.env!).filter((k) => k.startsWith('TF_VAR_')).map((k) => k.slice('TF_VAR_'.length)).sort();
    expect(passed).toEqual(declared);
    for (const name of declared) expect(deploy.env![`TF_VAR_${name}`]).toBe(`\${{ secrets.TF_VAR_${name} }}`);
    expect(deploy.env![cloudTokenVariable('app.terraform.io')]).toBe('${{ secrets.TF_API_TOKEN }}');
    // An unset secret arrives as "": it is unset before Terraform runs, so defaults apply.
    expect(deploy.run).toMatch(/\[ -n "\$\{!name\}" \] \|\| unset "\$name"/);
  });

  test('the Terraform token variable follows Terraform’s naming for a host', () => {
    expect(cloudTokenVariable('app.terraform.io')).toBe('TF_TOKEN_app_terraform_io');
    expect(cloudTokenVariable('tfe.my-company.example')).toBe('TF_TOKEN_tfe_my__company_example');
  });
});
