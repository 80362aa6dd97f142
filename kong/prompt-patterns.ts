/**
 * Kong's ai-prompt-guard patterns, checked before Kong ever sees them. Kong 3.9.1 runs each with
 * `ngx.re.find(prompt, pattern, "jo")` (PCRE2 10.44, byte mode: no `u` flag), and answers 500 to
 * every request when one does not compile or fails while matching
 * (kong/plugins/ai-prompt-guard/filters/guard-prompt.lua:84-88, 104-109). So a pattern is accepted
 * only in the syntax PCRE and JavaScript's strict (unicode) mode read alike, parsed by regexpp, and
 * only without the nested or ambiguous repetition that backtracks exponentially (Kong's
 * lua_regex_match_limit of 100000 steps, kong/templates/kong_defaults.lua:101, turns such a match
 * into that 500).
 */
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';

/** A leading PCRE option setting, e.g. `(?i)`: only options JavaScript has too. */
const INLINE_OPTIONS = /^\(\?([a-zA-Z]+)\)/;
const SHARED_OPTIONS = /^[ims]+$/;

/** What a refused pattern gets told it may be. */
export const PROMPT_PATTERN_ACCEPTED =
  'a regular expression in the syntax PCRE and JavaScript share (a leading (?i), (?m) or (?s) is fine), without nested or ambiguous repetition such as (a+)+ or (a|ab)*';

const parser = new RegExpParser({ ecmaVersion: 2025 });

/** The first characters an element can start with: a set of literal code points, or `any` when it cannot tell (or the element may be empty). */
type First = Set<number> | 'any';

function firstOf(elements: readonly AST.Element[], caseInsensitive: boolean): First {
  const [head] = elements;
  if (!head) return 'any';
  switch (head.type) {
    case 'Character': {
      const char = String.fromCodePoint(head.value);
      return new Set(caseInsensitive ? [char.toLowerCase().codePointAt(0)!, char.toUpperCase().codePointAt(0)!] : [head.value]);
    }
    case 'Group':
    case 'CapturingGroup':
      return union(head.alternatives.map((a) => firstOf(a.elements, caseInsensitive)));
    case 'Quantifier':
      return head.min === 0 ? 'any' : firstOf([head.element], caseInsensitive);
    default:
      return 'any';
  }
}

function union(sets: First[]): First {
  if (sets.some((s) => s === 'any')) return 'any';
  return new Set((sets as Set<number>[]).flatMap((s) => [...s]));
}

function overlaps(a: First, b: First): boolean {
  return a === 'any' || b === 'any' || [...a].some((c) => b.has(c));
}

/** Why a repeated element can match one text in more than one way, exponentially; undefined when it cannot. */
function ambiguousRepetition(quantifier: AST.Quantifier, caseInsensitive: boolean): string | undefined {
  if (quantifier.max !== Infinity) return undefined;
  let inner: AST.Quantifier | undefined;
  visitRegExpAST(quantifier.element, {
    onQuantifierEnter(q) {
      if (!inner && q.max === Infinity) inner = q;
    },
  });
  if (inner) return `${inner.raw} repeats inside ${quantifier.raw}: nested repetition backtracks exponentially`;
  const element = quantifier.element;
  if (element.type !== 'Group' && element.type !== 'CapturingGroup') return undefined;
  const firsts = element.alternatives.map((a) => firstOf(a.elements, caseInsensitive));
  for (let i = 0; i < firsts.length; i += 1) {
    for (let j = i + 1; j < firsts.length; j += 1) {
      if (overlaps(firsts[i]!, firsts[j]!)) {
        return `the alternatives ${element.alternatives[i]!.raw} and ${element.alternatives[j]!.raw} of ${quantifier.raw} can start alike: repeated, they backtrack exponentially`;
      }
    }
  }
  return undefined;
}

/** Why Kong cannot run a prompt-guard pattern safely; undefined when it can. */
export function promptPatternProblem(pattern: string): string | undefined {
  const inline = INLINE_OPTIONS.exec(pattern);
  if (inline && !SHARED_OPTIONS.test(inline[1]!)) {
    return `the option (?${inline[1]}) is PCRE-only (x changes what whitespace means); use (?i), (?m) or (?s)`;
  }
  const source = inline ? pattern.slice(inline[0].length) : pattern;
  const caseInsensitive = inline?.[1]!.includes('i') ?? false;
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(source, 0, source.length, { unicode: true });
  } catch (err) {
    const message = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    const hint =
      message === 'Invalid escape' && /\\[1-9]/.test(source)
        ? 'a back reference to a group that does not exist'
        : message === 'Invalid character class'
          ? 'a range with a class escape, such as [\\d-z]'
          : message;
    return `not in the syntax PCRE and JavaScript share (${hint})`;
  }
  let problem: string | undefined;
  const refuse = (why: string) => {
    problem ??= why;
  };
  visitRegExpAST(ast, {
    onCharacterEnter(c) {
      if (/^\\u/.test(c.raw)) refuse(`${c.raw}: PCRE has no \\u escape; write the character itself`);
    },
    onCharacterSetEnter(set) {
      if (set.kind === 'property') refuse(`${set.raw}: Kong matches bytes (no u flag), so Unicode properties do not mean there what they mean here`);
    },
    onCharacterClassEnter(cls) {
      if (cls.elements.length === 0) refuse(`${cls.raw}: PCRE reads an empty class as the start of a longer one`);
      // PCRE2 reads [:x:], [.x.] and [=x=] as POSIX classes or collating elements (check_posix_syntax).
      if (/\[([:.=])[^\]]*?\1\]/.test(cls.raw)) refuse(`${cls.raw}: PCRE reads [:x:], [.x.] and [=x=] as POSIX syntax; escape the [ as \\[`);
    },
    onAssertionEnter(assertion) {
      if (assertion.kind !== 'lookbehind') return;
      for (const alternative of assertion.alternatives) {
        visitRegExpAST(alternative, {
          onQuantifierEnter(q) {
            if (q.min !== q.max) refuse(`${assertion.raw}: a lookbehind must have a fixed length in PCRE`);
          },
        });
      }
    },
    onQuantifierEnter(quantifier) {
      const why = ambiguousRepetition(quantifier, caseInsensitive);
      if (why) refuse(why);
    },
  });
  return problem;
}
