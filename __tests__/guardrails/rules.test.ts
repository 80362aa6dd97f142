import { RULES } from '../../guardrails/pack';
import { outcome, policy, stage, settings, route, routePlugin, fn, kongOnly, ownApiPermission, type Resources } from '../support/rules';

const CASES: Record<string, { compliant?: Resources; nonCompliant: Resources; notApplicable?: Resources }> = {
  'AIGW-APIG-1': {
    compliant: { aws_api_gateway_method: { m: { http_method: 'POST', authorization: 'NONE', api_key_required: true } } },
    nonCompliant: { aws_api_gateway_method: { m: { http_method: 'POST', authorization: 'NONE' } } },
    notApplicable: { aws_api_gateway_method: { m: { http_method: 'OPTIONS', authorization: 'NONE' } } },
  },
  'AIGW-APIG-2': {
    compliant: { aws_api_gateway_stage: { stage } },
    nonCompliant: { aws_api_gateway_stage: { stage: { stage_name: 'dev' } } },
  },
  'AIGW-APIG-3': {
    compliant: { aws_api_gateway_stage: { stage }, aws_api_gateway_method_settings: { s: settings({ logging_level: 'ERROR', metrics_enabled: true }) } },
    nonCompliant: { aws_api_gateway_stage: { stage }, aws_api_gateway_method_settings: { s: settings({ logging_level: 'OFF', metrics_enabled: true }) } },
  },
  'AIGW-APIG-4': {
    compliant: { aws_api_gateway_deployment: { d: { lifecycle: { create_before_destroy: true } } } },
    nonCompliant: { aws_api_gateway_deployment: { d: {} } },
  },
  'AIGW-APIG-5': {
    compliant: { aws_api_gateway_rest_api: { a: { lifecycle: { create_before_destroy: true } } } },
    nonCompliant: { aws_api_gateway_rest_api: { a: { lifecycle: { create_before_destroy: false } } } },
  },
  'AIGW-APIG-6': {
    compliant: { aws_api_gateway_domain_name: { d: { security_policy: 'TLS_1_2' } } },
    nonCompliant: { aws_api_gateway_domain_name: { d: { security_policy: 'TLS_1_0' } } },
  },
  'AIGW-APIG-7': {
    compliant: { aws_api_gateway_method_settings: { s: settings({ data_trace_enabled: false }) } },
    nonCompliant: { aws_api_gateway_method_settings: { s: settings({ data_trace_enabled: true }) } },
  },
  'AIGW-APIG-8': {
    compliant: { aws_api_gateway_method_settings: { s: settings({ caching_enabled: true, cache_data_encrypted: true }) } },
    nonCompliant: { aws_api_gateway_method_settings: { s: settings({ caching_enabled: true }) } },
    notApplicable: { aws_api_gateway_method_settings: { s: settings({ caching_enabled: false }) } },
  },
  'AIGW-APIG-9': {
    compliant: { aws_api_gateway_rest_api: { a: { disable_execute_api_endpoint: true } } },
    nonCompliant: { aws_api_gateway_rest_api: { a: {} } },
  },
  'AIGW-LMBD-1': {
    compliant: { aws_lambda_function: { f: fn({}) } },
    nonCompliant: { aws_lambda_function: { f: fn({ runtime: 'nodejs20.x' }) } },
  },
  'AIGW-LMBD-2': {
    compliant: { aws_lambda_function: { f: fn({ environment: { variables: { API_TOKEN: '${var.token}', MODE: 'fast' } } }) } },
    nonCompliant: { aws_lambda_function: { f: fn({ environment: { variables: { UPSTREAM: 'sk-proj-0123456789abcdefghijklmn' } } }) } },
    notApplicable: { aws_lambda_function: { f: fn({ environment: undefined }) } },
  },
  'AIGW-LMBD-3': {
    compliant: { aws_lambda_function: { f: fn({}) } },
    nonCompliant: { aws_lambda_function: { f: fn({ tracing_config: undefined }) } },
  },
  'AIGW-LMBD-4': {
    compliant: { aws_lambda_function: { f: fn({}) } },
    nonCompliant: { aws_lambda_function: { f: fn({ reserved_concurrent_executions: -1 }) } },
  },
  'AIGW-LMBD-5': {
    compliant: { aws_lambda_function: { f: fn({ timeout: 29 }) } },
    nonCompliant: { aws_lambda_function: { f: fn({ timeout: 60 }) } },
  },
  'AIGW-LMBD-6': {
    compliant: { aws_lambda_permission: { p: { principal: 'apigateway.amazonaws.com', source_arn: 'arn' } } },
    nonCompliant: { aws_lambda_permission: { p: { principal: '*' } } },
  },
  'AIGW-LMBD-7': {
    compliant: { aws_lambda_permission: { p: { principal: 'apigateway.amazonaws.com', source_arn: '${aws_api_gateway_rest_api.a.execution_arn}/dev/POST/v1/m' } } },
    nonCompliant: { aws_lambda_permission: { p: { principal: 'apigateway.amazonaws.com' } } },
    notApplicable: { aws_lambda_permission: { p: { principal: '123456789012' } } },
  },
  'AIGW-LOGS-1': {
    compliant: { aws_cloudwatch_log_group: { g: { retention_in_days: 14 } } },
    nonCompliant: { aws_cloudwatch_log_group: { g: {} } },
  },
  'AIGW-DDB-1': {
    compliant: { aws_dynamodb_table: { t: { server_side_encryption: { enabled: true } } } },
    nonCompliant: { aws_dynamodb_table: { t: { server_side_encryption: { enabled: false } } } },
  },
  'AIGW-DDB-2': {
    compliant: { aws_dynamodb_table: { t: { point_in_time_recovery: { enabled: true } } } },
    nonCompliant: { aws_dynamodb_table: { t: {} } },
  },
  'AIGW-DDB-3': {
    compliant: { aws_iam_role_policy: { p: { policy: policy({ Effect: 'Allow', Action: ['dynamodb:UpdateItem'], Resource: '${aws_dynamodb_table.t.arn}' }) } } },
    nonCompliant: { aws_iam_role_policy: { p: { policy: policy({ Effect: 'Allow', Action: ['dynamodb:UpdateItem'], Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/other' }) } } },
  },
  'AIGW-IAM-1': {
    compliant: { aws_iam_role: { r: { assume_role_policy: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) } } },
    nonCompliant: { aws_iam_role: { r: { assume_role_policy: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }) } } },
  },
  'AIGW-IAM-2': {
    compliant: { aws_iam_role_policy: { p: { policy: policy({ Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: 'arn:aws:logs:us-east-1:1:log-group:x:*' }) } } },
    nonCompliant: { aws_iam_role_policy: { p: { policy: policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }) } } },
  },
  'AIGW-IAM-3': {
    compliant: { aws_iam_role_policy_attachment: { a: { policy_arn: 'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs' } } },
    nonCompliant: { aws_iam_role_policy_attachment: { a: { policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' } } },
  },
  'AIGW-IAM-4': {
    compliant: {
      aws_iam_role_policy: {
        p: {
          policy: policy(
            { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '${aws_cloudwatch_log_group.g.arn}:*' },
            { Effect: 'Allow', Action: ['xray:PutTraceSegments'], Resource: '*' },
          ),
        },
      },
    },
    nonCompliant: { aws_iam_role_policy: { p: { policy: policy({ Effect: 'Allow', Action: ['lambda:UpdateFunctionCode'], Resource: '*' }) } } },
  },
  'AIGW-IAM-5': {
    compliant: { aws_iam_role_policy: { p: { policy: policy({ Effect: 'Allow', Action: 'xray:PutTraceSegments', Resource: '*' }) } } },
    nonCompliant: { aws_iam_role_policy: { p: { policy: '${data.aws_iam_policy_document.d.json}' } } },
  },
  'AIGW-ACM-1': {
    compliant: { aws_acm_certificate: { c: { lifecycle: { create_before_destroy: true } } } },
    nonCompliant: { aws_acm_certificate: { c: {} } },
  },
  'AIGW-ACM-2': {
    compliant: { aws_acm_certificate: { c: { options: { certificate_transparency_logging_preference: 'ENABLED' } } } },
    nonCompliant: { aws_acm_certificate: { c: { options: { certificate_transparency_logging_preference: 'DISABLED' } } } },
  },
  'AIGW-R53-1': {
    compliant: { aws_route53_record: { r: { type: 'A', alias: { name: '${aws_api_gateway_domain_name.d.cloudfront_domain_name}', evaluate_target_health: false } } } },
    nonCompliant: { aws_route53_record: { r: { type: 'A', records: ['203.0.113.10'] } } },
    notApplicable: { aws_route53_record: { r: { type: 'CNAME', records: ['x.example.com'] } } },
  },
  'AIGW-KONG-1': {
    compliant: { kong_route: { r: route }, kong_plugin: { a: routePlugin('key-auth', { hide_credentials: true }) } },
    nonCompliant: { kong_route: { r: route }, kong_plugin: { a: routePlugin('acl', { allow: ['x'] }) } },
  },
  'AIGW-KONG-2': {
    compliant: { kong_route: { r: route }, kong_plugin: { a: routePlugin('acl', { allow: ['nlp'] }) } },
    nonCompliant: { kong_route: { r: route }, kong_plugin: { a: routePlugin('acl', { allow: [] }) } },
  },
  'AIGW-KONG-3': {
    compliant: { kong_route: { r: route }, kong_plugin: { a: { name: 'rate-limiting', service_id: '${kong_service.svc.id}', config_json: '{"minute":1}' } } },
    nonCompliant: { kong_route: { r: route }, kong_plugin: { a: { ...routePlugin('rate-limiting', { minute: 1 }), enabled: false } } },
  },
  'AIGW-KONG-4': {
    compliant: { kong_route: { r: route }, kong_plugin: { a: routePlugin('request-size-limiting', { allowed_payload_size: 1 }) } },
    nonCompliant: { kong_route: { r: route }, kong_plugin: { a: { name: 'request-size-limiting', route_id: '${kong_route.other.id}', config_json: '{}' } } },
  },
  'AIGW-KONG-5': {
    compliant: { kong_plugin: { a: routePlugin('basic-auth', { hide_credentials: true }) } },
    nonCompliant: { kong_plugin: { a: routePlugin('key-auth', { key_names: ['apikey'] }) } },
    notApplicable: { kong_plugin: { a: routePlugin('acl', { allow: ['x'] }) } },
  },
  'AIGW-KONG-6': {
    compliant: { kong_plugin: { a: { name: 'request-transformer', service_id: 's', config_json: '${jsonencode({"remove" = {"headers" = ["x-api-key"]}, "add" = {"headers" = ["x-api-key:${var.k}"]}})}' } } },
    nonCompliant: { kong_plugin: { a: { name: 'request-transformer', service_id: 's', config_json: '${jsonencode({"add" = {"headers" = ["x-api-key:${var.k}"]}})}' } } },
    notApplicable: { kong_plugin: { a: { name: 'request-transformer', service_id: 's', config_json: '{"add":{"headers":["x-other:1"]}}' } } },
  },
  'AIGW-KONG-7': {
    compliant: { kong_plugin: { a: routePlugin('cors', { origins: ['https://a.example.com'], note: 'costs $${x} and %%{y}' }) } },
    nonCompliant: { kong_plugin: { a: { name: 'ai-proxy', route_id: 'r', config_json: '{"auth":{"header_value":"Bearer sk-abcdefghijklmnopqrstuvwxyz0123"}}' } } },
  },
  'AIGW-KONG-8': {
    compliant: { kong_target: { t: { upstream_id: '${kong_upstream.u.id}', target: 'a.example.com:443', weight: 50 } } },
    nonCompliant: { kong_target: { t: { upstream_id: '${kong_upstream.u.id}', target: 'a.example.com:443', weight: 0 } } },
  },
  'AIGW-TF-1': {
    compliant: { aws_lambda_function: { f: { role: '${aws_iam_role.r.arn}', filename: 'x.zip' } }, aws_iam_role: { r: { name: 'r' } } },
    // A value of another stack's resource, handed over as a token: nothing in this stack declares it.
    nonCompliant: { aws_lambda_function: { f: { role: '${aws_iam_role.in-another-stack.arn}' } }, aws_iam_role: { r: { name: 'r' } } },
  },
  'AIGW-GR-1': {
    compliant: {
      aws_api_gateway_method: { m: { http_method: 'GET', authorization: 'NONE', '//': { guardrails: { acknowledged: [{ rule: 'AIGW-APIG-1', reason: 'health probes answered by a MOCK that invokes nothing' }] } } } },
      aws_api_gateway_integration: { i: { type: 'MOCK', http_method: '${aws_api_gateway_method.m.http_method}' } },
    },
    nonCompliant: { aws_api_gateway_method: { m: { http_method: 'GET', '//': { guardrails: { acknowledged: [{ rule: 'AIGW-APIG-1', reason: 'ok' }] } } } } },
    notApplicable: { aws_api_gateway_method: { m: { http_method: 'GET', api_key_required: true } } },
  },
  'AIGW-KONG-9': {
    compliant: { kong_route: { r: { ...route } } },
    nonCompliant: { kong_route: { r: { ...route, protocols: ['http', 'https'] } } },
  },
  'AIGW-KONG-10': {
    compliant: { kong_service: { s: { host: 'h', protocol: 'https', tls_verify: true } } },
    nonCompliant: { kong_service: { s: { host: 'h', protocol: 'https', tls_verify: false } } },
  },
  'AIGW-KONG-11': {
    compliant: { kong_plugin: { p: routePlugin('rate-limiting', { policy: 'redis', redis: { host: 'r', ssl: true, ssl_verify: true } }) } },
    nonCompliant: { kong_plugin: { p: routePlugin('rate-limiting', { policy: 'redis', redis: { host: 'r', ssl: false, ssl_verify: false } }) } },
    notApplicable: { kong_plugin: { p: routePlugin('rate-limiting', { policy: 'local' }) } },
  },
  'AIGW-KONG-12': {
    compliant: { kong_plugin: { p: routePlugin('cors', { origins: ['https://app.example.com', 'http://localhost:3000'], credentials: true }) } },
    nonCompliant: { kong_plugin: { p: routePlugin('cors', { origins: ['.*'], credentials: true }) } },
    notApplicable: { kong_plugin: { p: routePlugin('acl', { allow: ['x'] }) } },
  },
  'AIGW-KONG-13': {
    compliant: { kong_plugin: { p: routePlugin('ai-prompt-guard', { deny_patterns: ['(?i)ignore (all )?previous instructions'], allow_all_conversation_history: false, match_all_roles: true }) } },
    nonCompliant: { kong_plugin: { p: routePlugin('ai-prompt-guard', { deny_patterns: ['(?i)ignore (all )?previous instructions'], allow_all_conversation_history: false }) } },
    notApplicable: { kong_plugin: { p: routePlugin('acl', { allow: ['x'] }) } },
  },
  'AIGW-SEC-1': {
    compliant: { aws_lambda_function: { f: { description: 'sk-short', environment: { variables: { KEY: '${var.key}' } } } } },
    nonCompliant: { aws_lambda_function: { f: { tags: { owner: 'AKIAIOSFODNN7EXAMPLE' } } } },
  },
  'AIGW-APIG-10': {
    compliant: { aws_api_gateway_rest_api: { a: {} }, aws_api_gateway_rest_api_policy: { p: { rest_api_id: '${aws_api_gateway_rest_api.a.id}', policy: kongOnly(['198.51.100.10/32']) } } },
    nonCompliant: { aws_api_gateway_rest_api: { a: {} } },
  },
  'AIGW-APIG-11': {
    compliant: {
      aws_api_gateway_integration: {
        i: { type: 'AWS_PROXY', response_transfer_mode: 'STREAM', uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2021-11-15/functions/${aws_lambda_function.f.arn}/response-streaming-invocations' },
      },
    },
    // STREAM with the buffered invocations URI: API Gateway does not support it.
    nonCompliant: { aws_api_gateway_integration: { i: { type: 'AWS_PROXY', response_transfer_mode: 'STREAM', uri: '${aws_lambda_function.f.invoke_arn}' } } },
    notApplicable: { aws_api_gateway_integration: { i: { type: 'MOCK' } } },
  },
  'AIGW-IAM-6': {
    compliant: { aws_iam_role_policy: { p: { policy: policy({ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0' }) } } },
    nonCompliant: { aws_iam_role_policy: { p: { policy: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/*' }) } } },
    notApplicable: { aws_iam_role: { r: { assume_role_policy: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) } } },
  },
  'AIGW-LMBD-8': {
    compliant: { aws_lambda_permission: { p: ownApiPermission }, aws_api_gateway_rest_api: { a: {} } },
    nonCompliant: { aws_lambda_permission: { p: { ...ownApiPermission, source_arn: 'arn:aws:execute-api:us-east-1:999988887777:abcdef1234/*' } }, aws_api_gateway_rest_api: { a: {} } },
  },
  // Every resource this rule applies to is a second door: its passing side is "not applicable".
  'AIGW-LMBD-9': {
    nonCompliant: { aws_lambda_function_url: { u: { function_name: '${aws_lambda_function.f.function_name}', authorization_type: 'NONE' } } },
    notApplicable: { aws_lb_target_group: { t: { target_type: 'ip' } } },
  },
  'AIGW-TF-2': {
    compliant: { aws_lambda_function: { f: { description: 'stop at $${file("x")} and %%{if}', role: '${sensitive(aws_iam_role.r.arn)}' } } },
    // A stop sequence that reached Terraform unescaped.
    nonCompliant: { aws_lambda_function: { f: { environment: { variables: { MODEL_HOST_CONFIG: '{"stop":["${file("/etc/passwd")}"]}' } } } } },
  },
};

describe('AIGW-LMBD-5: a function past 29 s only behind streamed integrations that wait as long', () => {
  const streamed = (values: Record<string, unknown>) => ({
    type: 'AWS_PROXY',
    uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2021-11-15/functions/${aws_lambda_function.f.arn}/response-streaming-invocations',
    response_transfer_mode: 'STREAM',
    timeout_milliseconds: 120_000,
    ...values,
  });
  test.each([
    ['a STREAM integration waiting as long', 'compliant', { i: streamed({}) }],
    ['a buffered integration', 'non-compliant', { i: streamed({ response_transfer_mode: 'BUFFERED', uri: '${aws_lambda_function.f.invoke_arn}' }) }],
    ['a STREAM integration that gives up sooner', 'non-compliant', { i: streamed({ timeout_milliseconds: 60_000 }) }],
    ['one streamed and one buffered integration', 'non-compliant', { i: streamed({}), j: streamed({ response_transfer_mode: undefined }) }],
    ['no integration at all', 'non-compliant', {}],
  ])('120 s with %s: %s', (_case, expected, integrations) => {
    expect(outcome('AIGW-LMBD-5', { aws_lambda_function: { f: fn({ timeout: 120 }) }, aws_api_gateway_integration: integrations })).toBe(expected);
  });

  test('more than the 300 s the pinned provider accepts for STREAM is refused whatever the integration', () => {
    expect(outcome('AIGW-LMBD-5', { aws_lambda_function: { f: fn({ timeout: 301 }) }, aws_api_gateway_integration: { i: streamed({ timeout_milliseconds: 301_000 }) } })).toBe('non-compliant');
  });
});

describe('AIGW-APIG-11: transfer mode and URI agree', () => {
  test('the buffered default with the streaming URI answers without a body: refused', () => {
    const uri = 'arn:aws:apigateway:eu-west-1:lambda:path/2021-11-15/functions/${aws_lambda_function.f.arn}/response-streaming-invocations';
    expect(outcome('AIGW-APIG-11', { aws_api_gateway_integration: { i: { type: 'AWS_PROXY', uri } } })).toBe('non-compliant');
    expect(outcome('AIGW-APIG-11', { aws_api_gateway_integration: { i: { type: 'AWS_PROXY', uri: '${aws_lambda_function.f.invoke_arn}' } } })).toBe('compliant');
  });
});

describe('AIGW-DDB-2 and AIGW-DDB-3: the budget table and its one grant', () => {
  const ddb2 = RULES.find((r) => r.id === 'AIGW-DDB-2')!;
  const table = (values: Record<string, unknown>) => ({ type: 'aws_dynamodb_table', name: 't', values }) as never;
  test('going without recovery may be acknowledged only for a table whose items expire', () => {
    expect(ddb2.acknowledgeable!(table({ ttl: { attribute_name: 'expiresAt', enabled: true } }), {} as never)).toBeUndefined();
    expect(ddb2.acknowledgeable!(table({}), {} as never)).toMatch(/only a table whose items expire/);
  });
  test('an action beyond items, such as DeleteTable or Scan, is refused even on a table of the stack', () => {
    for (const action of ['dynamodb:DeleteTable', 'dynamodb:Scan', 'dynamodb:*']) {
      expect(outcome('AIGW-DDB-3', { aws_iam_role_policy: { p: { policy: policy({ Effect: 'Allow', Action: [action], Resource: '${aws_dynamodb_table.t.arn}' }) } } })).toBe('non-compliant');
    }
  });
});

describe('every guardrail, in both directions', () => {
  test('every rule of the pack has cases here, and every rule id is unique', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  test('every rule explains itself: a one-line finding and a paragraph', () => {
    for (const rule of RULES) {
      expect(rule.finding).toMatch(/^[A-Z].+\.$/);
      expect(rule.finding).not.toContain('\n');
      expect(rule.explanation.length).toBeGreaterThan(120);
    }
  });

  describe.each(Object.entries(CASES))('%s', (ruleId, cases) => {
    if (cases.compliant) test('compliant', () => expect(outcome(ruleId, cases.compliant!)).toBe('compliant'));
    else test('has a passing side: not applicable', () => expect(outcome(ruleId, cases.notApplicable!)).toBe('not-applicable'));
    test('non-compliant', () => expect(outcome(ruleId, cases.nonCompliant)).toBe('non-compliant'));
    if (cases.notApplicable) test('not applicable', () => expect(outcome(ruleId, cases.notApplicable!)).toBe('not-applicable'));
  });
});
