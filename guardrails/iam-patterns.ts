/**
 * IAM's wildcard patterns, read as IAM reads them: in an Action or a Resource, `*` matches any run
 * of characters and `?` any one character, and action names are matched case-insensitively. So
 * `?*` is every action, `arn:*` is every resource, and `iam:Pas?Role` is iam:PassRole.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import { at, list, literalPolicy, type Statement } from './inspect';
import { compliant, nonCompliant, notApplicable, type RuleOutcome, type SynthResource } from './rule';

const WILDCARD = /[*?]/;

/** A regular expression for an IAM pattern. */
function patternRegex(pattern: string, caseInsensitive: boolean): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
}

/** Whether an Action pattern (e.g. `iam:Pass*`, `?*`) matches an action. */
export function actionMatches(pattern: string, action: string): boolean {
  return patternRegex(pattern, true).test(action);
}

/** Actions of unrelated services, for telling "every action" from "every action of one service". */
const UNRELATED_ACTIONS = ['s3:GetObject', 'iam:CreateUser', 'lambda:InvokeFunction', 'ec2:RunInstances'];

/** Whether an Action pattern matches every action of every service (`*`, `?*`, `*:*`, `??*:*`...). */
export function everyAction(pattern: string): boolean {
  const [service] = pattern.split(':');
  return UNRELATED_ACTIONS.every((a) => actionMatches(pattern, a)) && (WILDCARD.test(service ?? '') || !pattern.includes(':'));
}

/** Whether an Action pattern matches every action of a service (`iam:*`, `IAM:?*`, and every-action patterns). */
export function everyActionOf(pattern: string, service: string): boolean {
  const [patternService, name] = pattern.split(':');
  if (everyAction(pattern)) return true;
  return patternService !== undefined && name !== undefined && actionMatches(patternService, service) && /^[*?]*\*[*?]*$/.test(name);
}

/** Whether an Action pattern can match some action of a service (`iam:Get*`, `i?m:PassRole`, `*`). */
export function touchesService(pattern: string, service: string): boolean {
  const [patternService] = pattern.split(':');
  return pattern.includes(':') ? actionMatches(patternService ?? '', service) : actionMatches(pattern, `${service}:x`);
}

/** Resources of two different types of one service, in the ARN forms with and without region and account. */
const resourceProbes = (service: string, type: string) => [`arn:aws:${service}:us-east-1:111122223333:${type}`, `arn:aws:${service}:::${type}`];

/**
 * Whether a Resource pattern leaves every resource of a service (or of every service) in scope: `*`,
 * `arn:*`, `arn:aws:*:*:*:*`, `arn:aws:lambda:*:*:*`, `arn:aws:s3:::*`. It is, when it matches
 * resources of two different types of the service it names. A pattern that names a resource type or
 * a resource (`...:function:model-*`, a reference such as `${aws_x.y.arn}/*`) is scoped.
 */
export function unscopedResource(pattern: string): boolean {
  const service = pattern.split(':')[2];
  const named = service !== undefined && service !== '' && !WILDCARD.test(service) ? service : 'iam';
  const regex = patternRegex(pattern, false);
  const matchesAny = (probes: string[]) => probes.some((probe) => regex.test(probe));
  return matchesAny(resourceProbes(named, 'zzfirst/x')) && matchesAny(resourceProbes(named, 'zzsecond:y'));
}

/** The Allow statements of a document, with their Action and Resource patterns as lists. */
export function allowStatements(statements: readonly Statement[]): { actions: string[]; resources: string[]; statement: Statement }[] {
  return statements.filter((s) => s.Effect === 'Allow').map((statement) => ({ actions: list(statement.Action), resources: list(statement.Resource), statement }));
}

/** One Allow statement of a permission document, with its Action and Resource patterns as lists. */
export type AllowStatement = ReturnType<typeof allowStatements>[number];

/**
 * Judges every Allow statement of every permission document a resource carries: the first problem
 * `check` names (prefixed with the setting it is in) makes the resource non-compliant; a resource
 * without documents is not applicable. Documents that are not literal JSON are AIGW-IAM-5's finding.
 */
export function judgeAllowStatements(resource: SynthResource, check: (statement: AllowStatement) => string | undefined): RuleOutcome {
  const documents = permissionDocuments(resource);
  if (documents.length === 0) return notApplicable;
  for (const { setting, document } of documents) {
    for (const statement of allowStatements(literalPolicy(document) ?? [])) {
      const problem = check(statement);
      if (problem) return nonCompliant(`${setting}: ${problem}`);
    }
  }
  return compliant;
}

/** Where each type of IAM resource keeps its policy documents. */
export const POLICY_DOCUMENT_TYPES = ['aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'] as const;

/**
 * The permission policy documents a resource carries, each with the setting it sits in: a policy's
 * `policy`, and a role's `inline_policy` blocks (which the role-policy rules would otherwise miss).
 */
export function permissionDocuments(resource: SynthResource): { setting: string; document: unknown }[] {
  if (resource.type !== 'aws_iam_role') return resource.values['policy'] === undefined ? [] : [{ setting: 'policy', document: resource.values['policy'] }];
  const inline = at(resource.values, 'inline_policy');
  const blocks = Array.isArray(inline) ? inline : inline === undefined ? [] : [inline];
  return blocks.map((b, index) => ({ setting: `inline_policy[${index}].policy`, document: at(b, 'policy') }));
}
