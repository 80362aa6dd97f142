import { SERVICE_PRINCIPALS } from '../../aws/facts';
import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant, type SynthResource, type StackView } from '../rule';

/** The invoke action API Gateway needs (lambda:InvokeFunctionUrl would open a function URL). */
const INVOKE = 'lambda:InvokeFunction';
/** `${aws_api_gateway_rest_api.<name>.execution_arn}/...`: a REST API of this stack, by reference. */
const OWN_REST_API = /^\$\{aws_api_gateway_rest_api\.([A-Za-z0-9_-]+)\.execution_arn\}\/[^$%]+$/;
/** Settings that widen who may invoke beyond the principal and source ARN. */
const WIDENING = ['principal_org_id', 'event_source_token', 'function_url_auth_type'];

/** Why a permission does more than let one of the stack's REST APIs invoke a function; undefined when it does not. */
function widerThanOwnApi(permission: SynthResource, stack: StackView): string | undefined {
  const { principal, action, source_arn: sourceArn, source_account: sourceAccount } = permission.values;
  if (principal !== SERVICE_PRINCIPALS.apiGateway) return `principal ${JSON.stringify(principal)}; only ${SERVICE_PRINCIPALS.apiGateway} calls a model function`;
  if (action !== INVOKE) return `action ${JSON.stringify(action)}; API Gateway needs ${INVOKE} only`;
  const widening = WIDENING.find((setting) => permission.values[setting] !== undefined);
  if (widening) return `${widening} is set`;
  if (sourceAccount !== undefined) return `source_account ${JSON.stringify(sourceAccount)}: the source ARN names the API, and its account, already`;
  const api = typeof sourceArn === 'string' ? OWN_REST_API.exec(sourceArn) : null;
  if (!api || !stack.declares(`aws_api_gateway_rest_api.${api[1]}`)) {
    return `source_arn ${JSON.stringify(sourceArn)} is not the execution ARN of a REST API of this stack (another account's or another API's calls would be let in)`;
  }
  return undefined;
}

/** Project rule: the only caller of a model function is a REST API of its own stack. */
export const lambdaPermissionCaller = defineRule({
  id: 'AIGW-LMBD-8',
  level: 'error',
  checkov: [],
  resourceTypes: ['aws_lambda_permission'],
  finding: 'A Lambda permission lets something other than this stack’s REST API invoke a function.',
  explanation:
    'Model functions are reached through one path: Kong, then the regional REST API, whose resource policy and API key keep everyone else out. A permission for another principal (an account, another service, a function URL) or with a source ARN that is not this stack’s REST API (a literal ARN of another account’s API, another API) opens a second door that bypasses both. Grant apigateway.amazonaws.com lambda:InvokeFunction with source_arn = "${aws_api_gateway_rest_api.<api>.execution_arn}/<stage>/<method>/<path>".',
  evaluate(permission, stack) {
    for (const key of ['principal', 'action', 'source_arn', 'source_account']) {
      const value = permission.values[key];
      if (isExpression(value) && !(key === 'source_arn' && OWN_REST_API.test(value))) return unevaluable(key, value);
    }
    const wider = widerThanOwnApi(permission, stack);
    return wider ? nonCompliant(wider) : compliant;
  },
});
