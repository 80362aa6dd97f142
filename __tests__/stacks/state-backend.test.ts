import { testConfig } from '../support/config';
import { synthesizeEnvironment, type SynthesizedApp } from '../support/synth';

const STACKS = ['aigw-test-global', 'aigw-test-us-east-1', 'aigw-test-eu-west-1', 'aigw-test-control'];
const CONSUMERS = STACKS.filter((s) => s !== 'aigw-test-global');

function withBackend(backend: Record<string, unknown> | undefined, check: (synth: SynthesizedApp) => void): void {
  const synth = synthesizeEnvironment(testConfig(backend ? { backend } : {}));
  try {
    check(synth);
  } finally {
    synth.cleanup();
  }
}

describe('state backends', () => {
  test('local (the default): a state file per stack beside the project, by relative path', () => {
    withBackend(undefined, (synth) => {
      for (const stack of STACKS) {
        expect(synth.stack(stack).terraform?.['backend']).toEqual({ local: { path: `../../../terraform.${stack}.tfstate` } });
      }
      for (const consumer of CONSUMERS) {
        expect(synth.stack(consumer).data?.['terraform_remote_state']).toEqual({
          global: {
            backend: 'local',
            config: { path: '../../../terraform.aigw-test-global.tfstate' },
            workspace: '${terraform.workspace}',
          },
        });
      }
    });
  });

  test('Terraform Cloud: one named workspace per stack; consumers read global’s workspace', () => {
    withBackend({ type: 'cloud', organization: 'acme-platform', project: 'ai-gateway' }, (synth) => {
      for (const stack of STACKS) {
        const terraform = synth.stack(stack).terraform!;
        expect(terraform['backend']).toBeUndefined();
        expect(terraform['cloud']).toEqual({ hostname: 'app.terraform.io', organization: 'acme-platform', workspaces: { name: stack, project: 'ai-gateway' } });
        expect(synth.stackText(stack)).not.toMatch(/"token"/);
      }
      for (const consumer of CONSUMERS) {
        expect(synth.stack(consumer).data?.['terraform_remote_state']).toEqual({
          global: {
            backend: 'remote',
            config: { hostname: 'app.terraform.io', organization: 'acme-platform', workspaces: { name: 'aigw-test-global' } },
          },
        });
      }
    });
  });

  test('Terraform Enterprise: the configured hostname, and no project when none is set', () => {
    withBackend({ type: 'cloud', organization: 'acme', hostname: 'tfe.example.com' }, (synth) => {
      expect(synth.stack('aigw-test-global').terraform?.['cloud']).toEqual({
        hostname: 'tfe.example.com',
        organization: 'acme',
        workspaces: { name: 'aigw-test-global' },
      });
    });
  });

  test('S3: one key per stack under the prefix, encrypted, S3-native locking; consumers read global’s key', () => {
    withBackend({ type: 's3', bucket: 'acme-terraform-state', region: 'us-east-1', keyPrefix: 'gateway/test', kmsKeyId: 'alias/state' }, (synth) => {
      for (const stack of STACKS) {
        expect(synth.stack(stack).terraform?.['backend']).toEqual({
          s3: { bucket: 'acme-terraform-state', key: `gateway/test/${stack}.tfstate`, region: 'us-east-1', encrypt: true, kms_key_id: 'alias/state', use_lockfile: true },
        });
      }
      for (const consumer of CONSUMERS) {
        expect(synth.stack(consumer).data?.['terraform_remote_state']).toEqual({
          global: {
            backend: 's3',
            config: { bucket: 'acme-terraform-state', key: 'gateway/test/aigw-test-global.tfstate', region: 'us-east-1', encrypt: true, kms_key_id: 'alias/state' },
            workspace: '${terraform.workspace}',
          },
        });
      }
    });
  });

  test('invalid backend settings are configuration errors naming the field', () => {
    expect(() => testConfig({ backend: { type: 's3', bucket: 'Bad_Bucket', region: 'us-east-1', keyPrefix: '/x/' } })).toThrow();
    expect(() => testConfig({ backend: { type: 'gcs' } })).toThrow();
  });
});

describe('rotating the upstream API key', () => {
  test('a rotation label becomes the generator’s keeper, so changing it makes a new key', () => {
    const synth = synthesizeEnvironment(testConfig({ upstreamKeyRotation: '2026-11' }));
    try {
      const password = Object.values(synth.stack('aigw-test-global').resource!['random_password']!)[0]!;
      expect(password['keepers']).toEqual({ rotation: '2026-11' });
    } finally {
      synth.cleanup();
    }
  });
});
