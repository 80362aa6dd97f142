import { formatConfigIssue } from '../../core/errors';
import { validateConfigDocument } from '../../config/validate';
import { configDocument, testConfig } from '../support/config';
import { resources, synthesizeEnvironment, type TerraformJson } from '../support/synth';
import { StandInWorkspace, type PlanJson } from '../support/terraform-plan';

const GLOBAL = 'aigw-test-global';

/** The global stack of a test environment with the given DNS settings. */
function globalStack(dns: Record<string, unknown>): TerraformJson {
  const app = synthesizeEnvironment(testConfig({ regions: ['eu-west-1'], dns: { zoneName: 'example.com', apiDomain: 'api.example.com', ...dns } }));
  try {
    return app.stack(GLOBAL);
  } finally {
    app.cleanup();
  }
}

/** Each planned change as `<type>.<construct> <actions>`, construct ids without cdktf's hash suffix. */
function changes(plan: PlanJson | undefined): string[] {
  return (plan?.resource_changes ?? [])
    .filter((c) => c.change.actions.join() !== 'no-op' && !c.address.includes('standin_unknown') && !c.name.startsWith('provider__'))
    .map((c) => `${c.name.replace(/^data__/, 'data.').replace('__', '.').replace(/_[0-9A-F]{8}$/, '')} ${c.change.actions.join('+')}`)
    .sort();
}

