/** Helpers rules share to read synthesized values: references, policy documents, secrets. */
import { secretKind } from '../core/secrets';
import { hasTemplateSequence } from './expressions';
import { nonCompliant, type RuleOutcome, type StackView, type SynthResource } from './rule';

/**
 * Whether a value is still an expression once literal interpolations are folded (a reference, a
 * function call): Terraform computes it, so a rule comparing literals cannot know it.
 */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && hasTemplateSequence(value);
}

/** The outcome for a guarded setting written as an expression: not judged compliant (fail closed). */
export function unevaluable(setting: string, value: string): RuleOutcome {
  return nonCompliant(`${setting} is an expression (${value}) this rule cannot evaluate; write it as a literal`);
}

/** Whether a value is (or contains) a Terraform expression such as `${aws_x.y.arn}`. */
export function isReference(value: unknown): boolean {
  return typeof value === 'string' && /\$\{/.test(value.replace(/\$\$\{/g, ''));
}

/** Whether a value is a Kong vault reference (`{vault://env/name}`): a secret Kong resolves itself, never a literal one. */
export function isKongVaultReference(value: unknown): boolean {
  return typeof value === 'string' && /^\{vault:\/\/[a-z][a-z0-9-]*\/[^{}\s]+\}$/.test(value);
}

/** The resource a reference like `${aws_api_gateway_stage.x.stage_name}` points to, if any. */
export function referencedAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_]+\}$/.exec(value);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/** A nested value by path. */
export function at(values: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined), values);
}

/** The first item of a block that may be written as an object or a one-item list. */
export function block(values: unknown, key: string): Record<string, unknown> | undefined {
  const raw = at(values, key);
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first !== null && typeof first === 'object' ? (first as Record<string, unknown>) : undefined;
}

/** One statement of an IAM policy document. */
export interface Statement {
  readonly Effect?: string;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly NotResource?: string | string[];
  readonly Resource?: string | string[];
  readonly Principal?: unknown;
  readonly Condition?: unknown;
}

/** A policy document written as literal JSON, or undefined when it is an expression. */
export function literalPolicy(value: unknown): Statement[] | undefined {
  if (typeof value !== 'string' || !value.trim().startsWith('{')) return undefined;
  try {
    const doc = JSON.parse(value) as { Statement?: Statement | Statement[] };
    return Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  } catch {
    return undefined;
  }
}

/** A list of whatever a policy field holds. */
export function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Names of settings whose literal value would be a secret. */
const SECRET_NAME = /(secret|passw(or)?d|token|api[_-]?key|credential|private[_-]?key|header_value|access[_-]?key)/i;

/**
 * Why a literal looks like a secret (undefined when it does not): a known secret format anywhere,
 * or a non-trivial literal under a secret-sounding name. References are never secrets here: they
 * come from variables or resources at apply time, or, for Kong vault references, from the Kong
 * nodes' own environment.
 */
export function secretLike(name: string | undefined, value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const kind = secretKind(value);
  if (kind) return `looks like ${kind}`;
  if (name !== undefined && SECRET_NAME.test(name) && !isReference(value) && !isKongVaultReference(value) && value.length >= 8 && !/^(true|false|null)$/i.test(value)) {
    return `"${name}" holds a literal value`;
  }
  return undefined;
}

/** Every (name, string value) pair in a JSON value, names being the nearest keys. */
export function stringEntries(value: unknown, name?: string): [string | undefined, string][] {
  if (typeof value === 'string') return [[name, value]];
  if (Array.isArray(value)) return value.flatMap((v) => stringEntries(v, name));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringEntries(v, k));
  return [];
}

/**
 * Every string Terraform reads as a template in a block's values: values and object keys (in
 * Terraform's JSON syntax both are templates), named by the key they sit under.
 */
export function templateEntries(value: unknown, name?: string): [string | undefined, string][] {
  if (typeof value === 'string') return [[name, value]];
  if (Array.isArray(value)) return value.flatMap((v) => templateEntries(v, name));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]): [string | undefined, string][] => [[`${k} (a key)`, k], ...templateEntries(v, k)]);
  }
  return [];
}

/** The Kong plugins that apply to a route: scoped to it, or to its service (consumer plugins aside). */
export function kongPluginsOfRoute(route: SynthResource, stack: StackView): SynthResource[] {
  const routeRef = `\${kong_route.${route.name}.id}`;
  const serviceRef = route.values['service_id'];
  return stack.ofType('kong_plugin').filter((plugin) => {
    if (plugin.values['consumer_id'] !== undefined) return false;
    if (plugin.values['route_id'] !== undefined) return plugin.values['route_id'] === routeRef;
    return plugin.values['service_id'] !== undefined && plugin.values['service_id'] === serviceRef;
  });
}

/** A Kong plugin's configuration: parsed literal JSON, or the raw `jsonencode(...)` expression. */
export function kongPluginConfig(plugin: SynthResource): Record<string, unknown> | string {
  const raw = plugin.values['config_json'];
  if (typeof raw !== 'string') return {};
  if (raw.startsWith('${')) return raw;
  try {
    return JSON.parse(raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')) as Record<string, unknown>;
  } catch {
    return raw;
  }
}
