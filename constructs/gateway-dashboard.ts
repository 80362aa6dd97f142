import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';
import { API_GATEWAY_METRICS } from '../aws/facts';
import { METRIC_DIMENSIONS as D, METRIC_NAMES as M } from '../contract/budgets';

/** One alarm the dashboard shows. */
export interface DashboardAlarm {
  readonly region: string;
  readonly name: string;
}

/** Properties of a {@link GatewayDashboard}. */
export interface GatewayDashboardProps {
  /** The dashboard name. */
  readonly name: string;
  /** The environment, for the heading. */
  readonly title: string;
  /** The model hosts' metric namespace. */
  readonly namespace: string;
  readonly regions: readonly string[];
  /** The chat models the host meters. */
  readonly chatModels: readonly string[];
  /** Tiers with a daily budget (their burn is plotted against the alarm threshold). */
  readonly budgetedTiers: readonly string[];
  /** Every tier, for the refusals. */
  readonly tiers: readonly string[];
  readonly budgetBurnPercent: number;
  readonly errorRatePercent: number;
  /** The REST API's name and stage in every region. */
  readonly api: { readonly name: string; readonly stage: string };
  /** The alarms of every region. */
  readonly alarms: readonly DashboardAlarm[];
  /** The account id (a reference), for the alarms' ARNs. */
  readonly accountId: string;
}

/** A widget of a dashboard body, as CloudWatch reads it. */
type Widget = { type: 'metric' | 'text' | 'alarm'; x: number; y: number; width: number; height: number; properties: Record<string, unknown> };

/** One line of a metric widget: [namespace, name, dimension, value, ..., options], or an expression. */
type MetricLine = (string | Record<string, unknown>)[] | [Record<string, unknown>];

/** Width of the dashboard grid. */
const GRID_COLUMNS = 24;
const HALF = GRID_COLUMNS / 2;
const HEIGHT = 6;

/**
 * The environment's CloudWatch dashboard: tokens, cost, budgets, latency and errors of every region
 * on one page. The model hosts' metrics (EMF, namespace `GlobalAiGateway/<app>-<env>`) exist only in
 * their region ("Metrics exist only in the Region in which they are created", cloudwatch_concepts.html),
 * so each line names its region in its rendering properties; the per-consumer widgets, one per
 * region, run a SEARCH there, which finds every consumer Kong has, listed here or not. "All
 * dashboards in your account are global, not region-specific" (AWS::CloudWatch::Dashboard), so it
 * lives in the global stack. Its alarm widget lists every region's alarms by ARN; alarms themselves
 * must live in their metric's region (Cross-Account-Cross-Region.html), in the region stacks.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
export class GatewayDashboard extends Construct {
  /** The dashboard. */
  readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: GatewayDashboardProps) {
    super(scope, id);
    this.dashboard = new CloudwatchDashboard(this, 'Resource', {
      dashboardName: props.name,
      dashboardBody: JSON.stringify({ widgets: dashboardWidgets(props) }),
    });
  }
}