describe('the EDGE certificate by generation', () => {
  test('generation 1 keeps the addresses the certificate always had, and refuses destruction', () => {
    const stack = globalStack({});
    const [address] = Object.keys(stack.resource!['aws_acm_certificate']!);
    // (cdktf drops the child id "certificate", which its parent's id already ends with.)
    expect(address).toMatch(/^dns-validated-certificate-edge_[0-9A-F]{8}$/);
    expect(resources(stack, 'aws_acm_certificate')[0]!['lifecycle']).toEqual({ create_before_destroy: true, prevent_destroy: true });
  });

  test('a new generation beside the kept one: the output moves to it, the kept one plans no change and owns no records', () => {
    const stack = globalStack({ edgeCertificate: { generation: 2 } });
    const certificates = stack.resource!['aws_acm_certificate']!;
    expect(Object.keys(certificates).sort()).toEqual([expect.stringMatching(/^dns-validated-certificate-edge-g2_[0-9A-F]{8}$/), expect.stringMatching(/^dns-validated-certificate-edge_[0-9A-F]{8}$/)]);
    const kept = Object.entries(certificates).find(([name]) => name.startsWith('dns-validated-certificate-edge_'))![1];
    expect(kept['lifecycle']).toEqual({ create_before_destroy: true, ignore_changes: 'all' });
    expect(Object.keys(stack.resource!['aws_route53_record']!)).toEqual([expect.stringMatching(/^dns-validated-certificate-edge-g2_validation-record_/)]);
    expect(stack.output?.['edge_certificate_arn']?.value).toMatch(/^\$\{aws_acm_certificate_validation\.dns-validated-certificate-edge-g2_validation_\w+\.certificate_arn\}$/);
    expect((stack as { removed?: unknown }).removed).toEqual([
      { from: expect.stringMatching(/^aws_route53_record\.dns-validated-certificate-edge_validation-record_/), lifecycle: { destroy: false } },
      { from: expect.stringMatching(/^aws_acm_certificate_validation\.dns-validated-certificate-edge_validation_/), lifecycle: { destroy: false } },
    ]);
  });

  test('a replacement completes in deploys that each succeed (real terraform over stand-ins, one state)', () => {
    const workspace = new StandInWorkspace();
    try {
      const first = workspace.apply(globalStack({}));
      expect(first.run.ok).toBe(true);
      expect(changes(first.plan)).toEqual([
        'aws_acm_certificate.dns-validated-certificate-edge create',
        'aws_acm_certificate_validation.dns-validated-certificate-edge_validation create',
        'aws_cloudwatch_dashboard.gateway-dashboard create',
        'aws_route53_record.dns-validated-certificate-edge_validation-record create',
        'data.aws_caller_identity.account create',
        'data.aws_route53_zone.zone create',
        'random_password.upstream-api-key create',
      ]);

      // Changing the names without a new generation would replace the certificate every region
      // uses: Terraform stops at plan, before anything changes.
      const inPlace = workspace.apply(globalStack({ apiDomain: 'api2.example.com' }));
      expect(inPlace.run.ok).toBe(false);
      expect(inPlace.run.output).toMatch(/Instance cannot be destroyed[\s\S]*aws_acm_certificate__dns-validated-certificate-edge_/);

      // Step 1: a new generation. Generation 1 stays as it is (the regions still use it); its
      // validation records are forgotten, not deleted (generation 2 may share them).
      const next = workspace.apply(globalStack({ apiDomain: 'api2.example.com', edgeCertificate: { generation: 2 } }));
      expect(next.run.output).not.toMatch(/Error: /); // Terraform's diagnostics ("Error: ..."), not a metric named 5XXError
      expect(next.run.ok).toBe(true);
      expect(changes(next.plan)).toEqual([
        'aws_acm_certificate.dns-validated-certificate-edge-g2 create',
        'aws_acm_certificate_validation.dns-validated-certificate-edge-g2_validation create',
        'aws_acm_certificate_validation.dns-validated-certificate-edge_validation forget',
        'aws_route53_record.dns-validated-certificate-edge-g2_validation-record create',
        'aws_route53_record.dns-validated-certificate-edge_validation-record forget',
      ]);

      // Step 2, once every region runs on generation 2: generation 1 is deleted, and only it.
      const retire = workspace.apply(globalStack({ apiDomain: 'api2.example.com', edgeCertificate: { generation: 2, retireBelow: 2 } }));
      expect(retire.run.ok).toBe(true);
      expect(changes(retire.plan)).toEqual(['aws_acm_certificate.dns-validated-certificate-edge delete']);

      const again = workspace.apply(globalStack({ apiDomain: 'api2.example.com', edgeCertificate: { generation: 2, retireBelow: 2 } }));
      expect(changes(again.plan)).toEqual([]);
    } finally {
      workspace.dispose();
    }
  });

  test('preventDestroy: false lets Terraform destroy the current generation (tearing an environment down)', () => {
    const stack = globalStack({ edgeCertificate: { preventDestroy: false } });
    expect(resources(stack, 'aws_acm_certificate')[0]!['lifecycle']).toEqual({ create_before_destroy: true });
  });
});

describe('dns.edgeCertificate (configuration)', () => {
  const problems = (doc: Record<string, unknown>) => validateConfigDocument(doc).issues.map((issue) => formatConfigIssue('f.yaml', issue).trim());
  const dns = (edgeCertificate: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    configDocument({ dns: { zoneName: 'example.com', apiDomain: 'api.example.com', edgeCertificate }, ...extra });

  test('generations are retired up to the current one, not past it', () => {
    expect(problems(dns({ generation: 3, retireBelow: 3 }))).toEqual([]);
    expect(problems(dns({ generation: 2, retireBelow: 3 }))).toEqual([
      'f.yaml  dns.edgeCertificate.retireBelow: would delete the current generation 2, which every region uses; received 3; accepted: at most 2 (the current generation)',
    ]);
  });

  test('REGIONAL endpoints have no EDGE certificate to replace', () => {
    expect(problems(dns({ generation: 2 }, { endpointType: 'REGIONAL' }))).toEqual([
      'f.yaml  dns.edgeCertificate: applies to EDGE endpoints only; accepted: no edgeCertificate with endpointType REGIONAL (each region stack replaces its own certificate in one apply)',
    ]);
    expect(problems(dns({}, { endpointType: 'REGIONAL' }))).toEqual([]);
  });
});
