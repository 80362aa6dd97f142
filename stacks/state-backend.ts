/**
 * The Terraform backend of a stack, chosen by the environment's configuration. Every stack of an
 * environment gets its own state (a file, a Terraform Cloud workspace, or an S3 key) named after the
 * stack, so cross-stack references resolve to the right one.
 */
import * as path from 'path';
import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, type TerraformBackend, type TerraformStack } from 'cdktf';
import type { BackendConfig } from '../config/schema';

/**
 * Where a stack keeps local state, relative to the directory Terraform runs in
 * (`cdktf.out/stacks/<stack>`): the project root, as cdktf's default does, but written relative so
 * that no absolute machine path lands in the synthesized output. A consumer stack reads the origin's
 * state through the same relative path, since every stack directory sits at the same depth.
 */
export function localStatePath(stackName: string): string {
  return path.posix.join('..', '..', '..', `terraform.${stackName}.tfstate`);
}

/** The environment variable Terraform reads a host's API token from, e.g. TF_TOKEN_app_terraform_io. */
export function cloudTokenVariable(hostname: string): string {
  return `TF_TOKEN_${hostname.replace(/-/g, '__').replace(/\./g, '_')}`;
}

/** The S3 key of a stack's state. */
export function s3StateKey(keyPrefix: string, stackName: string): string {
  return `${keyPrefix}/${stackName}.tfstate`;
}

/**
 * Adds the configured backend to a stack. Terraform Cloud needs named workspaces for cross-stack
 * references (cdktf reads the origin's outputs through its workspace); its token comes from the
 * environment (TF_TOKEN_<host> or `terraform login`), never from configuration.
 */
export function addStateBackend(stack: TerraformStack, stackName: string, backend: BackendConfig): TerraformBackend {
  switch (backend.type) {
    case 'local':
      return new LocalBackend(stack, { path: localStatePath(stackName) });
    case 'cloud':
      return new CloudBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(stackName, backend.project),
      });
    case 's3': {
      const s3 = new S3Backend(stack, {
        bucket: backend.bucket,
        key: s3StateKey(backend.keyPrefix, stackName),
        region: backend.region,
        encrypt: true,
        ...(backend.kmsKeyId ? { kmsKeyId: backend.kmsKeyId } : {}),
      });
      // S3-native state locking (Terraform 1.10+); cdktf 0.21 has no property for it yet.
      s3.addOverride('use_lockfile', true);
      return s3;
    }
  }
}
