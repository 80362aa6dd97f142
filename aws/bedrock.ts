/**
 * Bedrock model ids: which id a function invokes in its region (the foundation model in-Region, or
 * the cross-region inference profile that takes requests from that region), and the IAM statements
 * allowing exactly that id and the models it routes to.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html
 */
import type { AwsRegion } from './facts';
import {
  ANY_COMMERCIAL_REGION,
  BEDROCK_MODELS,
  type InferenceProfileAvailability,
  type InferenceProfileRoute,
  type ModelAvailability,
} from './bedrock-availability';
import { contradictoryProps } from '../core/errors';
import type { PolicyStatement } from './iam-policy';

/** Geography prefixes of Bedrock's system-defined cross-region inference profiles. */
export const INFERENCE_PROFILE_PREFIXES = ['us', 'eu', 'apac', 'global', 'jp', 'au', 'ca', 'us-gov'] as const;

/** The global profile's prefix: it routes worldwide, so it is used only when configured by name. */
const GLOBAL_GEOGRAPHY = 'global';

/** Geographic profiles from the narrowest: the one chosen when several take requests from a region. */
const GEOGRAPHY_PREFERENCE: readonly string[] = ['jp', 'au', 'ca', 'us', 'eu', 'apac'];

/**
 * When a function may call its model through a cross-region inference profile instead of in its
 * own region (configuration `crossRegionInference` of a `bedrock-chat` model):
 * - `fallback`: in-Region where Bedrock offers the model there, else the region's geographic profile;
 * - `prefer`: the geographic profile wherever one takes requests from the region (more throughput),
 *   else in-Region;
 * - `never`: in-Region only; requests never leave the region.
 * Global profiles route outside the geography and are used only when configured as the model id.
 */
export const CROSS_REGION_INFERENCE = ['fallback', 'prefer', 'never'] as const;
export type CrossRegionInference = (typeof CROSS_REGION_INFERENCE)[number];

