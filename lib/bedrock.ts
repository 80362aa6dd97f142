/**
 * Bedrock model ids and the IAM statements that allow invoking exactly one model.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html
 */
import type { PolicyStatement } from './iam';

/** Geography prefixes of Bedrock's system-defined cross-region inference profiles. */
export const INFERENCE_PROFILE_PREFIXES = ['us', 'eu', 'apac', 'global', 'jp', 'au', 'ca', 'us-gov'] as const;

/** A configured Bedrock model id, taken apart. */
export interface BedrockModelRef {
  /** The foundation model, e.g. `anthropic.claude-3-5-haiku-20241022-v1:0`. */
  readonly foundationModelId: string;
  /** The cross-region inference profile, when the id names one (e.g. `us.anthropic...`). */
  readonly inferenceProfileId?: string;
}

/** Tells a foundation model id from an inference profile id by its geography prefix. */
export function parseBedrockModelId(modelId: string): BedrockModelRef {
  const dot = modelId.indexOf('.');
  const prefix = modelId.slice(0, dot);
  if ((INFERENCE_PROFILE_PREFIXES as readonly string[]).includes(prefix)) {
    return { foundationModelId: modelId.slice(dot + 1), inferenceProfileId: modelId };
  }
  return { foundationModelId: modelId };
}

/** The ARN of an inference profile in an account and region. */
export function inferenceProfileArn(region: string, accountId: string, profileId: string): string {
  return `arn:aws:bedrock:${region}:${accountId}:inference-profile/${profileId}`;
}

/**
 * IAM statements allowing `bedrock:InvokeModel` (which Converse uses) on exactly the configured
 * model: the foundation model in the function's region, or, for an inference profile, the profile
 * and its foundation model in whichever region the profile routes to, only through that profile.
 * `accountId` is needed for profiles only.
 */
export function bedrockInvokeStatements(modelId: string, region: string, accountId?: string): PolicyStatement[] {
  const ref = parseBedrockModelId(modelId);
  if (!ref.inferenceProfileId) {
    return [
      {
        Sid: 'InvokeConfiguredModel',
        Effect: 'Allow',
        Action: ['bedrock:InvokeModel'],
        Resource: `arn:aws:bedrock:${region}::foundation-model/${ref.foundationModelId}`,
      },
    ];
  }
  if (accountId === undefined) throw new Error(`an account id is needed to scope inference profile ${ref.inferenceProfileId}`);
  const profileArn = inferenceProfileArn(region, accountId, ref.inferenceProfileId);
  return [
    { Sid: 'InvokeConfiguredProfile', Effect: 'Allow', Action: ['bedrock:InvokeModel'], Resource: profileArn },
    {
      Sid: 'InvokeProfileModelOnlyThroughProfile',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel'],
      Resource: `arn:aws:bedrock:*::foundation-model/${ref.foundationModelId}`,
      Condition: { StringEquals: { 'bedrock:InferenceProfileArn': profileArn } },
    },
  ];
}
