/**
 * Stand-ins for a synthesized stack's provider blocks, so the real terraform binary can plan it
 * offline (the scheme in full: __tests__/support/terraform-plan.ts).
 */
import { BUILT_IN_ROOTS, expressionContents } from '../../guardrails/expressions';
import type { TerraformJson } from './synth';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Block = Record<string, Json>;

/** Meta-arguments, which the stand-in keeps beside `input` rather than in it. */
const META_ARGUMENTS = new Set(['for_each', 'count', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection', '//']);

/** An unknown string at plan time: the id of a terraform_data being created. */
const UNKNOWN = 'terraform_data.standin_unknown.id';

/**
 * How computed attributes (ids, ARNs) plan: `unknown`, as for resources being created, or `known`,
 * a fixed placeholder per attribute, as for resources that exist and do not change.
 */
export type ComputedValues = 'unknown' | 'known';

/** A read of the whole object (`aws_x.y`, not `aws_x.y.attr`). */
const WHOLE = '*';

/** The stand-in's name for a resource (`aws_x.y`) or data source (`data.aws_x.y`) address. */
export function standInName(address: string): string {
  return address.replace(/^data\./, 'data__').replace('.', '__');
}

/**
 * Attributes a provider plans for a resource being created. hashicorp/aws plans ACM's
 * `domain_validation_options` with each domain name known and the record fields unknown.
 */
const PLANNED_ATTRIBUTES: Record<string, Record<string, (block: Block) => string>> = {
  aws_acm_certificate: {
    domain_validation_options: (block) => {
      const names = [jsonToHcl(block['domain_name'] ?? null), ...asList(block['subject_alternative_names']).map(jsonToHcl)];
      return `toset([for d in [${names.join(', ')}] : { domain_name = d, resource_record_name = ${UNKNOWN}, resource_record_type = ${UNKNOWN}, resource_record_value = ${UNKNOWN} }])`;
    },
  },
};

function asList(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** A JSON value written as an HCL expression (strings stay templates). */
function jsonToHcl(value: Json): string {
  if (typeof value === 'string') {
    const whole = /^\$\{([\s\S]*)\}$/.exec(value);
    if (whole && expressionContents(value).expressions.length === 1 && expressionContents(value).expressions[0] === whole[1]) return `(${whole[1]})`;
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(jsonToHcl).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)} = ${jsonToHcl(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

/** Rewrites every reference to a resource or data source in a string to its stand-in local. */
function rewriteString(text: string): string {
  const references = expressionContents(text).references.filter((r) => !BUILT_IN_ROOTS.has(r.address) && !/^(var|local|module)\./.test(r.address));
  let out = text;
  for (const reference of [...references].sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, reference.start)}local.standin_${standInName(reference.address)}${out.slice(reference.start + reference.address.length)}`;
  }
  return out;
}

function rewrite(value: Json): Json {
  if (typeof value === 'string') return rewriteString(value);
  if (Array.isArray(value)) return value.map(rewrite);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
  return value;
}

/** `depends_on` and `replace_triggered_by` name managed blocks: the stand-in resources. */
function rewriteDependency(entry: Json): Json {
  if (typeof entry !== 'string') return entry;
  const bare = entry.replace(/^\$\{(.*)\}$/, '$1');
  const match = /^(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)(.*)$/.exec(bare);
  if (!match) return entry;
  return `terraform_data.${standInName(`${match[1] ?? ''}${match[2]}.${match[3]}`)}${match[4]}`;
}

/** Every attribute (first segment after the address) read of each resource and data source. */
function readAttributes(document: Block): Map<string, Map<string, Set<string>>> {
  const reads = new Map<string, Map<string, Set<string>>>();
  const visit = (value: Json) => {
    if (typeof value === 'string') {
      // `for k, v in aws_x.y : v.attr` reads attr of each instance of a for_each resource.
      for (const loop of value.matchAll(/for\s+\w+\s*,\s*(\w+)\s+in\s+([a-z0-9_]+\.[A-Za-z0-9_-]+)\s*:/g)) {
        const attributes = reads.get(loop[2]!) ?? new Map<string, Set<string>>();
        for (const use of value.matchAll(new RegExp(`\\b${loop[1]}\\.([A-Za-z0-9_]+)`, 'g'))) attributes.set(use[1]!, attributes.get(use[1]!) ?? new Set());
        reads.set(loop[2]!, attributes);
      }
      for (const { address, traversal } of expressionContents(value).references) {
        if (BUILT_IN_ROOTS.has(address) || /^(var|local|module)\./.test(address)) continue;
        const rest = traversal.slice(address.length + 1).split('.').filter(Boolean);
        const attributes = reads.get(address) ?? new Map<string, Set<string>>();
        if (rest.length === 0) attributes.set(WHOLE, new Set());
        if (rest[0]) {
          const sub = attributes.get(rest[0]) ?? new Set<string>();
          if (rest[1]) sub.add(rest[1]);
          attributes.set(rest[0], sub);
        }
        reads.set(address, attributes);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(document as Json);
  return reads;
}

/** The value other blocks read from a stand-in: configured arguments known, the rest unknown (or placeholders). */
function attributeView(address: string, type: string, block: Block, attributes: Map<string, Set<string>>, computed: ComputedValues): string {
  const computedValue = (attribute: string) => (computed === 'known' ? JSON.stringify(`standin:${address}.${attribute}`) : UNKNOWN);
  // Configured arguments of an instance of a for_each or count resource may read each or count:
  // not in a local; its instances show only their computed attributes.
  const repeated = block['for_each'] !== undefined || block['count'] !== undefined;
  const whole = attributes.has(WHOLE) && !repeated;
  const configured = whole ? Object.keys(block).filter((k) => !META_ARGUMENTS.has(k)) : [];
  const names = [...new Set([...configured, ...[...attributes.keys()].filter((a) => a !== WHOLE)])];
  const fields = names.map((attribute) => [attribute, attributes.get(attribute) ?? new Set<string>()] as const).map(([attribute, subs]) => {
    const planned = PLANNED_ATTRIBUTES[type]?.[attribute];
    if (planned) return `${attribute} = ${planned(rewrite(block as Json) as Block)}`;
    if (type === 'terraform_remote_state' && attribute === 'outputs') {
      return `outputs = {${[...subs].map((output) => `${output} = ${computedValue(`outputs.${output}`)}`).join(', ')}}`;
    }
    if (!repeated && attribute in block && !META_ARGUMENTS.has(attribute)) return `${attribute} = ${jsonToHcl(rewrite(block[attribute]!))}`;
    return `${attribute} = ${computedValue(attribute)}`;
  });
  const instance = `{${fields.join(', ')}}`;
  if (block['for_each'] !== undefined) return `\${{ for k, v in ${jsonToHcl(rewrite(block['for_each']))} : k => ${instance} }}`;
  if (block['count'] !== undefined) return `\${[ for i in range(${jsonToHcl(rewrite(block['count']))}) : ${instance} ]}`;
  return `\${${instance}}`;
}

/**
 * Arguments whose change makes the provider replace the resource (ForceNew in its schema). A
 * stand-in replaces itself when they change (`triggers_replace`), as the real resource would;
 * other changes update it in place. hashicorp/terraform-provider-aws v6.25.0,
 * internal/service/acm resourceCertificate schema (lonegunmanb/terraform-provider-aws-index add8b630).
 */
const FORCE_NEW: Record<string, readonly string[]> = {
  aws_acm_certificate: ['certificate_authority_arn', 'domain_name', 'key_algorithm', 'subject_alternative_names', 'validation_method', 'validation_option'],
};

function standInBlock(type: string, block: Block): Block {
  const standIn: Block = { input: rewrite(Object.fromEntries(Object.entries(block).filter(([k]) => !META_ARGUMENTS.has(k))) as Json) };
  const forceNew = (FORCE_NEW[type] ?? []).filter((argument) => block[argument] !== undefined);
  if (forceNew.length) standIn['triggers_replace'] = rewrite(Object.fromEntries(forceNew.map((argument) => [argument, block[argument]!])) as Json);
  if (block['for_each'] !== undefined) standIn['for_each'] = rewrite(block['for_each']);
  if (block['count'] !== undefined) standIn['count'] = rewrite(block['count']);
  if (block['depends_on'] !== undefined) standIn['depends_on'] = asList(block['depends_on']).map(rewriteDependency);
  const lifecycle = block['lifecycle'] as Block | undefined;
  if (lifecycle) {
    const kept: Block = {};
    if (lifecycle['create_before_destroy'] !== undefined) kept['create_before_destroy'] = lifecycle['create_before_destroy'];
    if (lifecycle['prevent_destroy'] !== undefined) kept['prevent_destroy'] = lifecycle['prevent_destroy'];
    // `all` means the same for a stand-in; attribute names are the real resource's, not terraform_data's.
    if (lifecycle['ignore_changes'] === 'all') kept['ignore_changes'] = 'all';
    if (lifecycle['replace_triggered_by'] !== undefined) kept['replace_triggered_by'] = asList(lifecycle['replace_triggered_by']).map(rewriteDependency);
    if (Object.keys(kept).length) standIn['lifecycle'] = kept;
  }
  return standIn;
}

/** The stack with every provider block stood in; `backend` says what to do with its backend. */
export function standInDocument(stack: TerraformJson, backend: 'as-synthesized' | { localPath: string }, computed: ComputedValues = 'unknown'): Block {
  const source = stack as unknown as Block;
  const reads = readAttributes(source);
  const resources: Record<string, Block> = { standin_unknown: {} };
  const locals: Record<string, Json> = {};
  const add = (address: string, type: string, block: Block) => {
    const name = standInName(address);
    resources[name] = standInBlock(type, block);
    locals[`standin_${name}`] = attributeView(address, type, block, reads.get(address) ?? new Map(), computed);
  };
  for (const [type, named] of Object.entries((source['resource'] ?? {}) as Record<string, Record<string, Block>>)) {
    for (const [name, block] of Object.entries(named)) add(`${type}.${name}`, type, block);
  }
  for (const [type, named] of Object.entries((source['data'] ?? {}) as Record<string, Record<string, Block>>)) {
    for (const [name, block] of Object.entries(named)) add(`data.${type}.${name}`, type, block);
  }
  for (const [name, configurations] of Object.entries((source['provider'] ?? {}) as Record<string, Json>)) {
    for (const configuration of asList(configurations) as Block[]) {
      const alias = typeof configuration['alias'] === 'string' ? `__${configuration['alias']}` : '';
      resources[`provider__${name}${alias}`] = { input: rewrite(Object.fromEntries(Object.entries(configuration).filter(([k]) => k !== 'alias' && k !== '//')) as Json) };
    }
  }
  const terraform = { ...((source['terraform'] ?? {}) as Block) };
  delete terraform['required_providers'];
  if (backend !== 'as-synthesized') {
    delete terraform['backend'];
    delete terraform['cloud'];
    terraform['backend'] = { local: { path: backend.localPath } };
  }
  const document: Block = { terraform, resource: { terraform_data: resources } };
  const ownLocals = (source['locals'] ?? {}) as Block;
  document['locals'] = { ...(rewrite(ownLocals as Json) as Block), ...locals };
  if (source['variable']) document['variable'] = source['variable'];
  if (source['output']) document['output'] = rewrite(source['output']);
  if (source['moved']) document['moved'] = asList(source['moved']).map((m) => Object.fromEntries(Object.entries(m as Block).map(([k, v]) => [k, rewriteDependency(v)])));
  if (source['removed']) document['removed'] = asList(source['removed']).map((r) => ({ ...(r as Block), from: rewriteDependency((r as Block)['from']!) }));
  return document;
}

/** The value a string variable without default gets: distinct per variable, so a plan shows which one leaked. */
export function variablePlaceholder(name: string): string {
  return `standin-var-${name}`;
}

/** Placeholder values for the stack's variables that have no default. */
export function variableValues(stack: TerraformJson): Record<string, Json> {
  const variables = (stack['variable'] ?? {}) as Record<string, Block>;
  const values: Record<string, Json> = {};
  for (const [name, variable] of Object.entries(variables)) {
    if ('default' in variable) continue;
    const type = String(variable['type'] ?? 'string');
    values[name] = type.startsWith('number') ? 1 : type.startsWith('bool') ? true : type.startsWith('list') || type.startsWith('set') ? [] : type.startsWith('map') ? {} : variablePlaceholder(name);
  }
  return values;
}
