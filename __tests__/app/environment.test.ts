import { dashboardPicturePath, renderEnvironmentDashboard } from '../../tooling/dashboard-picture';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadConfig, resolveConfigSource } from '../../config/load';
import { PROJECT_ROOT } from '../../core/project';
import { testConfig } from '../support/config';
import { normalizeSynth } from '../support/normalize';
import { onlyResource, resourceCounts, resources, synthesizeEnvironment, type SynthesizedApp, type TerraformJson } from '../support/synth';

const GLOBAL = 'aigw-dev-global';
const CONTROL = 'aigw-dev-control';
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;
const regionStack = (region: string) => `aigw-dev-${region}`;
/** A value read from the global stack's outputs (the API key wrapped in sensitive()). */
const remoteGlobal = (output: string, sensitive = false) =>
  sensitive ? `\${sensitive(data.terraform_remote_state.global.outputs.${output})}` : `\${data.terraform_remote_state.global.outputs.${output}}`;

/** The models of config/dev.yaml that run in Lambda (the external LLM lives only in Kong). */
const HOSTED = ['sentiment', 'entities', 'keywords', 'assistant'];

/** Per region: the API, its stage, logging, Kong's key and the domain, plus per hosted model its function and route. */
function regionInventory(models: number): Record<string, number> {
  return {
    aws_api_gateway_account: 1,
    aws_api_gateway_api_key: 1,
    aws_api_gateway_base_path_mapping: 1,
    aws_api_gateway_deployment: 1,
    aws_api_gateway_domain_name: 1,
    aws_api_gateway_gateway_response: 2,
    aws_api_gateway_integration: 1 + models,
    aws_api_gateway_integration_response: 1,
    aws_api_gateway_method: 1 + models,
    aws_api_gateway_method_response: 1,
    aws_api_gateway_method_settings: 1,
    aws_api_gateway_resource: 2 + models,
    aws_api_gateway_rest_api: 1,
    aws_api_gateway_stage: 1,
    aws_api_gateway_usage_plan: 1,
    aws_api_gateway_usage_plan_key: 1,
    aws_cloudwatch_log_group: 2 + models,
    // Budget burn for dev's two tiers with a daily budget, and the API error rate.
    aws_cloudwatch_metric_alarm: 3,
    aws_dynamodb_table: 1,
    aws_iam_role: 1 + models,
    aws_iam_role_policy: models,
    aws_iam_role_policy_attachment: 1,
    aws_lambda_function: models,
    aws_lambda_permission: models,
    aws_route53_record: 1,
  };
}

