/**
 * Literal interpolations folded as Terraform evaluates them (`"${true}"` is the boolean true,
 * `"${"*"}"` is `*`), so that no rule is blinded by a value written as an expression of literals.
 */
import { expressionContents, isEscape, matchingBrace, stringEnd } from './expressions';

/** A value an expression made only of literals evaluates to. */
type LiteralValue = string | number | boolean | null;

/**
 * Folds the interpolations of a template that are literals (`${"*"}`, `${true}`, `${1}`,
 * `${("x")}`), as Terraform would evaluate them: a string that is exactly one such interpolation
 * becomes its value (`"${true}"` is the boolean true); otherwise each becomes its text, written in
 * its literal form, and the rest of the string (other interpolations, escapes) is kept as written,
 * so the result means what the input meant. Undefined when there is nothing to fold, or when the
 * string holds a directive (left to the rules that refuse directives).
 */
export function foldLiteralTemplate(text: string): LiteralValue | undefined {
  if (!text.includes('{')) return undefined;
  const pieces: { start: number; end: number; value: LiteralValue }[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      if (text[i - 1] === c && isEscape(text, i, 0)) {
        i += 2;
        continue;
      }
      if (c === '%') return undefined;
      const close = matchingBrace(text, i + 2, text.length);
      const value = literalExpression(text.slice(i + 2, close));
      if (value !== undefined) pieces.push({ start: i, end: close + 1, value });
      i = close + 1;
      continue;
    }
    i += 1;
  }
  if (pieces.length === 0) return undefined;
  const literalText = (value: LiteralValue) => String(value ?? '').replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
  if (pieces.length === 1 && pieces[0]!.start === 0 && pieces[0]!.end === text.length) {
    // Strings stay in template form (what every other string of the view is): only the types change.
    const { value } = pieces[0]!;
    return typeof value === 'string' ? literalText(value) : value;
  }
  let out = '';
  let last = 0;
  for (const piece of pieces) {
    out += text.slice(last, piece.start) + literalText(piece.value);
    last = piece.end;
  }
  return out + text.slice(last);
}

/** The value of an expression made only of a literal (in parentheses or not); undefined otherwise. */
function literalExpression(source: string): LiteralValue | undefined {
  let expression = source.trim();
  while (expression.startsWith('(') && expression.endsWith(')') && matchingParen(expression) === expression.length - 1) expression = expression.slice(1, -1).trim();
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(expression)) return Number(expression);
  if (expression === 'true' || expression === 'false') return expression === 'true';
  if (expression === 'null') return null;
  if (expression.startsWith('"') && stringEnd(expression, 0, expression.length) === expression.length - 1) return quotedStringValue(expression.slice(1, -1));
  return undefined;
}

/** The index of the `)` closing the `(` at 0. */
function matchingParen(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i, text.length);
      continue;
    }
    if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The value of an HCL quoted string's contents whose own interpolations are literals; undefined otherwise. */
function quotedStringValue(raw: string): string | undefined {
  let template = '';
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw[i]!;
    if (c !== '\\') {
      template += c;
      continue;
    }
    const next = raw[i + 1];
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (next !== undefined && next in simple) {
      template += simple[next];
      i += 1;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      template += String.fromCodePoint(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (next === 'U' && /^[0-9a-fA-F]{8}$/.test(raw.slice(i + 2, i + 10))) {
      template += String.fromCodePoint(parseInt(raw.slice(i + 2, i + 10), 16));
      i += 9;
    } else {
      return undefined;
    }
  }
  const folded = template.includes('{') ? foldLiteralTemplate(template) : undefined;
  const text = folded === undefined ? template : String(folded ?? '');
  // Anything still an expression (a reference, a call, a directive) is not a literal.
  if (expressionContents(text).expressions.length > 0) return undefined;
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