/** The widgets, top to bottom, left to right. */
export function dashboardWidgets(props: GatewayDashboardProps): Widget[] {
  const { namespace: ns, regions } = props;
  const home = regions[0]!;
  const perModel = (metric: string, stat: string, extra: Record<string, unknown> = {}): MetricLine[] =>
    props.chatModels.flatMap((model) =>
      regions.map((region) => [ns, metric, D.model, model, D.region, region, { region, stat, label: `${model} ${metricLabel(metric)}${stat.startsWith('p') ? ` ${stat}` : ''} (${region})`, ...extra }]),
    );
  const perTier = (tiers: readonly string[], metric: string, stat: string): MetricLine[] =>
    tiers.flatMap((tier) => regions.map((region) => [ns, metric, D.tier, tier, D.region, region, { region, stat, label: `${tier} (${region})` }]));
  // A SEARCH runs in its widget's region (the widget's `region`), over metrics that reported in the
  // last two weeks (using-search-expressions.html).
  const search = (metric: string, stat: string, period: number, label: string, id: string): MetricLine => [
    { expression: `SEARCH('{${ns},${D.consumer},${D.model},${D.region},${D.tier}} MetricName="${metric}"', '${stat}', ${period})`, id, label },
  ];
  const chart = (title: string, metrics: MetricLine[], extra: Record<string, unknown> = {}) => ({
    type: 'metric' as const,
    properties: { title, view: 'timeSeries', stacked: false, region: home, period: 300, metrics, ...extra },
  });

  const rows: Omit<Widget, 'x' | 'y' | 'width' | 'height'>[][] = [
    [
      {
        type: 'text',
        properties: {
          markdown: `# ${props.title}\nChat models metered by the model host (namespace \`${ns}\`, dimensions Model, Region, Consumer, Tier) in ${regions.join(', ')}. Budgets are enforced per region, each with its upstream weight's share.`,
        },
      },
    ],
    [
      chart('Tokens by model (per 5 minutes)', [...perModel(M.inputTokens, 'Sum'), ...perModel(M.outputTokens, 'Sum')]),
      chart('Cost by model (USD per hour)', perModel(M.costUsd, 'Sum'), { period: 3600 }),
    ],
    [
      chart('Budget used by the top consumer of each tier (% of day)', perTier(props.budgetedTiers, M.budgetUsed, 'Maximum'), {
        annotations: { horizontal: [{ label: 'budget burn alarm', value: props.budgetBurnPercent }] },
        yAxis: { left: { min: 0, max: 100 } },
      }),
      chart('Budget refusals (429) by tier, and Bedrock throttles by model', [...perTier(props.tiers, M.budgetRefusals, 'Sum'), ...perModel(M.modelThrottles, 'Sum')]),
    ],
    [
      chart('Latency p50 and p90, and time to first token p90 (ms)', [
        ...perModel(M.latency, 'p50'),
        ...perModel(M.latency, 'p90'),
        ...perModel(M.timeToFirstToken, 'p90'),
      ]),
      chart(
        `API 5XX share of responses (alarm above ${props.errorRatePercent}%)`,
        regions.map((region) => [API_GATEWAY_METRICS.namespace, API_GATEWAY_METRICS.serverErrors, 'ApiName', props.api.name, 'Stage', props.api.stage, { region, stat: 'Average', label: region }]),
        { period: 60, annotations: { horizontal: [{ label: 'error rate alarm', value: props.errorRatePercent / 100 }] }, yAxis: { left: { min: 0 } } },
      ),
    ],
    ...regions.map((region, i) => [
      chart(`Cost by consumer in ${region} (USD per hour)`, [search(M.costUsd, 'Sum', 3600, `\${PROP('Dim.${D.consumer}')} (\${PROP('Dim.${D.model}')})`, `c${i}`)], { region, period: 3600 }),
      chart(`Tokens by consumer in ${region} (output, per 5 minutes)`, [search(M.outputTokens, 'Sum', 300, `\${PROP('Dim.${D.consumer}')} (\${PROP('Dim.${D.model}')})`, `t${i}`)], { region }),
    ]),
    [
      {
        type: 'alarm',
        properties: {
          title: 'Alarms',
          alarms: props.alarms.map((a) => `arn:aws:cloudwatch:${a.region}:${props.accountId}:alarm:${a.name}`),
        },
      },
    ],
  ];

  // Rows stack down the 24-column grid; widgets of a row share it equally.
  const widgets: Widget[] = [];
  let y = 0;
  for (const row of rows) {
    const height = row[0]!.type === 'text' ? 2 : row[0]!.type === 'alarm' ? 2 + Math.ceil(props.alarms.length / 6) : HEIGHT;
    const width = row.length === 1 ? GRID_COLUMNS : HALF;
    row.forEach((widget, i) => widgets.push({ ...widget, x: i * width, y, width, height } as Widget));
    y += height;
  }
  return widgets;
}

/** How a per-model line names its metric in the legend (cost and counts need no word). */
const METRIC_LABELS: Readonly<Record<string, string>> = {
  [M.inputTokens]: 'input',
  [M.outputTokens]: 'output',
  [M.timeToFirstToken]: 'first token',
  [M.latency]: 'latency',
};

function metricLabel(metric: string): string {
  return METRIC_LABELS[metric] ?? '';
}
