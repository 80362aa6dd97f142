/**
 * Terraform's JSON configuration as Terraform reads it, for the rules to judge what will really be
 * deployed (Terraform docs, "JSON Configuration Syntax"):
 *
 * - a block type with labels (`resource`, `data`, `output`, `variable`, ...) may be written as an
 *   object keyed by its labels or as an array of such objects, at every label level, and a block's
 *   body as an object or an array of objects (several blocks with the same labels: for resources,
 *   data sources, outputs and variables, a duplicate Terraform refuses);
 * - `"//"` properties are comments;
 * - every string is a template, so `"${true}"` is the boolean true and `"${\"*\"}"` the string `*`:
 *   interpolations made only of literals are folded (guardrails/expressions.ts), so a rule compares
 *   the value Terraform will use, not the way it was spelled.
 *
 * Reading fails, naming what is wrong, where Terraform would fail or where the rules could be
 * misled: a duplicate block, a shape Terraform's JSON syntax does not allow.
 */
import { foldLiteralTemplate } from './literal-templates';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Body = Record<string, unknown>;

/** Blocks keyed by their labels: `resource.<type>.<name>`, `output.<name>`, ... */
export interface TerraformDocument {
  readonly resource: Record<string, Record<string, Body>>;
  readonly data: Record<string, Record<string, Body>>;
  readonly output: Record<string, Body>;
  readonly variable: Record<string, Body>;
  readonly locals: Record<string, unknown>;
  readonly module: Record<string, Body>;
  /** Everything else, as written (`terraform`, `provider`, `moved`, `removed`, `import`, `check`). */
  readonly other: Record<string, unknown>;
}

/** The document shape is wrong: what, and where. */
export class TerraformJsonError extends Error {}

const COMMENT = '//';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The objects a block level holds: one object, or an array of objects. */
function objectsAt(value: unknown, where: string): Record<string, unknown>[] {
  if (isObject(value)) return [value];
  if (Array.isArray(value) && value.every(isObject)) return value as Record<string, unknown>[];
  throw new TerraformJsonError(`${where} must be an object or an array of objects`);
}

/** The one body of a labelled block; several bodies with one set of labels is a duplicate. */
function oneBody(value: unknown, where: string): Body {
  const bodies = objectsAt(value, where);
  if (bodies.length !== 1) throw new TerraformJsonError(`${where} is declared ${bodies.length} times`);
  return bodies[0]!;
}

/** Blocks with `depth` labels, merged across the object and array forms; duplicates refused. */
function labelled(value: unknown, depth: 1 | 2, kind: string): Record<string, Record<string, Body>> | Record<string, Body> {
  const out: Record<string, unknown> = {};
  for (const level of objectsAt(value, kind)) {
    for (const [label, inner] of Object.entries(level)) {
      if (label === COMMENT) continue;
      if (depth === 1) {
        if (label in out) throw new TerraformJsonError(`${kind} "${label}" is declared more than once`);
        out[label] = oneBody(inner, `${kind} "${label}"`);
        continue;
      }
      const named = (out[label] ?? {}) as Record<string, Body>;
      for (const nameLevel of objectsAt(inner, `${kind} "${label}"`)) {
        for (const [name, body] of Object.entries(nameLevel)) {
          if (name === COMMENT) continue;
          if (name in named) throw new TerraformJsonError(`${kind} "${label}" "${name}" is declared more than once`);
          named[name] = oneBody(body, `${kind} "${label}" "${name}"`);
        }
      }
      out[label] = named;
    }
  }
  return out as Record<string, Record<string, Body>> | Record<string, Body>;
}

/** Every string of a value with its literal-only interpolations folded (keys are kept as written). */
export function foldLiterals(value: unknown): unknown {
  if (typeof value === 'string') {
    const folded = foldLiteralTemplate(value);
    return folded === undefined ? value : folded;
  }
  if (Array.isArray(value)) return value.map(foldLiterals);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === COMMENT ? inner : foldLiterals(inner)]));
  return value;
}

/** Reads one or more `*.tf.json` documents of a working directory as Terraform would combine them. */
export function readTerraformDocuments(documents: readonly { readonly file: string; readonly json: unknown }[]): TerraformDocument {
  const merged = { resource: {}, data: {}, output: {}, variable: {}, locals: {}, module: {}, other: {} } as {
    resource: Record<string, Record<string, Body>>;
    data: Record<string, Record<string, Body>>;
    output: Record<string, Body>;
    variable: Record<string, Body>;
    locals: Record<string, unknown>;
    module: Record<string, Body>;
    other: Record<string, unknown>;
  };
  for (const { file, json } of documents) {
    if (!isObject(json)) throw new TerraformJsonError(`${file}: the document must be a JSON object`);
    try {
      for (const [key, value] of Object.entries(json)) {
        if (key === COMMENT) continue;
        if (key === 'resource' || key === 'data') {
          for (const [type, named] of Object.entries(labelled(value, 2, key) as Record<string, Record<string, Body>>)) {
            const into = (merged[key][type] ??= {});
            for (const [name, body] of Object.entries(named)) {
              if (name in into) throw new TerraformJsonError(`${key} "${type}" "${name}" is declared more than once`);
              into[name] = foldLiterals(body) as Body;
            }
          }
        } else if (key === 'output' || key === 'variable' || key === 'module') {
          for (const [name, body] of Object.entries(labelled(value, 1, key) as Record<string, Body>)) {
            if (name in merged[key]) throw new TerraformJsonError(`${key} "${name}" is declared more than once`);
            merged[key][name] = foldLiterals(body) as Body;
          }
        } else if (key === 'locals') {
          for (const level of objectsAt(value, 'locals')) {
            for (const [name, inner] of Object.entries(level)) {
              if (name === COMMENT) continue;
              if (name in merged.locals) throw new TerraformJsonError(`local "${name}" is declared more than once`);
              merged.locals[name] = foldLiterals(inner);
            }
          }
        } else {
          merged.other[key] = key in merged.other ? [...[merged.other[key]].flat(), ...[value as Json].flat()] : value;
        }
      }
    } catch (err) {
      if (err instanceof TerraformJsonError && !err.message.startsWith(`${file}:`)) throw new TerraformJsonError(`${file}: ${err.message}`);
      throw err;
    }
  }
  return merged;
}
