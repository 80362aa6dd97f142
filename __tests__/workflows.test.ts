import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../lib/project';
import { availableEnvironments } from '../lib/config/load';
import { cloudTokenVariable } from '../stacks/state-backend';

const WORKFLOWS = path.join(PROJECT_ROOT, '.github', 'workflows');
const scripts = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; environment?: string; strategy?: { matrix: Record<string, unknown[]> } }>;
}

const load = (file: string) => parse(fs.readFileSync(path.join(WORKFLOWS, file), 'utf8')) as Workflow;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('GitHub workflows', () => {
  const files = fs.readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml'));

  test('there is a pull-request workflow and a deploy workflow, and both parse', () => {
    expect(files.sort()).toEqual(['deploy.yml', 'pull-request.yml']);
    for (const file of files) expect(Object.keys(load(file).jobs).length).toBeGreaterThan(0);
  });

  test.each(['deploy.yml', 'pull-request.yml'])('%s runs only npm scripts that exist, and pins every action to a major version', (file) => {
    for (const step of steps(load(file))) {
      for (const match of (step.run ?? '').matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(scripts)).toContain(match[1]);
      for (const match of (step.run ?? '').matchAll(/\b(scripts\/[\w./-]+)/g)) expect(fs.existsSync(path.join(PROJECT_ROOT, match[1]!))).toBe(true);
      if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
    }
  });

  test('pull requests test, then synthesize, scan, diff and upload every environment', () => {
    const workflow = load('pull-request.yml');
    expect(workflow.on).toHaveProperty('pull_request');
    expect([...workflow.jobs['synth']!.strategy!.matrix['environment']!].sort()).toEqual(availableEnvironments());
    const runs = steps(workflow).map((s) => s.run ?? '');
    expect(runs).toEqual(expect.arrayContaining(['npm test', 'npm run synth', 'npm run scan -- cdktf.out', 'npm run diff:stacks']));
    const diff = steps(workflow).find((s) => s.run === 'npm run diff:stacks')!;
    expect(diff.env).toEqual({ [cloudTokenVariable('app.terraform.io')]: '${{ secrets.TF_API_TOKEN }}' });
    expect(steps(workflow).some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
  });

  test('deploys take one chosen environment, in its GitHub environment (approval for prod), with OIDC and no stored AWS keys', () => {
    const workflow = load('deploy.yml');
    expect([...(workflow.on['workflow_dispatch'] as { inputs: { environment: { options: string[] } } }).inputs.environment.options].sort()).toEqual(availableEnvironments());
    expect(workflow.permissions).toMatchObject({ 'id-token': 'write' });
    expect(workflow.jobs['deploy']!.environment).toBe('${{ inputs.environment }}');
    const aws = steps(workflow).find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))!;
    expect(aws.with).toHaveProperty('role-to-assume');
    expect(aws.with).not.toHaveProperty('aws-access-key-id');
    expect(aws.with).not.toHaveProperty('aws-secret-access-key');
    const runs = steps(workflow).map((s) => s.run ?? '');
    expect(runs.indexOf('npm run scan -- cdktf.out')).toBeLessThan(runs.findIndex((r) => r.startsWith('npx cdktf deploy')));
    expect(fs.readFileSync(path.join(WORKFLOWS, 'deploy.yml'), 'utf8')).not.toMatch(/AKIA|aws_secret_access_key/i);
  });

  test('the Terraform token variable follows Terraform’s naming for a host', () => {
    expect(cloudTokenVariable('app.terraform.io')).toBe('TF_TOKEN_app_terraform_io');
    expect(cloudTokenVariable('tfe.my-company.example')).toBe('TF_TOKEN_tfe_my__company_example');
  });
});
