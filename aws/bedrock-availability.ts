/**
 * Where Amazon Bedrock offers each model this project knows: in-Region (the foundation model id
 * works in that region), through which system-defined cross-region inference profile from which
 * source region to which destination regions, and when the model reaches its end of life.
 *
 * Facts from AWS's documentation, read on {@link BEDROCK_AVAILABILITY_READ_ON}. The pages are
 * living documents and the copies read were not all of the same day (each entry names its page);
 * a model missing here is not refused, only reported as unverified (see config/warnings.ts).
 * GovCloud rows are left out: this project deploys to the standard `aws` partition only (aws/facts.ts).
 *
 * Pages (https://docs.aws.amazon.com/bedrock/latest/userguide/...):
 * - `inference-profiles-support.html`: "Supported Regions and models for inference profiles", one
 *   table per profile: source region → destination regions. The source of every `profiles` entry.
 * - `models-supported.html`: the in-Region column of the supported-models table.
 * - `model-card-<model>.html`: a model's card (in-Region regions, profile ids).
 * - `model-lifecycle.html`, `model-lifecycle-legacy.html`: legacy and end-of-life dates by region.
 *   The lifecycle table lists only models not yet past end of life when it was written, so a region
 *   absent from an entry that is already past its date was past it earlier ({@link EndOfLife.regions}).
 */
import type { AwsRegion } from './facts';

/** The day the pages behind this table were read. */
export const BEDROCK_AVAILABILITY_READ_ON = '2026-11-22';

/** Where a global inference profile may route: any commercial region (global-cross-region-inference.html). */
export const ANY_COMMERCIAL_REGION = 'any-commercial-region';

/** One row of a profile's table: requests made in `from` may be processed in `to`. */
export interface InferenceProfileRoute {
  readonly from: readonly AwsRegion[];
  readonly to: readonly AwsRegion[] | typeof ANY_COMMERCIAL_REGION;
}

/** A system-defined inference profile: its id is `<geography>.<foundation model id>`. */
export interface InferenceProfileAvailability {
  /** The geography prefix: `us`, `eu`, `apac`, `jp`, `au`, `ca` or `global`. */
  readonly geography: string;
  readonly routes: readonly InferenceProfileRoute[];
}

/** The end of a model's life in some regions: invocations fail there from `date` on. */
export interface EndOfLife {
  /** Legacy from this day (still invocable, end of life announced). */
  readonly legacyFrom: string;
  /** End of life (ISO date). */
  readonly date: string;
  /** The regions it applies to; `all` where the lifecycle table no longer lists the others (see above). */
  readonly regions: readonly AwsRegion[] | 'all';
}

/** What the documentation says about one foundation model. */
export interface ModelAvailability {
  /** Regions where the foundation model id itself can be invoked. */
  readonly inRegion: readonly AwsRegion[];
  readonly profiles: readonly InferenceProfileAvailability[];
  readonly endOfLife?: EndOfLife;
  /** The pages behind this entry. */
  readonly source: string;
}

// Region groups as the profile tables write them.
const US: readonly AwsRegion[] = ['us-east-1', 'us-east-2', 'us-west-2'];
const US_WEST_1: readonly AwsRegion[] = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'];
const EU4: readonly AwsRegion[] = ['eu-central-1', 'eu-north-1', 'eu-west-1', 'eu-west-3'];
const EU6: readonly AwsRegion[] = ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3'];
const AP6: readonly AwsRegion[] = ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'];
const AP7: readonly AwsRegion[] = [...AP6, 'ap-south-2'];
const AP8: readonly AwsRegion[] = [...AP7, 'ap-southeast-4'];
const AP9: readonly AwsRegion[] = [...AP8, 'ap-southeast-3'];

/** The eu. rows shared by the Nova models. */
const NOVA_EU: InferenceProfileAvailability = {
  geography: 'eu',
  routes: [
    { from: EU4, to: EU4 },
    { from: ['eu-south-1'], to: [...EU4, 'eu-south-1'] },
    { from: ['eu-south-2'], to: [...EU4, 'eu-south-2'] },
    { from: ['il-central-1'], to: [...EU4, 'eu-south-1', 'il-central-1'] },
  ],
};

