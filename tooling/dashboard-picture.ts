/** The README's dashboard picture: which file it is, and how it is drawn from synthesized stacks. */
import * as path from 'path';
import { PROJECT_ROOT } from '../core/project';
import { renderDashboardSvg } from './dashboard-svg';

/** Where the picture of an environment's dashboard is kept. */
export function dashboardPicturePath(environment: string): string {
  return path.join(PROJECT_ROOT, 'docs', `dashboard-${environment}.svg`);
}

/** The picture of the one dashboard among synthesized stacks (their cdk.tf.json, parsed). */
export function renderEnvironmentDashboard(stacks: readonly object[], environment: string): string {
  const dashboards = stacks.flatMap((stack) =>
    Object.values((stack as { resource?: { aws_cloudwatch_dashboard?: Record<string, { dashboard_name: string; dashboard_body: string }> } }).resource?.aws_cloudwatch_dashboard ?? {}),
  );
  if (dashboards.length !== 1) throw new Error(`expected one CloudWatch dashboard in the ${environment} stacks, found ${dashboards.length}`);
  const { dashboard_name: name, dashboard_body: body } = dashboards[0]!;
  // In Terraform's JSON syntax a string is a template, where `$${` stands for a literal `${`
  // (https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences).
  return renderDashboardSvg(body.replace(/\$\$\{/g, '${'), `CloudWatch dashboard ${name}, drawn from its synthesized definition (layout and series; no data)`);
}
