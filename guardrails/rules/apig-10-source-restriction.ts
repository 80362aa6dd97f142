import { egressCidrProblem } from '../../aws/cidr';
import { actionMatches, unscopedResource } from '../iam-patterns';
import { isExpression, list, literalPolicy, type Statement } from '../inspect';
import { compliant, defineRule, nonCompliant, type StackView, type SynthResource } from '../rule';

/** The resource a statement must cover to deny the whole API: every stage, method and path of it. */
const wholeApi = (api: SynthResource) => [`\${aws_api_gateway_rest_api.${api.name}.execution_arn}/*`, 'execute-api:/*'];

/** The policy documents that apply to a REST API: its own `policy`, and aws_api_gateway_rest_api_policy resources naming it. */
function policiesOf(api: SynthResource, stack: StackView): { where: string; document: unknown }[] {
  const own = api.values['policy'] === undefined ? [] : [{ where: `${api.address}.policy`, document: api.values['policy'] }];
  const attached = stack
    .ofType('aws_api_gateway_rest_api_policy')
    .filter((p) => p.values['rest_api_id'] === `\${aws_api_gateway_rest_api.${api.name}.id}`)
    .map((p) => ({ where: p.address, document: p.values['policy'] }));
  return [...own, ...attached];
}

/** Why a statement is not a deny of every source outside bounded ranges; undefined when it is one. */
function notASourceDeny(statement: Statement, api: SynthResource): string | undefined {
  if (statement.Effect !== 'Deny') return 'not a Deny';
  const principal = statement.Principal;
  const everyone = principal === '*' || (principal !== null && typeof principal === 'object' && list((principal as { AWS?: string | string[] }).AWS).includes('*') && Object.keys(principal).length === 1);
  if (!everyone) return 'does not deny every principal';
  if (statement.NotAction !== undefined || statement.NotResource !== undefined || (statement as { NotPrincipal?: unknown }).NotPrincipal !== undefined) return 'uses NotAction, NotResource or NotPrincipal';
  if (!list(statement.Action).some((a) => actionMatches(a, 'execute-api:Invoke'))) return 'does not deny execute-api:Invoke';
  if (!list(statement.Resource).some((r) => wholeApi(api).includes(r) || unscopedResource(r))) return 'does not cover every method and path of the API';
  const condition = statement.Condition as Record<string, Record<string, unknown>> | undefined;
  const operators = Object.keys(condition ?? {});
  if (operators.length !== 1 || operators[0] !== 'NotIpAddress') return 'its condition is not exactly NotIpAddress on aws:SourceIp';
  const keys = Object.entries(condition!['NotIpAddress'] ?? {});
  if (keys.length !== 1 || keys[0]![0].toLowerCase() !== 'aws:sourceip') return 'its condition is not exactly NotIpAddress on aws:SourceIp';
  const ranges = list(keys[0]![1] as string | string[]);
  if (ranges.length === 0) return 'it names no source range';
  for (const range of ranges) {
    if (isExpression(range)) return `source range ${range} is an expression`;
    const problem = egressCidrProblem(range);
    if (problem) return `source range ${range} is ${problem.problem}`;
  }
  return undefined;
}

/** Project rule: a REST API admits only Kong's addresses, by an explicit deny of every other source. */
export const apigSourceRestriction = defineRule({
  id: 'AIGW-APIG-10',
  level: 'error',
  checkov: [],
  resourceTypes: ['aws_api_gateway_rest_api'],
  finding: 'A REST API does not deny callers outside Kong’s address ranges.',
  explanation:
    'The regional APIs are meant to be reached only through Kong. The resource policy that denies every source outside Kong’s egress ranges (a Deny of execute-api:Invoke on the whole API for every principal, conditioned only on NotIpAddress aws:SourceIp, each range at most an IPv4 /16 or IPv6 /48) is what makes a leaked upstream key useless from anywhere else; an explicit deny wins over any allow. Set kong.egressCidrs in the environment’s configuration. An environment without known egress ranges carries an acknowledgement on the API, written at synth, and relies on the API key alone.',
  evaluate(api, stack) {
    const policies = policiesOf(api, stack);
    if (policies.length === 0) return nonCompliant('no resource policy: any caller holding the API key reaches the models');
    if (policies.length > 1) return nonCompliant(`${policies.map((p) => p.where).join(' and ')} both set its policy; the last one applied wins`);
    const [{ where, document }] = policies as [{ where: string; document: unknown }];
    const statements = literalPolicy(document);
    if (!statements) return nonCompliant(`${where} is not literal JSON; the pack cannot tell whom it admits`);
    const reasons = statements.map((s) => notASourceDeny(s, api));
    if (reasons.every((r) => r !== undefined)) return nonCompliant(`${where} has no statement denying every source outside bounded ranges (${[...new Set(reasons)].join('; ')})`);
    return compliant;
  },
  // Only an API with no resource policy at all may be accepted (an environment whose Kong egress is
  // not known); a policy that exists but admits everyone is never accepted.
  acknowledgeable(api, stack) {
    return policiesOf(api, stack).length === 0 ? undefined : 'only an API with no resource policy may be accepted; fix the policy it has';
  },
});
