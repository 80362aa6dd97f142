/**
 * Rotating the upstream key without a moment of 403: the new key is added beside the old one, the
 * regions accept both while Kong switches, and the old one is removed after. Checked by real
 * terraform over stand-ins, one state per stack across the deploys.
 */
import { validateConfigDocument } from '../../config/validate';
import { formatConfigIssue } from '../../core/errors';
import { configDocument, testConfig } from '../support/config';
import { synthesizeEnvironment, type TerraformJson } from '../support/synth';
import { StandInWorkspace, type PlanJson } from '../support/terraform-plan';

const STACKS = { global: 'aigw-test-global', region: 'aigw-test-eu-west-1', control: 'aigw-test-control' } as const;

const synthesized = new Map<string, Record<string, TerraformJson>>();

/** A stack of a one-region test environment with the given key settings (each environment synthesized once). */
function stack(name: string, keys: Record<string, unknown> = {}): TerraformJson {
  const key = JSON.stringify(keys);
  if (!synthesized.has(key)) {
    const app = synthesizeEnvironment(testConfig({ regions: ['eu-west-1'], ...keys }));
    try {
      synthesized.set(key, Object.fromEntries(Object.values(STACKS).map((s) => [s, app.stack(s)])));
    } finally {
      app.cleanup();
    }
  }
  return synthesized.get(key)![name]!;
}

/** Each planned change of the key resources (stand-ins named `<type>__<name>`) as `<type>.<construct> <actions>`. */
function keyChanges(plan: PlanJson | undefined): string[] {
  return (plan?.resource_changes ?? [])
    .filter((c) => c.change.actions.join() !== 'no-op' && /^(random_password|aws_api_gateway_api_key|aws_api_gateway_usage_plan_key)__/.test(c.name))
    .map((c) => `${c.name.replace('__', '.').replace(/_[0-9A-F]{8}$/, '')} ${c.change.actions.join('+')}`)
    .sort();
}

const ROTATING = { upstreamKeyRotation: '2026-12', upstreamKeysAccepted: ['initial'] };
const ROTATED = { upstreamKeyRotation: '2026-12' };

test.each([
  [STACKS.global, ['random_password.upstream-api-key-2026-12 create'], ['random_password.upstream-api-key delete']],
  [
    STACKS.region,
    ['aws_api_gateway_api_key.api-key-usage-plan_api-key-2026-12 create', 'aws_api_gateway_usage_plan_key.api-key-usage-plan_usage-plan-key-2026-12 create'],
    ['aws_api_gateway_api_key.api-key-usage-plan_api-key delete', 'aws_api_gateway_usage_plan_key.api-key-usage-plan_usage-plan-key delete'],
  ],
])('%s: the new key is added beside the old one, which is removed only once no longer accepted', (name, added, removed) => {
  const workspace = new StandInWorkspace();
  try {
    expect(workspace.apply(stack(name)).run.ok).toBe(true);
    const rotating = workspace.apply(stack(name, ROTATING));
    expect(rotating.run.ok).toBe(true);
    expect(keyChanges(rotating.plan)).toEqual(added);
    const rotated = workspace.apply(stack(name, ROTATED));
    expect(rotated.run.ok).toBe(true);
    expect(keyChanges(rotated.plan)).toEqual(removed);
  } finally {
    workspace.dispose();
  }
});

test('while rotating, the global stack hands over both keys, the regions accept both, and Kong sends the new one', () => {
  const global = stack(STACKS.global, ROTATING);
  expect(Object.keys(global.output ?? {}).sort()).toEqual(['edge_certificate_arn', 'upstream_api_key', 'upstream_api_key_2026_12', 'upstream_api_key_initial', 'zone_id']);
  const newKey = /^\$\{random_password\.upstream-api-key-2026-12_\w+\.result\}$/;
  expect(global.output!['upstream_api_key']!.value).toMatch(newKey);
  expect(global.output!['upstream_api_key_2026_12']).toMatchObject({ sensitive: true, value: expect.stringMatching(newKey) });
  expect(global.output!['upstream_api_key_initial']).toMatchObject({ sensitive: true, value: expect.stringMatching(/^\$\{random_password\.upstream-api-key_\w+\.result\}$/) });
  const region = JSON.stringify(stack(STACKS.region, ROTATING));
  expect(region.match(/outputs\.upstream_api_key\w*/g)!.sort()).toEqual(['outputs.upstream_api_key_2026_12', 'outputs.upstream_api_key_initial']);
  const control = JSON.stringify(stack(STACKS.control, ROTATING));
  expect(control).toContain('outputs.upstream_api_key)');
  expect(control).not.toContain('upstream_api_key_initial');
});

test.each([
  [{ upstreamKeysAccepted: ['initial'] }, 'upstreamKeysAccepted[0]: the current key (upstreamKeyRotation), which is accepted anyway; received "initial"'],
  [{ upstreamKeyRotation: '2026-12', upstreamKeysAccepted: ['2026.12'] }, 'upstreamKeysAccepted[0]: the current key'],
  [{ upstreamKeyRotation: '2027-01', upstreamKeysAccepted: ['2026-12', '2026-12'] }, 'upstreamKeysAccepted[1]: the same key as upstreamKeysAccepted[0]'],
])('accepted keys must be earlier, distinct keys: %j', (keys, problem) => {
  const issues = validateConfigDocument(configDocument(keys)).issues.map((i) => formatConfigIssue('f.yaml', i));
  expect(issues).toEqual([expect.stringContaining(problem)]);
});
