/**
 * The AWS side of the environment: its regions, its account, and what every AWS resource gets
 * (log retention, tags).
 */
import { z } from 'zod';
import { AWS_REGIONS, LOG_RETENTION_DAYS, TAG_LIMITS } from '../../aws/facts';

/** The regions that each serve every hosted model. */
export const regionsSchema = z
  .array(z.enum(AWS_REGIONS))
  .min(1)
  .describe('AWS regions that each get a copy of every model behind their own API.');

/** How long every log group keeps its events. */
export const logRetentionDaysSchema = z
  .literal(LOG_RETENTION_DAYS)
  .default(30)
  .describe('Retention of every log group (functions and access logs), in days.');

const tagKeySchema = z
  .string()
  .min(1)
  .max(TAG_LIMITS.maxKeyLength)
  .regex(/^(?![aA][wW][sS]:)[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, {
    error:
      'must be letters, digits, spaces and _ . : / = + - @ only, and must not start with "aws:"',
  });

const tagValueSchema = z
  .string()
  .max(TAG_LIMITS.maxValueLength)
  .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, {
    error: 'must be letters, digits, spaces and _ . : / = + - @ only',
  });

/** The tags of every AWS resource, besides the standard ones. */
export const tagsSchema = z
  .record(tagKeySchema, tagValueSchema)
  .default({})
  .describe('Tags applied to every AWS resource, on top of app, environment and managed-by.');

/** The AWS account an environment deploys to, and what it owns there. */
export const awsAccountSchema = z
  .strictObject({
    accountId: z
      .string()
      .regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id, e.g. "111122223333"' })
      .optional()
      .describe('The account every stack deploys to: each AWS provider refuses other credentials (allowed_account_ids) before it changes anything.'),
    apiGatewayAccountSettings: z
      .enum(['manage', 'rely'])
      .default('manage')
      .describe(
        "API Gateway's CloudWatch role is one setting per account and region: manage it here (the default), or rely on the environment that manages it in this account (destroying the manager resets it for every environment there).",
      ),
  })
  .prefault({})
  .describe('The AWS account of the environment.');
