/**
 * The real terraform binary over every stack of a configured environment, offline: its backend
 * block as synthesized, then plans with every provider resource stood in (see terraform-plan.ts),
 * as for a first deploy (computed values unknown) and for a later one (computed values known, so
 * a secret read in clear would print in the plan).
 */
import { loadConfig, resolveConfigSource } from '../../config/load';
import type { GatewayConfig } from '../../config/schema';
import { GLOBAL_OUTPUTS, GLOBAL_STATE_DATA_SOURCE } from '../../stacks/global-stack';
import { synthesizeEnvironment, type SynthesizedApp, type TerraformJson } from './synth';
import { initWithSynthesizedBackend, planStack } from './terraform-plan';
import { variablePlaceholder } from './stand-ins';

/**
 * What `terraform init` may say about a synthesized backend offline: nothing for local state; for
 * S3 only that there are no AWS credentials; for HCP Terraform only that its host cannot be reached.
 * Any other error (an unsupported argument, a malformed block) fails the proof.
 */
const OFFLINE_INIT_ERRORS: Record<GatewayConfig['backend']['type'], readonly RegExp[]> = {
  local: [],
  s3: [/^No valid credential sources found/, /^failed to refresh cached credentials, no EC2 IMDS role found/],
  cloud: [/^Failed to request discovery document/],
};

/** The placeholder a known-values plan gives the API key read from the global stack's state. */
export const REMOTE_API_KEY_PLACEHOLDER = `standin:data.terraform_remote_state.${GLOBAL_STATE_DATA_SOURCE}.outputs.${GLOBAL_OUTPUTS.upstreamApiKey}`;

/** The `Error:` lines of terraform's output, without the prefix. */
export function terraformErrors(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('Error: '))
    .map((line) => line.slice('Error: '.length));
}

/** Every secret value of a stack that may never print in a plan: the remote API key and sensitive variables. */
export function secretPlaceholders(stack: TerraformJson): string[] {
  const variables = (stack.variable ?? {}) as Record<string, { sensitive?: boolean; default?: unknown }>;
  return [
    REMOTE_API_KEY_PLACEHOLDER,
    ...Object.entries(variables)
      .filter(([, v]) => v.sensitive && !('default' in v))
      .map(([name]) => variablePlaceholder(name)),
  ];
}

/** The environment's configuration file, synthesized. */
export function synthesizeConfigured(environment: string): { config: GatewayConfig; app: SynthesizedApp } {
  const config = loadConfig(resolveConfigSource({ GATEWAY_ENV: environment }));
  return { config, app: synthesizeEnvironment(config) };
}

/** The proof of one environment, as a jest describe block. */
export function describeTerraformProof(environment: string): void {
  describe(`terraform over every ${environment} stack`, () => {
    const { config, app } = synthesizeConfigured(environment);
    afterAll(() => app.cleanup());
    const stacks = Object.keys(app.manifest.stacks);

    test.each(stacks)(`%s: terraform init accepts its ${config.backend.type} backend block`, (name) => {
      const run = initWithSynthesizedBackend(app.stack(name));
      const unexpected = terraformErrors(run.output).filter((e) => !OFFLINE_INIT_ERRORS[config.backend.type].some((allowed) => allowed.test(e)));
      expect(unexpected).toEqual([]);
      expect(run.ok).toBe(config.backend.type === 'local');
    });

    test.each(stacks)('%s: plans as a first deploy (every expression, reference and for_each evaluated)', (name) => {
      const { run } = planStack(app.stack(name), 'unknown', { json: false });
      expect(terraformErrors(run.output)).toEqual([]);
      expect(run.output).toMatch(/Plan: [1-9]\d* to add, 0 to change, 0 to destroy/);
    });

    test.each(stacks)('%s: plans as a later deploy with no secret in clear', (name) => {
      const stack = app.stack(name);
      const { run } = planStack(stack, 'known', { json: false });
      expect(terraformErrors(run.output)).toEqual([]);
      for (const secret of secretPlaceholders(stack)) expect(run.output).not.toContain(secret);
      if (stack.output?.[GLOBAL_OUTPUTS.upstreamApiKey]) {
        expect(run.output).toMatch(new RegExp(`\\+ ${GLOBAL_OUTPUTS.upstreamApiKey} *= \\(sensitive value\\)`));
      }
    });
  });
}