/** A configured Bedrock model id, taken apart. */
export interface BedrockModelRef {
  /** The foundation model, e.g. `amazon.nova-micro-v1:0`. */
  readonly foundationModelId: string;
  /** The cross-region inference profile, when the id names one (e.g. `eu.amazon.nova-micro-v1:0`). */
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

/** The model a function invokes in one region, and where Bedrock may process its requests. */
export interface ResolvedBedrockModel {
  /** The region the function runs in (the profile's source region). */
  readonly region: AwsRegion;
  /** The id passed to Converse: the foundation model, or the inference profile. */
  readonly invokeId: string;
  readonly foundationModelId: string;
  /** The inference profile, when requests go through one. */
  readonly profile?: {
    readonly id: string;
    /** Where it routes requests from {@link region}; undefined for a profile missing from the table. */
    readonly destinations: InferenceProfileRoute['to'] | undefined;
  };
  /** Whether the model is in the availability table (aws/bedrock-availability.ts). */
  readonly listed: boolean;
}

/** The model to invoke in a region, or why Bedrock cannot serve the configuration there. */
export type BedrockResolution = { readonly model: ResolvedBedrockModel } | { readonly problem: string };

/**
 * Chooses the id a function in `region` invokes for the configured `modelId`, from the
 * availability table (aws/bedrock-availability.ts, with the day it was read). With `today` (ISO
 * date), a model past its end of life there is refused too; synthesis leaves that to configuration
 * validation, so its output never depends on the clock. A model missing from the table is used as
 * configured (validation warns).
 */
export function resolveBedrockModel(
  modelId: string,
  region: AwsRegion,
  crossRegion: CrossRegionInference,
  today?: string,
): BedrockResolution {
  const ref = parseBedrockModelId(modelId);
  const fm = ref.foundationModelId;
  const entry = BEDROCK_MODELS[fm];
  if (!entry) {
    const profile = ref.inferenceProfileId ? { id: ref.inferenceProfileId, destinations: undefined } : undefined;
    return { model: { region, invokeId: modelId, foundationModelId: fm, profile, listed: false } };
  }
  const eol = entry.endOfLife;
  if (eol && today !== undefined && eol.date <= today && (eol.regions === 'all' || eol.regions.includes(region))) {
    return { problem: `${fm} reached its end of life on ${eol.date} (Bedrock model lifecycle)` };
  }

  if (ref.inferenceProfileId) {
    const geography = ref.inferenceProfileId.slice(0, ref.inferenceProfileId.indexOf('.'));
    if (crossRegion === 'never') {
      return { problem: `${ref.inferenceProfileId} routes requests to other regions, which crossRegionInference: never forbids` };
    }
    const profile = entry.profiles.find((p) => p.geography === geography);
    if (!profile) {
      return { problem: `Bedrock has no ${geography}. inference profile for ${fm} (it has ${profileIds(fm, entry.profiles) || 'none'})` };
    }
    const route = routeFrom(profile, region);
    if (!route) {
      return { problem: `${ref.inferenceProfileId} takes no requests from ${region} (it does from ${sources(profile).join(', ')})` };
    }
    return { model: { region, invokeId: modelId, foundationModelId: fm, profile: { id: modelId, destinations: route.to }, listed: true } };
  }

  const inRegion = entry.inRegion.includes(region);
  const geographic = geographicProfile(entry, region);
  const viaProfile = (): ResolvedBedrockModel | undefined =>
    geographic && {
      region,
      invokeId: `${geographic.profile.geography}.${fm}`,
      foundationModelId: fm,
      profile: { id: `${geographic.profile.geography}.${fm}`, destinations: geographic.route.to },
      listed: true,
    };
  const direct: ResolvedBedrockModel | undefined = inRegion ? { region, invokeId: fm, foundationModelId: fm, listed: true } : undefined;
  const chosen = crossRegion === 'never' ? direct : crossRegion === 'prefer' ? (viaProfile() ?? direct) : (direct ?? viaProfile());
  if (chosen) return { model: chosen };

  const hints: string[] = [];
  if (crossRegion === 'never' && geographic) {
    hints.push(`${geographic.profile.geography}.${fm} takes requests from ${region}: set crossRegionInference: fallback to use it`);
  }
  const global = entry.profiles.find((p) => p.geography === GLOBAL_GEOGRAPHY);
  if (!geographic && global && routeFrom(global, region)) {
    hints.push(`only ${GLOBAL_GEOGRAPHY}.${fm} takes requests from ${region}, routing them to any commercial region: set it as modelId to accept that`);
  }
  if (hints.length === 0) {
    const offered = [...entry.inRegion, ...entry.profiles.flatMap((p) => (p.geography === GLOBAL_GEOGRAPHY ? [] : sources(p)))];
    hints.push(`it is offered in ${[...new Set(offered)].sort().join(', ') || 'no region'}`);
  }
  return { problem: `${fm} is not offered in-Region in ${region}${crossRegion === 'never' ? '' : ' and no geographic inference profile takes requests from there'}; ${hints.join('; ')}` };
}

/** The ARN of an inference profile in an account and region. */
export function inferenceProfileArn(region: string, accountId: string, profileId: string): string {
  return `arn:aws:bedrock:${region}:${accountId}:inference-profile/${profileId}`;
}

/** The ARN of a foundation model in a region; no region for the global profiles' worldwide model. */
export function foundationModelArn(region: string, foundationModelId: string): string {
  return `arn:aws:bedrock:${region}::foundation-model/${foundationModelId}`;
}

/** How {@link bedrockInvokeStatements} scopes its statements. */
export interface InvokeGrantOptions {
  /** The account id; needed for inference profiles only. */
  readonly accountId?: string;
  /** Whether the function streams (ConverseStream needs `bedrock:InvokeModelWithResponseStream`). @default false */
  readonly streaming?: boolean;
  /** The model's place in its fallback chain (0: the primary), which names its statements. @default 0 */
  readonly chainIndex?: number;
}

/**
 * IAM statements allowing `bedrock:InvokeModel` (which Converse uses), and for a streaming function
 * `bedrock:InvokeModelWithResponseStream` (which ConverseStream uses), on exactly the resolved
 * model: the foundation model in the function's region; or the inference profile in that region
 * plus its foundation model in the source region and in each destination region, only through that
 * profile (inference-profiles-prereq.html, geographic-cross-region-inference.html "IAM policy
 * requirements"). A global profile's destinations are any commercial region, written as the
 * region-less foundation-model ARN (global-cross-region-inference.html "IAM policy requirements").
 * A profile missing from the availability table gets every region (`*`), still only through the
 * profile. Fallback models (chainIndex > 0) get statements of their own, named `...Fallback<n>`.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 */
export function bedrockInvokeStatements(model: ResolvedBedrockModel, options: InvokeGrantOptions = {}): PolicyStatement[] {
  const { accountId, streaming = false, chainIndex = 0 } = options;
  const actions = streaming ? ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'] : ['bedrock:InvokeModel'];
  const suffix = chainIndex === 0 ? '' : `Fallback${chainIndex}`;
  if (!model.profile) {
    return [{ Sid: `InvokeConfiguredModel${suffix}`, Effect: 'Allow', Action: actions, Resource: foundationModelArn(model.region, model.foundationModelId) }];
  }
  if (accountId === undefined) throw contradictoryProps('bedrockInvokeStatements', `an account id is needed to scope inference profile ${model.profile.id}`);
  const profileArn = inferenceProfileArn(model.region, accountId, model.profile.id);
  const { destinations } = model.profile;
  const regions =
    destinations === undefined ? ['*'] : destinations === ANY_COMMERCIAL_REGION ? [model.region, ''] : [...new Set([model.region, ...destinations])];
  return [
    { Sid: `InvokeConfiguredProfile${suffix}`, Effect: 'Allow', Action: actions, Resource: profileArn },
    {
      Sid: `InvokeProfileModelOnlyThroughProfile${suffix}`,
      Effect: 'Allow',
      Action: actions,
      Resource: regions.map((r) => foundationModelArn(r, model.foundationModelId)),
      Condition: { StringEquals: { 'bedrock:InferenceProfileArn': profileArn } },
    },
  ];
}

function routeFrom(profile: InferenceProfileAvailability, region: AwsRegion): InferenceProfileRoute | undefined {
  return profile.routes.find((r) => r.from.includes(region));
}

function sources(profile: InferenceProfileAvailability): AwsRegion[] {
  return profile.routes.flatMap((r) => r.from);
}

function profileIds(fm: string, profiles: readonly InferenceProfileAvailability[]): string {
  return profiles.map((p) => `${p.geography}.${fm}`).join(', ');
}

/** The narrowest geographic (not global) profile taking requests from the region. */
function geographicProfile(entry: ModelAvailability, region: AwsRegion) {
  return entry.profiles
    .filter((p) => p.geography !== GLOBAL_GEOGRAPHY)
    .sort((a, b) => GEOGRAPHY_PREFERENCE.indexOf(a.geography) - GEOGRAPHY_PREFERENCE.indexOf(b.geography))
    .map((profile) => ({ profile, route: routeFrom(profile, region) }))
    .find((candidate): candidate is { profile: InferenceProfileAvailability; route: InferenceProfileRoute } => candidate.route !== undefined);
}
