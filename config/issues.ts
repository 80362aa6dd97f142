/**
 * Turns zod's validation issues into {@link ConfigIssue}s a person can act on: the path, the value
 * received and what is accepted, with a "did you mean" for misspelt keys and values.
 */
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import type { ConfigIssue } from '../core/errors';
import { formatValue } from '../core/errors';

/** A JSON Schema node, as much of it as the issue translation reads. */
interface JsonSchemaNode {
  readonly type?: string | string[];
  readonly properties?: Record<string, JsonSchemaNode>;
  readonly additionalProperties?: boolean | JsonSchemaNode;
  readonly items?: JsonSchemaNode;
  readonly oneOf?: JsonSchemaNode[];
  readonly anyOf?: JsonSchemaNode[];
  readonly const?: unknown;
  readonly enum?: unknown[];
  readonly description?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** Lists at most this many accepted values before switching to a suggestion. */
const MAX_LISTED_VALUES = 8;

/**
 * Translates the issues of a failed parse. `schema` is the schema that produced them and `input`
 * the document it parsed (issues carry paths, not values, so values are read back from it).
 */
export function translateIssues(
  schema: z.ZodType,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
): ConfigIssue[] {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  return issues.flatMap((issue) => translate(jsonSchema, input, issue, issue.path));
}

function translate(
  jsonSchema: JsonSchemaNode,
  input: unknown,
  issue: z.core.$ZodIssue,
  path: readonly PropertyKey[],
): ConfigIssue[] {
  const received = valueAt(input, path);
  const present = hasValueAt(input, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = Object.keys(schemaAt(jsonSchema, path, input)?.properties ?? {});
      return issue.keys.map((key) => ({
        path: [...path, key],
        problem: 'unknown key' + suggestion(key, known),
        accepted: known.length ? `one of the keys ${known.join(', ')}` : 'no keys here',
      }));
    }
    case 'invalid_type':
      if (!present) {
        return [{ path, problem: 'missing', accepted: describeExpected(issue.expected, schemaAt(jsonSchema, path, input)) }];
      }
      return [{ path, received, accepted: describeExpected(issue.expected, schemaAt(jsonSchema, path, input)) }];
    case 'invalid_value': {
      const values = issue.values.map((v) => formatValue(v));
      const hint = typeof received === 'string' ? suggestion(received, issue.values.map(String)) : '';
      const listed =
        values.length <= MAX_LISTED_VALUES
          ? `one of ${values.join(', ')}`
          : `one of ${values.length} values, listed in config/gateway-config.schema.json`;
      // A schema's own message (zod's defaults start with "Invalid") says why only these values.
      const why = /^Invalid/.test(issue.message) ? {} : { problem: issue.message };
      return [{ path, ...why, received, accepted: withDescription(listed, schemaAt(jsonSchema, path, input)) + hint }];
    }
    case 'invalid_union': {
      const options = 'options' in issue ? (issue.options ?? []) : [];
      if (issue.discriminator && options.length) {
        const kind = valueAt(input, path);
        const hint = typeof kind === 'string' ? suggestion(kind, options.map(String)) : '';
        return [
          {
            path,
            ...(hasValueAt(input, path) ? { received: kind } : { problem: 'missing' }),
            accepted: `one of ${options.map((o) => formatValue(o)).join(', ')}${hint}`,
          },
        ];
      }
      return [{ path, received, accepted: 'a value matching one of the documented forms' }];
    }
    case 'too_big':
    case 'too_small': {
      const node = schemaAt(jsonSchema, path, input);
      return [{ path, received, accepted: withDescription(describeBound(issue, node), node) }];
    }
    case 'invalid_key':
      return issue.issues.flatMap((inner) =>
        translate(jsonSchema, input, inner, path).map((translated) => ({
          ...translated,
          problem: 'invalid key',
          received: path[path.length - 1],
        })),
      );
    case 'invalid_element':
      return issue.issues.flatMap((inner) => translate(jsonSchema, input, inner, path));
    case 'invalid_format':
    case 'not_multiple_of':
    case 'custom':
    default:
      return [{ path, received, accepted: stripMustBe(issue.message) }];
  }
}

function describeBound(
  issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall,
  node: JsonSchemaNode | undefined,
): string {
  const range = describeRange(node);
  if (range) return range;
  const big = issue.code === 'too_big';
  const bound = big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum;
  const inclusive = issue.inclusive !== false;
  const relation = big ? (inclusive ? 'at most' : 'less than') : inclusive ? 'at least' : 'more than';
  const plural = Number(bound) === 1 ? '' : 's';
  const unit =
    issue.origin === 'array' || issue.origin === 'set'
      ? ` item${plural}`
      : issue.origin === 'string'
        ? ` character${plural}`
        : '';
  return `${relation} ${String(bound)}${unit}`;
}

/** Appends the field's own description, which says what the value is for. */
function withDescription(accepted: string, node: JsonSchemaNode | undefined): string {
  return node?.description ? `${accepted} (${node.description.replace(/\.$/, '')})` : accepted;
}

/** "an integer from 128 to 10240", "1 to 100 items": both bounds, when the schema has both. */
function describeRange(node: JsonSchemaNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.minimum !== undefined && node.maximum !== undefined) {
    const what = node.type === 'integer' ? 'an integer' : 'a number';
    return `${what} from ${node.minimum} to ${node.maximum}`;
  }
  if (node.minItems !== undefined && node.maxItems !== undefined) return `${node.minItems} to ${node.maxItems} items`;
  if (node.minLength !== undefined && node.maxLength !== undefined) {
    return `${node.minLength} to ${node.maxLength} characters`;
  }
  return undefined;
}

function describeExpected(expected: string, node: JsonSchemaNode | undefined): string {
  if (node?.enum) return `one of ${node.enum.map((v) => formatValue(v)).join(', ')}`;
  if (node?.const !== undefined) return formatValue(node.const);
  const article = /^[aeiou]/.test(expected) ? 'an' : 'a';
  return expected === 'int' ? 'an integer' : `${article} ${expected}`;
}

/** Zod messages from `error:` options read "must be ..."; drop that for the "accepted:" slot. */
function stripMustBe(message: string): string {
  return message.replace(/^must (be )?/, '');
}

function suggestion(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const tolerated = Math.max(1, Math.floor(word.length / 3));
  return best !== undefined && bestDistance > 0 && bestDistance <= tolerated ? ` (did you mean "${best}"?)` : '';
}

function schemaAt(root: JsonSchemaNode, path: readonly PropertyKey[], input: unknown): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  let value: unknown = input;
  for (const segment of path) {
    if (!node) return undefined;
    node = pickVariant(node, value);
    if (typeof segment === 'number') node = node.items;
    else {
      const key = String(segment);
      node =
        node.properties?.[key] ??
        (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    }
    value = childOf(value, segment);
  }
  return node ? pickVariant(node, value) : undefined;
}

/** For a oneOf of object kinds, the variant whose `kind` constant matches the value's. */
function pickVariant(node: JsonSchemaNode, value: unknown): JsonSchemaNode {
  const variants = node.oneOf ?? node.anyOf;
  if (!variants?.length) return node;
  const kind = childOf(value, 'kind');
  return variants.find((v) => v.properties?.['kind']?.const === kind) ?? variants[0] ?? node;
}

function childOf(value: unknown, segment: PropertyKey): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as Record<PropertyKey, unknown>)[segment];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, segment) => childOf(value, segment), input);
}

function hasValueAt(input: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return input !== undefined;
  const parent = valueAt(input, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && (path[path.length - 1] as PropertyKey) in parent;
}
