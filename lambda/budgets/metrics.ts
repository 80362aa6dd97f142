/**
 * The model host's metrics, one CloudWatch embedded-metric-format (EMF) record per chat call. In
 * Lambda the record is a line on stdout, and CloudWatch Logs extracts the metrics from it (no
 * PutMetricData call on the request path).
 *
 * Every metric is recorded under three dimension sets: {Model, Region, Consumer, Tier} (charge-back
 * per consumer), {Model, Region} (each model) and {Tier, Region} (each tier: the budget alarms).
 * The record is written here rather than with Powertools' Metrics: Powertools 2.36.0 warns on
 * every record whose dimension sets share a key (Metrics.js #checkKeyCollisions), which is exactly
 * this layout, and the format is a dozen lines of the specification.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
import { METRIC_DIMENSIONS as D, METRIC_NAMES as M } from '../../contract/budgets';
/** Who and where a call was for: the dimensions of its metrics. */
export interface CallDimensions {
  readonly model: string;
  readonly region: string;
  readonly consumer: string;
  readonly tier: string;
}

/** What one call measured; absent values are not recorded. */
export interface CallMeasures {
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  readonly costUsd?: number;
  readonly latencyMs?: number;
  readonly timeToFirstTokenMs?: number;
  readonly budgetRefusals?: number;
  readonly modelThrottles?: number;
  readonly budgetUsedPercent?: number;
}

/** Where EMF records go. */
export type MetricsSink = (record: object) => void;

/**
 * Writes a record as one line straight to stdout. "Lambda automatically sends everything that your
 * function writes to standard output (STDOUT) to a CloudWatch Logs log group, and CloudWatch Logs
 * extracts metrics from any log events that follow the embedded metric format specification"
 * (CloudWatch_Embedded_Metric_Format_Lambda.html). Not through `console`: with Lambda's JSON log
 * format the runtime wraps console output in an object of its own, which that page warns loses
 * metrics for older client libraries; a line on process.stdout is passed as written (Powertools'
 * logger and metrics write through a Console of their own on process.stdout for the same reason).
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Lambda.html
 */
export const stdoutMetricsSink: MetricsSink = (record) => {
  process.stdout.write(`${JSON.stringify(record)}\n`);
};

/** EMF units (the specification's list). */
type Unit = 'Count' | 'Milliseconds' | 'Percent' | 'None';

const UNITS: Record<keyof CallMeasures, [string, Unit]> = {
  inputTokens: [M.inputTokens, 'Count'],
  outputTokens: [M.outputTokens, 'Count'],
  costUsd: [M.costUsd, 'None'],
  latencyMs: [M.latency, 'Milliseconds'],
  timeToFirstTokenMs: [M.timeToFirstToken, 'Milliseconds'],
  budgetRefusals: [M.budgetRefusals, 'Count'],
  modelThrottles: [M.modelThrottles, 'Count'],
  budgetUsedPercent: [M.budgetUsed, 'Percent'],
};

/** The dimension sets every metric is recorded under. */
export const DIMENSION_SETS: readonly (readonly string[])[] = [
  [D.model, D.region, D.consumer, D.tier],
  [D.model, D.region],
  [D.tier, D.region],
];

/**
 * The EMF record of one call: `_aws` says which top-level members are metrics (with units) and
 * which dimension sets they are recorded under; the members hold the values. `properties` are
 * searchable in the log but are not dimensions.
 */
export function callRecord(
  namespace: string,
  dimensions: CallDimensions,
  measures: CallMeasures,
  properties: Readonly<Record<string, string>> = {},
  timestamp: number = Date.now(),
): Record<string, unknown> {
  const recorded = (Object.entries(measures) as [keyof CallMeasures, number | undefined][]).filter(
    (entry): entry is [keyof CallMeasures, number] => entry[1] !== undefined && Number.isFinite(entry[1]),
  );
  return {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: DIMENSION_SETS,
          Metrics: recorded.map(([key]) => ({ Name: UNITS[key][0], Unit: UNITS[key][1] })),
        },
      ],
    },
    ...properties,
    [D.model]: dimensions.model,
    [D.region]: dimensions.region,
    [D.consumer]: dimensions.consumer,
    [D.tier]: dimensions.tier,
    ...Object.fromEntries(recorded.map(([key, value]) => [UNITS[key][0], value])),
  };
}
