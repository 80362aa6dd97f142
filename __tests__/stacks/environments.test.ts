import { availableEnvironments, loadConfig, resolveConfigSource } from '../../config/load';
import { isHostedModel, type GatewayConfig } from '../../config/schema';
import { Naming } from '../../config/naming';
import { resourceTags } from '../../config/tags';
import { configDocument, testConfig } from '../support/config';
import { resources, synthesizeEnvironment, type SynthesizedApp } from '../support/synth';

/** Every leaf that differs between two JSON values, as dotted paths. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [at];
}

/** Every stack of two synthesized apps, compared leaf by leaf. */
function changedLeaves(a: SynthesizedApp, b: SynthesizedApp): string[] {
  return Object.keys(a.manifest.stacks).flatMap((stack) => differences(a.stack(stack), b.stack(stack)).map((leaf) => `${stack}: ${leaf}`));
}

describe.each(availableEnvironments())('config/%s.yaml, synthesized', (environment) => {
  let config: GatewayConfig;
  let synth: SynthesizedApp;
  beforeAll(() => {
    config = loadConfig(resolveConfigSource({ GATEWAY_ENV: environment }));
    synth = synthesizeEnvironment(config);
  });
  afterAll(() => synth.cleanup());

  test('has exactly its configured regions, plus global and control', () => {
    const naming = new Naming(config.app, config.environment);
    expect(Object.keys(synth.manifest.stacks).sort()).toEqual(
      [naming.globalStack, naming.controlStack, ...config.regions.map((r) => naming.regionStack(r))].sort(),
    );
  });

  test('every value derived from the configuration is the configured one', () => {
    const naming = new Naming(config.app, config.environment);
    for (const region of config.regions) {
      const stack = synth.stack(naming.regionStack(region));
      expect(resources(stack, 'aws_cloudwatch_log_group').map((g) => g['retention_in_days'])).toEqual(
        resources(stack, 'aws_cloudwatch_log_group').map(() => config.logRetentionDays),
      );
      const [settings] = resources(stack, 'aws_api_gateway_method_settings');
      expect(settings!['settings']).toMatchObject({ throttling_rate_limit: config.throttling.rateLimit, throttling_burst_limit: config.throttling.burstLimit });
      expect(resources(stack, 'aws_api_gateway_usage_plan')[0]!['throttle_settings']).toEqual({
        rate_limit: config.throttling.rateLimit,
        burst_limit: config.throttling.burstLimit,
      });
      const functions = Object.fromEntries(resources(stack, 'aws_lambda_function').map((f) => [f['function_name'], f]));
      for (const model of config.models.filter(isHostedModel)) {
        expect(functions[naming.functionName(model.name)]).toMatchObject({
          memory_size: model.memoryMb,
          timeout: model.timeoutSeconds,
          reserved_concurrent_executions: model.reservedConcurrency,
        });
      }
      expect(resources(stack, 'aws_api_gateway_rest_api_policy')).toHaveLength(config.kong.egressCidrs ? 1 : 0);
    }
    for (const name of [naming.globalStack, ...config.regions.map((r) => naming.regionStack(r))]) {
      expect((synth.stack(name).provider!['aws']![0] as { default_tags: unknown }).default_tags).toEqual([{ tags: resourceTags(config) }]);
    }
  });

  test('keeps state where its configuration says', () => {
    for (const name of Object.keys(synth.manifest.stacks)) {
      const terraform = synth.stack(name).terraform!;
      if (config.backend.type === 'cloud') {
        expect(terraform['backend']).toBeUndefined();
        expect(terraform['cloud']).toMatchObject({ organization: config.backend.organization, workspaces: { name } });
      } else {
        expect(terraform['cloud']).toBeUndefined();
        expect(Object.keys(terraform['backend'] as object)).toEqual([config.backend.type]);
      }
    }
  });
});

describe('environments differ only where their configurations differ', () => {
  let base: SynthesizedApp;
  beforeAll(() => {
    base = synthesizeEnvironment(testConfig());
  });
  afterAll(() => base.cleanup());

  function changing(overrides: Record<string, unknown>): string[] {
    const other = synthesizeEnvironment(testConfig(overrides));
    try {
      return changedLeaves(base, other);
    } finally {
      other.cleanup();
    }
  }

  test('a different throttle changes only the throttle settings', () => {
    const leaves = changing({ throttling: { rateLimit: 77, burstLimit: 99 } });
    expect(leaves.length).toBeGreaterThan(0);
    for (const leaf of leaves) expect(leaf).toMatch(/\.(throttling_rate_limit|throttling_burst_limit|rate_limit|burst_limit)$/);
  });

  test('a different log retention changes only retention_in_days', () => {
    const leaves = changing({ logRetentionDays: 90 });
    expect(leaves.length).toBeGreaterThan(0);
    for (const leaf of leaves) expect(leaf).toMatch(/\.retention_in_days$/);
  });

  test('a different tag changes only the providers’ default tags', () => {
    const leaves = changing({ tags: { owner: 'another-team' } });
    expect(leaves.length).toBeGreaterThan(0);
    for (const leaf of leaves) expect(leaf).toMatch(/^aigw-test-[\w-]+: provider\.aws\.0\.default_tags\.0\.tags\.owner$/);
  });

  test('a different Kong tier changes only that tier’s rate-limit plugins', () => {
    const kong = configDocument().kong as Record<string, unknown>;
    const leaves = changing({ kong: { ...kong, tiers: { basic: { minute: 61 }, pro: { second: 10, minute: 600 } } } });
    expect(leaves.length).toBeGreaterThan(0);
    for (const leaf of leaves) expect(leaf).toMatch(/^aigw-test-control: resource\.kong_plugin\.[\w-]+\.config_json$/);
  });
});
