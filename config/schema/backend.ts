/** Where Terraform keeps each stack's state: locally, in Terraform Cloud, or in S3. */
import { z } from 'zod';
import { AWS_REGIONS } from '../../aws/facts';
import { hostnameSchema } from './hostname';

/**
 * What the S3 backend accepts as `kms_key_id`: a key id (UUID or multi-Region `mrk-`), an alias, or
 * the ARN of a key or alias (hashicorp/terraform v1.11.0 internal/backend/remote-state/s3/validate.go
 * lines 21-25 and 27-96; anchored here as a whole, and to the `aws` partition this project deploys to).
 */
const KMS_KEY_ID = '[a-f0-9]{8}-[a-f0-9]{4}-[1-5][a-f0-9]{3}-[ab89][a-f0-9]{3}-[a-f0-9]{12}|mrk-[a-f0-9]{32}';
const KMS_ALIAS = 'alias/[a-zA-Z0-9/_-]+';
const KMS_KEY_PATTERN = new RegExp(`^(?:${KMS_KEY_ID}|${KMS_ALIAS}|arn:aws:kms:[a-z0-9-]+:\\d{12}:(?:key/(?:${KMS_KEY_ID})|${KMS_ALIAS}))$`);

/** Where Terraform keeps each stack's state. */
export const backendSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('local').describe('State files next to the project (terraform.<stack>.tfstate); for trying things out.'),
    }),
    z.strictObject({
      type: z.literal('cloud').describe('Terraform Cloud / HCP Terraform: one workspace per stack, named after the stack.'),
      organization: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'must be a Terraform Cloud organization name' }).describe('The organization.'),
      project: z.string().min(1).max(40).optional().describe('The project the workspaces belong to. @default the organization’s default project'),
      hostname: hostnameSchema.default('app.terraform.io').describe('app.terraform.io, or a Terraform Enterprise host.'),
    }),
    z.strictObject({
      type: z.literal('s3').describe('An S3 bucket with S3-native locking (Terraform 1.10+): one key per stack.'),
      bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'must be an S3 bucket name' }).describe('The state bucket (versioning on, public access blocked).'),
      region: z.enum(AWS_REGIONS).describe('The bucket’s region.'),
      keyPrefix: z
        .string()
        .regex(/^[A-Za-z0-9!_.*'()/-]{1,200}$/, { error: 'must be an S3 key prefix without spaces or a leading/trailing slash' })
        .refine((p) => !p.startsWith('/') && !p.endsWith('/'), { error: 'must not start or end with a slash' })
        .describe('Each stack keeps its state at <keyPrefix>/<stack>.tfstate.'),
      kmsKeyId: z
        .string()
        .regex(KMS_KEY_PATTERN, {
          error:
            'must be a KMS key id (a UUID or an mrk- multi-Region key id), an alias (alias/name), or the ARN of either (arn:aws:kms:<region>:<account>:key/... or .../alias/...)',
        })
        .optional()
        .describe('A KMS key for the state objects. @default S3-managed encryption'),
    }),
  ])
  .default({ type: 'local' })
  .describe('Where Terraform keeps each stack’s state.');
