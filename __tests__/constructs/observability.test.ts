/** The alarms of a region and the environment's dashboard, as synthesized. */
import { GatewayDashboard, type GatewayDashboardProps } from '../../constructs/gateway-dashboard';
import { RegionAlarms } from '../../constructs/region-alarms';
import { DIMENSION_SETS } from '../../lambda/budgets/metrics';
import { METRIC_NAMES } from '../../contract/budgets';
import { onlyResource, resources, synthConstructs } from '../support/synth';

describe('RegionAlarms', () => {
  const json = synthConstructs((scope) => {
    new RegionAlarms(scope, 'alarms', {
      region: 'eu-west-1',
      namespace: 'GlobalAiGateway/aigw-test',
      budgetedTiers: ['free', 'team'],
      budgetBurnPercent: 80,
      api: { name: 'aigw-test-models', stage: 'test' },
      errorRatePercent: 5,
      alarmName: (what) => `aigw-test-${what}`,
    });
  });
  const alarms = resources(json, 'aws_cloudwatch_metric_alarm');
  const named = (name: string) => alarms.find((a) => a['alarm_name'] === name)!;

  test('one budget-burn alarm per budgeted tier: the highest share of a day any consumer of the tier reached, at the threshold', () => {
    expect(named('aigw-test-budget-burn-team')).toMatchObject({
      namespace: 'GlobalAiGateway/aigw-test',
      metric_name: 'BudgetUsedPercent',
      dimensions: { Tier: 'team', Region: 'eu-west-1' },
      statistic: 'Maximum',
      period: 300,
      evaluation_periods: 1,
      threshold: 80,
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      treat_missing_data: 'notBreaching',
    });
    expect(named('aigw-test-budget-burn-free')).toMatchObject({ dimensions: { Tier: 'free', Region: 'eu-west-1' } });
  });

  test('the alarms watch metrics the host records: the Tier and Region set is one of its dimension sets', () => {
    // A metric is its name and its set of dimensions, in any order.
    const watched = Object.keys(named('aigw-test-budget-burn-team')['dimensions'] as object).sort();
    expect(DIMENSION_SETS.map((set) => [...set].sort())).toContainEqual(watched);
    expect(named('aigw-test-budget-burn-team')['metric_name']).toBe(METRIC_NAMES.budgetUsed);
  });

  test('the API error-rate alarm: the average of 5XXError (the 5xx share) above the threshold in 3 of 5 minutes', () => {
    expect(named('aigw-test-api-error-rate')).toMatchObject({
      namespace: 'AWS/ApiGateway',
      metric_name: '5XXError',
      dimensions: { ApiName: 'aigw-test-models', Stage: 'test' },
      statistic: 'Average',
      period: 60,
      evaluation_periods: 5,
      datapoints_to_alarm: 3,
      threshold: 0.05,
      comparison_operator: 'GreaterThanThreshold',
    });
    expect(alarms).toHaveLength(3);
  });
});

test('RegionAlarms with a topic: every alarm notifies it going into and out of alarm', () => {
  const json = synthConstructs((scope) => {
    new RegionAlarms(scope, 'alarms', {
      region: 'eu-west-1',
      namespace: 'GlobalAiGateway/aigw-test',
      budgetedTiers: ['team'],
      budgetBurnPercent: 80,
      api: { name: 'aigw-test-models', stage: 'test' },
      errorRatePercent: 5,
      alarmName: (what) => `aigw-test-${what}`,
      notify: 'arn:aws:sns:eu-west-1:123456789012:platform-alerts',
    });
  });
  const alarms = resources(json, 'aws_cloudwatch_metric_alarm');
  expect(alarms).toHaveLength(2);
  for (const alarm of alarms) {
    expect(alarm).toMatchObject({ alarm_actions: ['arn:aws:sns:eu-west-1:123456789012:platform-alerts'], ok_actions: ['arn:aws:sns:eu-west-1:123456789012:platform-alerts'] });
  }
});

describe('GatewayDashboard', () => {
  const props: GatewayDashboardProps = {
    name: 'aigw-test',
    title: 'aigw-test',
    namespace: 'GlobalAiGateway/aigw-test',
    regions: ['us-east-1', 'eu-west-1'],
    chatModels: ['assistant'],
    budgetedTiers: ['team'],
    tiers: ['free', 'team'],
    budgetBurnPercent: 80,
    errorRatePercent: 5,
    api: { name: 'aigw-test-models', stage: 'test' },
    alarms: [{ region: 'eu-west-1', name: 'aigw-test-api-error-rate' }],
    accountId: '123456789012',
  };
  const dashboard = onlyResource(synthConstructs((scope) => new GatewayDashboard(scope, 'dashboard', props)), 'aws_cloudwatch_dashboard');
  // The body as Terraform reads it: `$${` is the escape of a literal `${`.
  const body = JSON.parse((dashboard['dashboard_body'] as string).replace(/\$\$\{/g, '${')) as { widgets: { type: string; x: number; y: number; width: number; height: number; properties: Record<string, unknown> }[] };
  const titled = (text: string) => body.widgets.find((w) => String(w.properties['title']).startsWith(text))!;

  test('every widget sits on the 24-column grid without overlapping another', () => {
    const cells = new Set<string>();
    for (const w of body.widgets) {
      expect(w.x + w.width).toBeLessThanOrEqual(24);
      for (let x = w.x; x < w.x + w.width; x++) {
        for (let y = w.y; y < w.y + w.height; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  test('tokens and cost of each chat model in each region, each line naming its region', () => {
    const tokens = titled('Tokens by model').properties['metrics'] as unknown[][];
    expect(tokens).toContainEqual(['GlobalAiGateway/aigw-test', 'InputTokens', 'Model', 'assistant', 'Region', 'eu-west-1', { region: 'eu-west-1', stat: 'Sum', label: 'assistant input (eu-west-1)' }]);
    expect(tokens).toHaveLength(4);
    expect(titled('Cost by model').properties).toMatchObject({ period: 3600 });
  });

  test('the consumers of each region by SEARCH over the full dimension set, so consumers made outside the file show too', () => {
    expect(titled('Cost by consumer in eu-west-1').properties['metrics']).toEqual([
      [{ expression: `SEARCH('{GlobalAiGateway/aigw-test,Consumer,Model,Region,Tier} MetricName="CostUsd"', 'Sum', 3600)`, id: 'c1', label: "${PROP('Dim.Consumer')} (${PROP('Dim.Model')})" }],
    ]);
    expect(titled('Cost by consumer in eu-west-1').properties).toMatchObject({ region: 'eu-west-1' });
    expect(DIMENSION_SETS[0]).toEqual(['Model', 'Region', 'Consumer', 'Tier']);
  });

  test('budget burn is drawn against the alarm threshold, and the alarms show by ARN', () => {
    expect(titled('Budget used').properties).toMatchObject({ annotations: { horizontal: [{ value: 80 }] } });
    expect(body.widgets.find((w) => w.type === 'alarm')!.properties['alarms']).toEqual(['arn:aws:cloudwatch:eu-west-1:123456789012:alarm:aigw-test-api-error-rate']);
  });
});
