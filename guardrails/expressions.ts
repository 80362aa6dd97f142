/**
 * Reads the Terraform expressions inside synthesized JSON strings. In Terraform's JSON syntax every
 * string is a template: `${ ... }` is an interpolation and `%{ ... }` a directive, while `$${` and
 * `%%{` are their literal forms (Terraform docs, "JSON Configuration Syntax" › "Expression Mapping",
 * and "Strings and Templates" › "Escape Sequences"). This module finds the interpolations and
 * directives of a string and the references (traversals such as `aws_lambda_function.x.arn`,
 * `data.terraform_remote_state.global.outputs.y`, `var.z`) and function calls inside them. It is a
 * scanner, not a full HCL parser: it knows strings (with nested templates), brackets, identifiers,
 * `for` expressions and object keys, which is what telling a reference from anything else needs.
 */

/** A reference found in an expression. */
export interface ExpressionReference {
  /** The traversal as written, up to the first index or splat, e.g. `aws_iam_role.x.arn`. */
  readonly traversal: string;
  /** Where the traversal starts in the scanned string. */
  readonly start: number;
  /**
   * What it refers to: `type.name` for a resource, `data.type.name`, `var.name`, `local.name`,
   * `module.name`, or the root alone for Terraform's own objects (`terraform`, `path`, `count`,
   * `each`, `self`).
   */
  readonly address: string;
}

/** What the template expressions of one string contain. */
export interface ExpressionContents {
  /** The source of each interpolation and directive, without its delimiters. */
  readonly expressions: readonly string[];
  readonly references: readonly ExpressionReference[];
  /** Names of the functions called, e.g. `jsonencode`. */
  readonly functions: readonly string[];
  /** The source of each directive (`%{ ... }`), without its delimiters. */
  readonly directives: readonly string[];
}

/** Terraform's own objects a reference may start with. */
export const BUILT_IN_ROOTS: ReadonlySet<string> = new Set(['terraform', 'path', 'count', 'each', 'self']);

const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);
const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_-]/;

/** The template expressions of a string value (nothing when it holds none). */
export function expressionContents(text: string): ExpressionContents {
  const found = { expressions: [] as string[], references: [] as ExpressionReference[], functions: [] as string[], directives: [] as string[] };
  // Most strings hold no template sequence at all.
  if (text.includes('{')) scanTemplate(text, 0, text.length, found, new Set());
  return found;
}

/** Whether a string holds any interpolation or directive. */
export function hasTemplateSequence(text: string): boolean {
  return expressionContents(text).expressions.length > 0;
}

interface Found {
  expressions: string[];
  references: ExpressionReference[];
  functions: string[];
  directives: string[];
}

/** Scans template text between `start` and `end` for `${` and `%{` sequences. */
function scanTemplate(text: string, start: number, end: number, found: Found, locals: ReadonlySet<string>): void {
  let i = start;
  while (i < end) {
    const c = text[i];
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      if (text[i - 1] === c && isEscape(text, i, start)) {
        i += 2;
        continue;
      }
      const close = matchingBrace(text, i + 2, end);
      const body = text.slice(i + 2, close);
      found.expressions.push(body);
      if (c === '%') found.directives.push(body);
      scanExpression(text, i + 2, close, found, locals);
      i = close + 1;
      continue;
    }
    i += 1;
  }
}

/** `$${` / `%%{` is a literal: the sequence is escaped when preceded by an odd number of its sign. */
export function isEscape(text: string, at: number, start: number): boolean {
  let signs = 0;
  for (let j = at - 1; j >= start && text[j] === text[at]; j -= 1) signs += 1;
  return signs % 2 === 1;
}

/** The index of the `}` closing an expression that starts at `from` (skipping strings and nested brackets). */
export function matchingBrace(text: string, from: number, end: number): number {
  let depth = 0;
  let i = from;
  while (i < end) {
    const c = text[i]!;
    if (c === '"') {
      i = stringEnd(text, i, end) + 1;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth += 1;
    else if (c === ')' || c === ']') depth -= 1;
    else if (c === '}') {
      if (depth === 0) return i;
      depth -= 1;
    }
    i += 1;
  }
  // Unterminated: Terraform refuses it; treat the rest as the expression.
  return end;
}

/** The index of the `"` closing a quoted string that opens at `open` (templates inside included). */
export function stringEnd(text: string, open: number, end: number): number {
  let i = open + 1;
  while (i < end) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"') return i;
    if ((c === '$' || c === '%') && text[i + 1] === '{' && !(text[i - 1] === c && isEscape(text, i, open + 1))) {
      i = matchingBrace(text, i + 2, end) + 1;
      continue;
    }
    i += 1;
  }
  return end;
}

/** Scans an expression for references, function calls and nested templates. */
function scanExpression(text: string, start: number, end: number, found: Found, outerLocals: ReadonlySet<string>): void {
  const locals = new Set(outerLocals);
  let i = start;
  let previous = '';
  while (i < end) {
    const c = text[i]!;
    if (c === '"') {
      const close = stringEnd(text, i, end);
      scanTemplate(text, i + 1, close, found, locals);
      i = close + 1;
      previous = '"';
      continue;
    }
    if (IDENTIFIER_START.test(c) && !IDENTIFIER_PART.test(text[i - 1] ?? ' ') && text[i - 1] !== '.') {
      let j = i + 1;
      while (j < end && IDENTIFIER_PART.test(text[j]!)) j += 1;
      const name = text.slice(i, j);
      const next = nextNonSpace(text, j, end);
      if (name === 'for') {
        // `for k, v in collection :` declares k and v for the rest of the expression.
        const inAt = text.indexOf(' in ', j);
        if (inAt > 0 && inAt < end) for (const local of text.slice(j, inAt).split(',')) locals.add(local.trim());
      }
      if (KEYWORDS.has(name)) {
        // not a reference
      } else if (text[next] === '(') {
        found.functions.push(name);
      } else if ((text[next] === '=' && text[next + 1] !== '=' && text[next + 1] !== '>') || (text[next] === ':' && (previous === '{' || previous === ','))) {
        // an object key
      } else if (!locals.has(name)) {
        const traversal = readTraversal(text, i, end);
        found.references.push({ traversal, start: i, address: addressOf(traversal) });
      }
      i = j;
      previous = name;
      continue;
    }
    if (!/\s/.test(c)) previous = c;
    i += 1;
  }
}

function nextNonSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && /\s/.test(text[i]!)) i += 1;
  return i;
}

/** `a.b.c` from `start`, stopping at the first index, splat or anything else. */
function readTraversal(text: string, start: number, end: number): string {
  let i = start;
  while (i < end && IDENTIFIER_PART.test(text[i]!)) i += 1;
  while (i < end && text[i] === '.' && IDENTIFIER_START.test(text[i + 1] ?? '')) {
    i += 1;
    while (i < end && IDENTIFIER_PART.test(text[i]!)) i += 1;
  }
  return text.slice(start, i);
}

/** The object a traversal refers to. */
function addressOf(traversal: string): string {
  const parts = traversal.split('.');
  const [root] = parts;
  if (root === 'data') return parts.slice(0, 3).join('.');
  if (root === 'var' || root === 'local' || root === 'module') return parts.slice(0, 2).join('.');
  if (BUILT_IN_ROOTS.has(root!)) return root!;
  return parts.slice(0, 2).join('.');
}