describe('the dev environment, synthesized as `npm run synth` does', () => {
  let synth: SynthesizedApp;
  beforeAll(() => {
    synth = synthesizeEnvironment(loadConfig(resolveConfigSource({})));
  });
  afterAll(() => synth.cleanup());

  test('the README’s dashboard picture is the one this dashboard definition draws (npm run render:dashboard redraws it)', () => {
    const picture = fs.readFileSync(dashboardPicturePath('dev'), 'utf8');
    expect(renderEnvironmentDashboard([synth.stack(GLOBAL)], 'dev')).toBe(picture);
    expect(picture).toContain('Cost by consumer in eu-west-1 (USD per hour)');
  });

  test('has a global stack, one stack per configured region, and the Kong control stack', () => {
    expect(Object.keys(synth.manifest.stacks).sort()).toEqual([GLOBAL, CONTROL, ...REGIONS.map(regionStack)].sort());
  });

  test('each region and the control stack depend on global; global on nothing; nothing on a region', () => {
    expect(synth.manifest.stacks[GLOBAL]!.dependencies).toEqual([]);
    expect(synth.manifest.stacks[CONTROL]!.dependencies).toEqual([GLOBAL]);
    for (const region of REGIONS) expect(synth.manifest.stacks[regionStack(region)]!.dependencies).toEqual([GLOBAL]);
    const dependedOn = Object.values(synth.manifest.stacks).flatMap((s) => s.dependencies);
    expect(dependedOn.every((name) => name === GLOBAL)).toBe(true);
  });

  test('the certificate and its validation live in the global stack, whose provider is in us-east-1', () => {
    const global = synth.stack(GLOBAL);
    expect(global.provider?.['aws']).toEqual([expect.objectContaining({ region: 'us-east-1' })]);
    expect(onlyResource(global, 'aws_acm_certificate')).toMatchObject({ domain_name: '*.api.dev.example.com', validation_method: 'DNS' });
    expect(resources(global, 'aws_acm_certificate_validation')).toHaveLength(1);
    for (const region of REGIONS) expect(synth.stack(regionStack(region)).resource?.['aws_acm_certificate']).toBeUndefined();
  });

  test('the global stack looks up the configured public hosted zone', () => {
    expect(synth.stack(GLOBAL).data?.['aws_route53_zone']).toEqual({ zone: expect.objectContaining({ name: 'example.com', private_zone: false }) });
  });

  test.each(REGIONS)('%s: its provider works in its own region', (region) => {
    expect(synth.stack(regionStack(region)).provider?.['aws']).toEqual([expect.objectContaining({ region })]);
  });

  test.each(REGIONS)('%s: the custom domain uses the global certificate through remote state', (region) => {
    const stack = synth.stack(regionStack(region));
    const domain = onlyResource(stack, 'aws_api_gateway_domain_name');
    expect(domain).toMatchObject({ domain_name: `${region}.api.dev.example.com`, endpoint_configuration: { types: ['EDGE'] }, security_policy: 'TLS_1_2' });
    expect(domain['certificate_arn']).toBe(remoteGlobal('edge_certificate_arn'));
    expect(stack.data?.['terraform_remote_state']).toEqual({
      global: {
        backend: 'local',
        config: { path: '../../../terraform.aigw-dev-global.tfstate' },
        workspace: '${terraform.workspace}',
      },
    });
  });

  test.each(REGIONS)('%s: the API key is the global stack’s generated key, and the DNS records go in its zone', (region) => {
    const stack = synth.stack(regionStack(region));
    expect(onlyResource(stack, 'aws_api_gateway_api_key')['value']).toBe(remoteGlobal('upstream_api_key_initial', true));
    for (const record of resources(stack, 'aws_route53_record')) expect(record['zone_id']).toBe(remoteGlobal('zone_id'));
  });

  test('every stack states the Terraform it needs (the S3 backend’s use_lockfile is generally available from 1.11)', () => {
    for (const name of Object.keys(synth.manifest.stacks)) expect(synth.stack(name).terraform?.['required_version']).toBe('>= 1.11.0');
  });

  test('the global stack shares named outputs: the zone, the certificate, and the API key (sensitive), also by its label for the regions', () => {
    const outputs = synth.stack(GLOBAL).output ?? {};
    expect(Object.keys(outputs).sort()).toEqual(['edge_certificate_arn', 'upstream_api_key', 'upstream_api_key_initial', 'zone_id']);
    expect(outputs['upstream_api_key_initial']).toMatchObject({ sensitive: true, value: outputs['upstream_api_key']!.value });
    expect(outputs['zone_id']).toMatchObject({ value: '${data.aws_route53_zone.zone.zone_id}' });
    expect(outputs['zone_id']!.sensitive).toBeUndefined();
    expect(outputs['edge_certificate_arn']!.value).toMatch(/^\$\{aws_acm_certificate_validation\.[\w-]+\.certificate_arn\}$/);
    expect(outputs['upstream_api_key']).toMatchObject({ sensitive: true, value: expect.stringMatching(/^\$\{random_password\.[\w-]+\.result\}$/) });
  });

  test('no stack reads the API key bare: every read of it through remote state is wrapped in sensitive()', () => {
    for (const name of Object.keys(synth.manifest.stacks)) {
      const text = synth.stackText(name);
      const reads = text.match(/[\w(]*data\.terraform_remote_state\.global\.outputs\.upstream_api_key\w*/g) ?? [];
      if (name !== GLOBAL) expect(reads.length).toBeGreaterThan(0);
      for (const read of reads) expect(read).toMatch(/^sensitive\(data\.terraform_remote_state\.global\.outputs\.upstream_api_key(_initial)?$/);
    }
  });

  test.each(REGIONS)('%s: deploys the API and one function and route per hosted model', (region) => {
    expect(resourceCounts(synth.stack(regionStack(region)))).toEqual(regionInventory(HOSTED.length));
    expect(resources(synth.stack(regionStack(region)), 'aws_lambda_function').map((f) => f['function_name']).sort()).toEqual(
      HOSTED.map((m) => `aigw-dev-${m}`).sort(),
    );
  });

  test.each(REGIONS)('%s: outputs its hostname, API id and the URL of each model', (region) => {
    const outputs = synth.stack(regionStack(region)).output!;
    expect(outputs['hostname']!.value).toBe(`${region}.api.dev.example.com`);
    expect(outputs['api-id']!.value).toMatch(/^\$\{aws_api_gateway_rest_api\./);
    expect(outputs['invoke-urls']!.value).toEqual(Object.fromEntries(HOSTED.map((m) => [m, `https://${region}.api.dev.example.com/v1/${m}`])));
  });

  test('every AWS stack tags every resource with app, environment, managed-by and the configured tags', () => {
    for (const name of [GLOBAL, ...REGIONS.map(regionStack)]) {
      const [aws] = synth.stack(name).provider!['aws'] as [{ default_tags: { tags: Record<string, string> }[] }];
      expect(aws.default_tags).toEqual([
        { tags: { app: 'aigw', environment: 'dev', 'managed-by': 'global-ai-gateway', owner: 'platform-team', 'cost-center': 'ai-gateway-dev' } },
      ]);
    }
  });

  test('every stack keeps local state next to the project, by a relative path', () => {
    for (const name of Object.keys(synth.manifest.stacks)) {
      expect(synth.stack(name).terraform?.['backend']).toEqual({ local: { path: `../../../terraform.${name}.tfstate` } });
    }
  });

  test('no absolute machine path appears in any synthesized stack', () => {
    for (const name of Object.keys(synth.manifest.stacks)) {
      const text = synth.stackText(name);
      for (const absolute of [PROJECT_ROOT, os.tmpdir(), os.homedir()]) expect(text).not.toContain(absolute);
    }
  });

  test('no secret-looking literal appears: the API key value only ever appears as a reference', () => {
    for (const name of Object.keys(synth.manifest.stacks)) {
      const stack = synth.stack(name);
      for (const key of resources(stack, 'aws_api_gateway_api_key')) expect(key['value']).toMatch(/^\$\{/);
      expect(synth.stackText(name)).not.toMatch(/"value":\s*"[A-Za-z0-9]{40}"/);
    }
  });

  test('each function’s archive is written into its region stack’s directory', () => {
    for (const region of REGIONS) {
      for (const fn of resources(synth.stack(regionStack(region)), 'aws_lambda_function')) {
        const archive = path.join(synth.outdir, synth.manifest.stacks[regionStack(region)]!.workingDirectory, fn['filename'] as string);
        expect(fs.statSync(archive).size).toBeGreaterThan(100_000);
        // The base64 SHA-256 of the archive, as Lambda reports CodeSha256.
        expect(fn['source_code_hash']).toBe(createHash('sha256').update(fs.readFileSync(archive)).digest('base64'));
      }
    }
  });

  test('the Lambda archive is byte-identical across synths, so deploys do not churn', () => {
    const again = synthesizeEnvironment(loadConfig(resolveConfigSource({})));
    try {
      const digest = (app: SynthesizedApp) =>
        resources(app.stack(regionStack('us-east-1')), 'aws_lambda_function').map((fn) => {
          const file = path.join(app.outdir, app.manifest.stacks[regionStack('us-east-1')]!.workingDirectory, fn['filename'] as string);
          return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
        });
      expect(digest(again)).toEqual(digest(synth));
    } finally {
      again.cleanup();
    }
  });

  test('snapshot of the global stack (normalized)', () => {
    expect(normalizeSynth(synth.stackText(GLOBAL))).toMatchSnapshot();
  });

  test('snapshot of a region stack (normalized)', () => {
    expect(normalizeSynth(synth.stackText(regionStack('eu-west-1')))).toMatchSnapshot();
  });
});

describe('an environment with REGIONAL endpoints', () => {
  let synth: SynthesizedApp;
  beforeAll(() => {
    synth = synthesizeEnvironment(testConfig({ endpointType: 'REGIONAL', regions: ['eu-west-1', 'us-west-2'] }));
  });
  afterAll(() => synth.cleanup());

  test('the global stack issues no certificate', () => {
    expect(synth.stack('aigw-test-global').resource?.['aws_acm_certificate']).toBeUndefined();
  });

  test.each(['eu-west-1', 'us-west-2'])('%s: gets its own certificate for its own hostname, in its own region', (region) => {
    const stack: TerraformJson = synth.stack(`aigw-test-${region}`);
    expect(stack.provider?.['aws']).toEqual([expect.objectContaining({ region })]);
    expect(onlyResource(stack, 'aws_acm_certificate')).toMatchObject({ domain_name: `${region}.api.example.com` });
    const domain = onlyResource(stack, 'aws_api_gateway_domain_name');
    expect(domain).toMatchObject({ endpoint_configuration: { types: ['REGIONAL'] } });
    expect(domain['regional_certificate_arn']).toMatch(/^\$\{aws_acm_certificate_validation\.dns-validated-certificate-regional_validation_\w+\.certificate_arn\}$/);
    expect(domain).not.toHaveProperty('certificate_arn');
  });
});
