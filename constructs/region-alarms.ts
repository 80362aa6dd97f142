import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { METRIC_DIMENSIONS, METRIC_NAMES } from '../contract/budgets';
import { API_GATEWAY_METRICS } from '../aws/facts';

/** What each alarm of a region watches, the part of its name after the environment's prefix. */
export function regionAlarmKeys(budgetedTiers: readonly string[]): { budgetBurn: (tier: string) => string; errorRate: string; all: string[] } {
  const budgetBurn = (tier: string) => `budget-burn-${tier}`;
  return { budgetBurn, errorRate: 'api-error-rate', all: [...budgetedTiers.map(budgetBurn), 'api-error-rate'] };
}

/** Properties of {@link RegionAlarms}. */
export interface RegionAlarmsProps {
  /** The region the alarms watch (alarms live in their metrics' region). */
  readonly region: string;
  /** The model hosts' metric namespace. */
  readonly namespace: string;
  /** The tiers whose consumers have a daily budget (tokens or dollars). */
  readonly budgetedTiers: readonly string[];
  /** Alarm when a consumer has used this percentage of its day. */
  readonly budgetBurnPercent: number;
  /** The REST API's name and stage (API Gateway's metric dimensions). */
  readonly api: { readonly name: string; readonly stage: string };
  /** Alarm when this percentage of responses are 5xx. */
  readonly errorRatePercent: number;
  /** An alarm's name from what it watches (alarm names are regional). */
  readonly alarmName: (what: string) => string;
  /** The SNS topic (in this region) told when an alarm goes into and out of alarm. @default none */
  readonly notify?: string;
}

/**
 * The CloudWatch alarms of one region:
 * - budget burn, one per budgeted tier: the highest BudgetUsedPercent a call of that tier reported
 *   in five minutes (the model host's EMF metric, dimensions Tier and Region) reached the threshold,
 *   so some consumer of the tier has used that much of its day here;
 * - API error rate: the REST API's 5XXError average (the share of responses that were 5xx) above
 *   the threshold in 3 of 5 minutes.
 * Missing data is not breaching: no calls, no alarm. With a topic, each alarm notifies it going
 * into and out of alarm.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
 */
export class RegionAlarms extends Construct {
  /** One budget-burn alarm per budgeted tier, by tier. */
  readonly budgetBurn: ReadonlyMap<string, CloudwatchMetricAlarm>;
  /** The API error-rate alarm. */
  readonly errorRate: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: RegionAlarmsProps) {
    super(scope, id);
    const keys = regionAlarmKeys(props.budgetedTiers);
    const actions = props.notify ? { alarmActions: [props.notify], okActions: [props.notify] } : {};
    this.budgetBurn = new Map(
      props.budgetedTiers.map((tier) => [
        tier,
        new CloudwatchMetricAlarm(this, `budget-burn-${tier}`, {
          alarmName: props.alarmName(keys.budgetBurn(tier)),
          alarmDescription: `A consumer of tier ${tier} has used ${props.budgetBurnPercent}% of its daily budget in ${props.region} (its share of the tier's budget here).`,
          namespace: props.namespace,
          metricName: METRIC_NAMES.budgetUsed,
          dimensions: { [METRIC_DIMENSIONS.tier]: tier, [METRIC_DIMENSIONS.region]: props.region },
          statistic: 'Maximum',
          period: 300,
          evaluationPeriods: 1,
          threshold: props.budgetBurnPercent,
          comparisonOperator: 'GreaterThanOrEqualToThreshold',
          treatMissingData: 'notBreaching',
          ...actions,
        }),
      ]),
    );
    this.errorRate = new CloudwatchMetricAlarm(this, 'api-error-rate', {
      alarmName: props.alarmName(keys.errorRate),
      alarmDescription: `More than ${props.errorRatePercent}% of the ${props.api.name} API's responses in ${props.region} were 5xx, in 3 of the last 5 minutes.`,
      namespace: API_GATEWAY_METRICS.namespace,
      metricName: API_GATEWAY_METRICS.serverErrors,
      dimensions: { ApiName: props.api.name, Stage: props.api.stage },
      // 5XXError is 1 for a 5xx response and 0 otherwise, so its average is the error rate.
      statistic: 'Average',
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      threshold: props.errorRatePercent / 100,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
      ...actions,
    });
  }

  /** Every alarm, budget burn first. */
  get alarms(): CloudwatchMetricAlarm[] {
    return [...this.budgetBurn.values(), this.errorRate];
  }
}
