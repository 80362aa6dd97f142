/** Guardrail detections beyond the both-ways cases of rules.test.ts: the edge of each rule. */
import { blocking, evaluateStack, stackView } from '../../guardrails/engine';
import { RULES } from '../../guardrails/pack';
import { outcome, policy, routePlugin, fn } from '../support/rules';

describe('specific detections', () => {
  test.each([
    ['a literal ${ in literal JSON', '{"message":"pay ${amount}"}', 'non-compliant'],
    ['an escaped $${ in literal JSON', '{"message":"pay $${amount}"}', 'compliant'],
    ['an AWS key in literal JSON', '{"x":"AKIAABCDEFGHIJKLMNOP"}', 'non-compliant'],
    ['a literal password in a jsonencode config', '${jsonencode({"redis" = {"password" = "hunter2hunter2"}})}', 'non-compliant'],
    ['a referenced password in a jsonencode config', '${jsonencode({"redis" = {"password" = var.kong_redis_password}})}', 'compliant'],
    ['a Kong vault reference as a credential', '{"auth":{"header_value":"{vault://env/aigw-dev-llm-chat}"}}', 'compliant'],
    ['a bearer key in literal JSON', '{"auth":{"header_value":"Bearer abcdefgh12345678"}}', 'non-compliant'],
    ['a key read through remote state, wrapped in sensitive()', '${jsonencode({"add" = {"headers" = ["x-api-key:${sensitive(data.terraform_remote_state.global.outputs.upstream_api_key)}"]}})}', 'compliant'],
    ['a function call inside a jsonencode config', '${jsonencode({"add" = {"headers" = ["x:${file("/etc/passwd")}"]}})}', 'non-compliant'],
  ])('KONG-7 on %s', (_case, configJson, expected) => {
    expect(outcome('AIGW-KONG-7', { kong_plugin: { a: { name: 'cors', route_id: 'r', config_json: configJson } } })).toBe(expected);
  });

  test.each([
    ['a data source', { aws_route53_record: { r: { zone_id: '${data.aws_route53_zone.z.zone_id}' } } }, {}, 'non-compliant'],
    ['a declared data source', { aws_route53_record: { r: { zone_id: '${data.aws_route53_zone.z.zone_id}' } } }, { data: { aws_route53_zone: { z: {} } } }, 'compliant'],
    ['a variable', { aws_api_gateway_api_key: { k: { value: '${var.key}' } } }, {}, 'non-compliant'],
    ['a declared variable', { aws_api_gateway_api_key: { k: { value: '${var.key}' } } }, { variable: { key: {} } }, 'compliant'],
    ['Terraform’s own objects and a for expression', { aws_route53_record: { r: { name: '${each.value.name}', records: '${[for k, v in aws_route53_record.r: v.fqdn]}' } } }, {}, 'compliant'],
    ['a reference in an escaped sequence (a literal)', { aws_iam_role: { r: { description: 'says $${aws_iam_role.ghost.arn}' } } }, {}, 'compliant'],
  ] as const)('TF-1 on %s', (_case, resources, declarations, expected) => {
    const rule = RULES.find((r) => r.id === 'AIGW-TF-1')!;
    const view = stackView('fixture', { resource: resources, ...declarations });
    expect(rule.evaluate(view.resources[0]!, view).status).toBe(expected);
  });

  test('KONG-8 names what Kong does instead: a service tls_verify_depth of 0 is never sent', () => {
    const rule = RULES.find((r) => r.id === 'AIGW-KONG-8')!;
    const view = stackView('fixture', { resource: { kong_service: { s: { host: 'h', tls_verify: true, tls_verify_depth: 0 } } } });
    expect(rule.evaluate(view.resources[0]!, view)).toEqual({ status: 'non-compliant', detail: "tls_verify_depth = 0 is not sent; Kong uses the node's proxy_ssl_verify_depth" });
    const sent = stackView('fixture', { resource: { kong_service: { s: { host: 'h', tls_verify: false, tls_verify_depth: 3 } } } });
    expect(rule.evaluate(sent.resources[0]!, sent).status).toBe('compliant');
  });

  test('TF-1 judges data sources and outputs too', () => {
    const view = stackView('fixture', { output: { o: { value: '${aws_lambda_function.gone.arn}' } }, data: { aws_iam_policy_document: { d: { x: '${aws_s3_bucket.gone.arn}' } } } });
    const findings = evaluateStack(view).findings.filter((f) => f.rule === 'AIGW-TF-1');
    expect(findings.map((f) => f.address).sort()).toEqual(['data.aws_iam_policy_document.d', 'output.o']);
  });

  test('TF-2 names the function or directive that did not come from the project, in values and keys alike', () => {
    const rule = RULES.find((r) => r.id === 'AIGW-TF-2')!;
    const judge = (values: Record<string, unknown>) => {
      const view = stackView('fixture', { resource: { aws_lambda_function: { f: values } } });
      return rule.evaluate(view.resources[0]!, view);
    };
    expect(judge({ tags: { '${base64decode("eA==")}': 'x' } })).toEqual({ status: 'non-compliant', detail: '${base64decode("eA==")} (a key) calls base64decode()' });
    expect(judge({ description: 'a %{if true}b%{endif}' })).toEqual({ status: 'non-compliant', detail: 'description holds a template directive (%{if true})' });
    expect(judge({ role: '${jsonencode({a = sha1(tolist(toset(["x"]))[0])})}' }).status).toBe('compliant');
  });

  test.each([
    [['null'], false, 'origin null is sent back to any sandboxed page'],
    [['https://.*\\.example\\.com'], false, 'origin "https://.*\\\\.example\\\\.com" is a regular expression to Kong'],
    [['*'], true, 'origin * with credentials reflects every origin'],
  ])('KONG-12: %j (credentials %s) is refused', (origins, credentials, detail) => {
    const view = stackView('fixture', { resource: { kong_plugin: { p: routePlugin('cors', { origins, credentials }) } } });
    expect(RULES.find((r) => r.id === 'AIGW-KONG-12')!.evaluate(view.resources[0]!, view)).toEqual({ status: 'non-compliant', detail });
  });

  test('SEC-1 reads provider blocks too: default tags reach every resource', () => {
    const view = stackView('fixture', { provider: { aws: [{ region: 'eu-west-1', default_tags: [{ tags: { 'cost-center': 'sk-proj-abcdefghijklmnopqrstuvwx' } }] }] } });
    expect(evaluateStack(view).findings.map((f) => [f.rule, f.address, f.detail])).toEqual([['AIGW-SEC-1', 'provider.aws', 'cost-center looks like an OpenAI or Anthropic API key']]);
  });

  test('IAM-4: logs actions must target log groups, even when not on "*"', () => {
    const statements = policy({ Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: 'arn:aws:s3:::bucket/*' });
    expect(outcome('AIGW-IAM-4', { aws_iam_role_policy: { p: { policy: statements } } })).toBe('non-compliant');
  });

  /** An open method with an acknowledgement, answered by an integration of `integration` type. */
  const acknowledgedMethod = (acknowledged: unknown, method: Record<string, unknown> = { http_method: 'GET' }, integration = 'MOCK') =>
    stackView('s', {
      resource: {
        aws_api_gateway_method: { health: { ...method, authorization: 'NONE', resource_id: '${aws_api_gateway_resource.r.id}', '//': { guardrails: { acknowledged } } } },
        aws_api_gateway_integration: { i: { type: integration, http_method: '${aws_api_gateway_method.health.http_method}', resource_id: '${aws_api_gateway_resource.r.id}' } },
        aws_api_gateway_resource: { r: { path_part: 'health' } },
      },
    });
  const REASON = 'a MOCK that invokes nothing, for health probes';

  test('acknowledged findings are reported with their reason and do not block', () => {
    expect(evaluateStack(acknowledgedMethod([{ rule: 'AIGW-APIG-1', reason: REASON }])).findings).toEqual([
      expect.objectContaining({ rule: 'AIGW-APIG-1', address: 'aws_api_gateway_method.health', acknowledged: REASON }),
    ]);
  });

  test.each([
    ['an open method that reaches a function', [{ rule: 'AIGW-APIG-1', reason: REASON }], { http_method: 'POST' }, 'AWS_PROXY', 'only an open GET that a MOCK integration answers may be accepted'],
    ['a GET whose integration is not a MOCK', [{ rule: 'AIGW-APIG-1', reason: REASON }], { http_method: 'GET' }, 'AWS_PROXY', 'its integration is not a MOCK'],
    ['an empty reason', [{ rule: 'AIGW-APIG-1', reason: '' }], { http_method: 'GET' }, 'MOCK', 'the reason for AIGW-APIG-1 is 0 characters; write at least 30'],
    ['a rule that is never accepted', [{ rule: 'AIGW-TF-2', reason: REASON }, { rule: 'AIGW-APIG-1', reason: '' }], { http_method: 'GET' }, 'MOCK', 'AIGW-TF-2 is never accepted'],
    ['an unknown rule', [{ rule: 'AIGW-NOPE-1', reason: REASON }], { http_method: 'GET' }, 'MOCK', 'AIGW-NOPE-1 is no rule of the pack'],
    ['something that is not a list', { rule: 'AIGW-APIG-1', reason: REASON }, { http_method: 'GET' }, 'MOCK', '//.guardrails.acknowledged must be a list'],
  ])('a hand-written acknowledgement accepts nothing: %s', (_case, acknowledged, method, integration, problem) => {
    const findings = evaluateStack(acknowledgedMethod(acknowledged, method, integration)).findings;
    expect(findings.find((f) => f.rule === 'AIGW-APIG-1')).toEqual(expect.not.objectContaining({ acknowledged: expect.anything() }));
    expect(blocking(findings).map((f) => f.rule).sort()).toEqual(['AIGW-APIG-1', 'AIGW-GR-1']);
    expect(findings.find((f) => f.rule === 'AIGW-GR-1')!.detail).toContain(problem);
  });

  test('an acknowledgement of a rule that does not judge the resource accepts nothing', () => {
    const view = stackView('s', { resource: { aws_lambda_function: { f: { ...fn({}), '//': { guardrails: { acknowledged: [{ rule: 'AIGW-APIG-1', reason: REASON }] } } } } } });
    expect(evaluateStack(view).findings.map((f) => [f.rule, f.detail])).toEqual([['AIGW-GR-1', 'AIGW-APIG-1 does not judge aws_lambda_function']]);
  });
});
