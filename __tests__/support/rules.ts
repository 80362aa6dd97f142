/** Minimal synthesized stacks for the guardrail rules' tests, and the outcome of one rule on one. */
import { stackView } from '../../guardrails/engine';
import { RULES } from '../../guardrails/pack';
import { EVERY_BLOCK } from '../../guardrails/rule';

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** The outcome of one rule on the first resource of a minimal stack. */
export function outcome(ruleId: string, resources: Resources): string {
  const rule = RULES.find((r) => r.id === ruleId)!;
  const view = stackView('fixture', { resource: resources });
  const subject = view.resources.find((r) => rule.resourceTypes.includes(r.type) || rule.resourceTypes.includes(EVERY_BLOCK))!;
  return rule.evaluate(subject, view).status;
}

export const json = (value: unknown) => JSON.stringify(value);
export const policy = (...statements: unknown[]) => json({ Version: '2012-10-17', Statement: statements });
export const stage = { stage_name: 'dev', rest_api_id: '${aws_api_gateway_rest_api.api.id}', access_log_settings: { destination_arn: '${aws_cloudwatch_log_group.access.arn}' } };
export const settings = (values: Record<string, unknown>) => ({ stage_name: '${aws_api_gateway_stage.stage.stage_name}', method_path: '*/*', settings: values });
export const route = { service_id: '${kong_service.svc.id}', paths: ['~/v1/x$'], protocols: ['https'] };
export const routePlugin = (name: string, config: unknown) => ({ name, route_id: '${kong_route.r.id}', config_json: json(config) });
export const fn = (values: Record<string, unknown>) => ({
  runtime: 'nodejs22.x',
  timeout: 10,
  reserved_concurrent_executions: 5,
  tracing_config: { mode: 'Active' },
  environment: { variables: { MODEL_HOST_CONFIG: '{"name":"m"}' } },
  ...values,
});

/** A Kong-only resource policy for API `a`: allow the ranges, deny every other source. */
export const kongOnly = (ranges: string[], deny: Record<string, unknown> = {}) =>
  policy(
    { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'execute-api:Invoke', Resource: '${aws_api_gateway_rest_api.a.execution_arn}/*', Condition: { IpAddress: { 'aws:SourceIp': ranges } } },
    { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'execute-api:Invoke', Resource: '${aws_api_gateway_rest_api.a.execution_arn}/*', Condition: { NotIpAddress: { 'aws:SourceIp': ranges } }, ...deny },
  );
export const ownApiPermission = { action: 'lambda:InvokeFunction', function_name: 'f', principal: 'apigateway.amazonaws.com', source_arn: '${aws_api_gateway_rest_api.a.execution_arn}/dev/POST/v1/m' };

/** For every rule: a minimal compliant and a minimal non-compliant stack. */