/** The apac. rows shared by the Nova models; Lite and Pro also take requests from ap-southeast-4. */
function novaApac(fromSoutheast4: boolean): InferenceProfileAvailability {
  return {
    geography: 'apac',
    routes: [
      { from: ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'], to: AP6 },
      { from: ['ap-east-2'], to: [...AP9, 'ap-east-2'] },
      { from: ['ap-southeast-3'], to: AP9 },
      ...(fromSoutheast4 ? [{ from: ['ap-southeast-4'] as const, to: AP8 }] : []),
      { from: ['ap-southeast-5'], to: [...AP9, 'ap-southeast-5'] },
      { from: ['ap-southeast-7'], to: [...AP9, 'ap-southeast-7'] },
      { from: ['me-central-1'], to: [...AP9, 'me-central-1'] },
    ],
  };
}

const PROFILES_PAGE = 'inference-profiles-support.html';

/** The table, by foundation model id. */
export const BEDROCK_MODELS: Readonly<Record<string, ModelAvailability>> = {
  'amazon.nova-micro-v1:0': {
    // models-supported.html (copy of 2026-02-15) also lists ap-southeast-2 and eu-west-2 in-Region;
    // batch-inference-supported.html lists the foundation model in us-east-1 only, as does this
    // project's issue 10. Where the pages disagree the table keeps what they all agree on: there,
    // the apac. profile serves ap-southeast-2 (and eu-west-2 is served by nothing) under either reading.
    inRegion: ['us-east-1'],
    profiles: [{ geography: 'us', routes: [{ from: US, to: US }] }, NOVA_EU, novaApac(false)],
    source: `models-supported.html; ${PROFILES_PAGE}`,
  },
  'amazon.nova-lite-v1:0': {
    inRegion: ['ap-northeast-1', 'ap-southeast-2', 'ap-southeast-3', 'eu-north-1', 'eu-west-2', 'me-central-1', 'us-east-1'],
    profiles: [
      { geography: 'us', routes: [{ from: US, to: US }, { from: ['us-west-1'], to: US_WEST_1 }] },
      NOVA_EU,
      novaApac(true),
      { geography: 'ca', routes: [{ from: ['ca-central-1', 'ca-west-1'], to: ['ca-central-1', 'ca-west-1'] }] },
    ],
    source: `models-supported.html; ${PROFILES_PAGE}`,
  },
  'amazon.nova-pro-v1:0': {
    inRegion: ['ap-southeast-2', 'ap-southeast-3', 'eu-west-2', 'me-central-1', 'us-east-1'],
    profiles: [
      { geography: 'us', routes: [{ from: US, to: US }, { from: ['us-west-1'], to: US_WEST_1 }] },
      NOVA_EU,
      novaApac(true),
    ],
    source: `model-card-amazon-nova-pro.html (same in-Region list in models-supported.html); ${PROFILES_PAGE}`,
  },
  'amazon.nova-2-lite-v1:0': {
    // No in-Region offering recorded: the pages read list this model by its profiles only.
    inRegion: [],
    profiles: [
      {
        geography: 'global',
        routes: [
          {
            from: ['ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7', 'ca-central-1', 'ca-west-1', ...EU6, 'eu-west-2', 'il-central-1', 'me-central-1', ...US_WEST_1],
            to: ANY_COMMERCIAL_REGION,
          },
        ],
      },
      {
        geography: 'us',
        routes: [
          { from: US, to: US },
          { from: ['us-west-1'], to: US_WEST_1 },
          { from: ['ca-central-1'], to: [...US, 'ca-central-1'] },
          { from: ['ca-west-1'], to: [...US, 'ca-west-1'] },
        ],
      },
      { geography: 'eu', routes: [{ from: EU6, to: EU6 }] },
      { geography: 'jp', routes: [{ from: ['ap-northeast-1'], to: ['ap-northeast-1', 'ap-northeast-3'] }] },
    ],
    source: PROFILES_PAGE,
  },
  'anthropic.claude-3-haiku-20240307-v1:0': {
    inRegion: ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'sa-east-1', 'us-east-1', 'us-west-2'],
    profiles: [
      { geography: 'us', routes: [{ from: ['us-east-1', 'us-west-2'], to: ['us-east-1', 'us-west-2'] }, { from: ['us-east-2'], to: US }] },
      { geography: 'eu', routes: [{ from: ['eu-central-1', 'eu-west-1', 'eu-west-3'], to: ['eu-central-1', 'eu-west-1', 'eu-west-3'] }] },
      {
        geography: 'apac',
        routes: [
          {
            from: ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'],
            to: ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'],
          },
        ],
      },
    ],
    endOfLife: {
      legacyFrom: '2026-03-10',
      date: '2026-09-10',
      regions: ['ap-northeast-1', 'ap-southeast-2', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'us-east-1', 'us-east-2', 'us-west-2'],
    },
    source: `model-card-anthropic-claude-3-haiku.html; ${PROFILES_PAGE}; model-lifecycle-legacy.html`,
  },
  'anthropic.claude-3-5-haiku-20241022-v1:0': {
    inRegion: [],
    profiles: [{ geography: 'us', routes: [{ from: US, to: US }] }],
    endOfLife: { legacyFrom: '2025-12-19', date: '2026-06-19', regions: US },
    source: `${PROFILES_PAGE}; model-lifecycle.html`,
  },
  'anthropic.claude-3-5-sonnet-20241022-v2:0': {
    inRegion: [],
    profiles: [
      { geography: 'us', routes: [{ from: US, to: US }] },
      { geography: 'apac', routes: [{ from: AP6, to: AP6 }, { from: ['ap-south-2'], to: AP7 }] },
    ],
    endOfLife: { legacyFrom: '2026-01-30', date: '2026-07-30', regions: 'all' },
    source: `${PROFILES_PAGE}; model-lifecycle.html`,
  },
  'anthropic.claude-3-7-sonnet-20250219-v1:0': {
    inRegion: [],
    profiles: [
      { geography: 'us', routes: [{ from: US, to: US }] },
      { geography: 'eu', routes: [{ from: EU4, to: EU4 }] },
      { geography: 'apac', routes: [{ from: AP7, to: AP7 }] },
    ],
    endOfLife: { legacyFrom: '2026-01-30', date: '2026-07-30', regions: 'all' },
    source: `${PROFILES_PAGE}; model-lifecycle.html`,
  },
  'anthropic.claude-sonnet-4-20250514-v1:0': {
    inRegion: ['ap-east-2', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7', 'me-central-1'],
    profiles: [
      { geography: 'us', routes: [{ from: US, to: US }, { from: ['us-west-1'], to: US_WEST_1 }] },
      { geography: 'eu', routes: [{ from: EU6, to: EU6 }, { from: ['il-central-1'], to: [...EU6, 'il-central-1'] }] },
      {
        geography: 'apac',
        routes: [
          { from: AP8, to: AP8 },
          { from: ['ap-east-2'], to: [...AP9, 'ap-east-2'] },
          { from: ['ap-southeast-3'], to: AP9 },
          { from: ['ap-southeast-5'], to: [...AP9, 'ap-southeast-5'] },
          { from: ['ap-southeast-7'], to: [...AP9, 'ap-southeast-7'] },
          { from: ['me-central-1'], to: [...AP9, 'me-central-1'] },
        ],
      },
      { geography: 'global', routes: [{ from: ['ap-northeast-1', 'eu-west-1', ...US], to: ANY_COMMERCIAL_REGION }] },
    ],
    endOfLife: {
      legacyFrom: '2026-04-14',
      date: '2026-10-14',
      regions: [...US_WEST_1, ...EU6, ...AP9, 'ap-east-2', 'ap-southeast-5', 'ap-southeast-7', 'il-central-1', 'me-central-1'],
    },
    source: `model-card-anthropic-claude-sonnet-4.html; ${PROFILES_PAGE}; model-lifecycle-legacy.html`,
  },
  'anthropic.claude-haiku-4-5-20251001-v1:0': {
    // No in-Region offering recorded: the pages read list this model by its profiles only.
    inRegion: [],
    profiles: [
      {
        geography: 'global',
        routes: [
          {
            from: [...AP9, 'ca-central-1', ...EU6, 'eu-central-2', 'eu-west-2', 'sa-east-1', ...US_WEST_1, 'me-central-1', 'il-central-1', 'me-south-1'],
            to: ANY_COMMERCIAL_REGION,
          },
        ],
      },
      {
        geography: 'us',
        routes: [
          { from: US, to: US },
          { from: ['us-west-1'], to: US_WEST_1 },
          { from: ['ca-central-1'], to: [...US, 'ca-central-1'] },
        ],
      },
      {
        geography: 'eu',
        routes: [
          { from: EU6, to: EU6 },
          { from: ['eu-central-2'], to: [...EU6, 'eu-central-2'] },
          { from: ['eu-west-2'], to: [...EU6, 'eu-west-2'] },
        ],
      },
      { geography: 'jp', routes: [{ from: ['ap-northeast-1', 'ap-northeast-3'], to: ['ap-northeast-1', 'ap-northeast-3'] }] },
      { geography: 'au', routes: [{ from: ['ap-southeast-2', 'ap-southeast-4'], to: ['ap-southeast-2', 'ap-southeast-4'] }] },
    ],
    source: PROFILES_PAGE,
  },
  'meta.llama3-1-8b-instruct-v1:0': {
    inRegion: ['us-west-2'],
    profiles: [{ geography: 'us', routes: [{ from: US, to: US }] }],
    source: `models-supported.html; ${PROFILES_PAGE}`,
  },
};
