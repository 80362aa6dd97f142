/**
 * Prompt-guard patterns are accepted only when Kong can run them as written. The oracle is a real
 * PCRE2: GNU grep's -P (libpcre2-8), in the C locale so that it matches bytes as Kong's ngx.re.find
 * without the u flag does.
 */
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import { promptPatternProblem } from '../../kong/prompt-patterns';

/**
 * Whether PCRE2 compiles a pattern: grep exits 1 on an empty input it searched, 2 on a pattern
 * error. It reads /dev/null (an input on stdin would meet a closed pipe when grep exits early).
 */
function pcreCompiles(pattern: string): boolean {
  const run = spawnSync('grep', ['-P', '-e', pattern, '/dev/null'], { env: { ...process.env, LC_ALL: 'C' }, encoding: 'utf8' });
  if (run.error) throw new Error(`grep -P could not run (${run.error.message}); the tests need GNU grep built with PCRE2`);
  if (run.status === 2 && /support for the -P option is not compiled|-P supports only/.test(run.stderr)) throw new Error(`grep has no PCRE2: ${run.stderr}`);
  return run.status !== 2;
}

test('the oracle is PCRE2: it refuses what only PCRE refuses', () => {
  expect(pcreCompiles('(?<=ab|c)d')).toBe(true);
  expect(pcreCompiles('foo\\1')).toBe(false);
});

describe('what Kong’s PCRE refuses, the configuration refuses first', () => {
  test.each([
    ['foo\\1', /a back reference to a group that does not exist/],
    ['[\\d-z]', /a range with a class escape/],
    ['(?<=a+)c', /a lookbehind must have a fixed length in PCRE/],
    ['\\u0041', /PCRE has no \\u escape/],
    ['[]', /PCRE reads an empty class as the start of a longer one/],
    ['a{2,1}', /numbers out of order/],
    ['unclosed(', /not in the syntax PCRE and JavaScript share/],
  ])('%s', (pattern, problem) => {
    expect(pcreCompiles(pattern)).toBe(false);
    expect(promptPatternProblem(pattern)).toMatch(problem);
  });
});

describe('what PCRE compiles but would backtrack exponentially, or read differently, is refused', () => {
  test.each([
    ['(a+)+$', /a\+ repeats inside \(a\+\)\+/],
    ['(\\w+\\s?)+$', /nested repetition backtracks exponentially/],
    ['(a|a)*b', /the alternatives a and a of \(a\|a\)\* can start alike/],
    ['(a|ab)*c', /can start alike/],
    ['(?i)(A|a)+', /can start alike/],
    ['(?x)ignore previous', /the option \(\?x\) is PCRE-only/],
    ['\\p{L}+', /Kong matches bytes/],
  ])('%s', (pattern, problem) => {
    expect(pcreCompiles(pattern)).toBe(true);
    expect(promptPatternProblem(pattern)).toMatch(problem);
  });
});

test.each([
  '(?i)ignore (all )?previous instructions',
  '(?i)(?:previous|prior) (?:instructions|prompts)',
  'password\\s*[:=]\\s*\\S+',
  '(?:\\d{3}-){2}\\d{4}',
  '\\bssn\\b',
  '(x|y)*z',
  '(?<n>x)\\k<n>',
  '(?<=ab|c)d',
])('%s is accepted, and PCRE compiles it', (pattern) => {
  expect(promptPatternProblem(pattern)).toBeUndefined();
  expect(pcreCompiles(pattern)).toBe(true);
});

test('property: every pattern the configuration accepts compiles in PCRE2', () => {
  const piece = fc.constantFrom('a', 'b', '.', '\\d', '\\w', '\\s', '\\b', '\\1', '\\u0041', '[a-z]', '[\\d-z]', '[^x]', '(', ')', '(?:', '(?<=', '(?=', '|', '*', '+', '?', '{2}', '{1,3}', '^', '$', '(?i)', '\\.', '-', ']', '[');
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), (pieces) => {
      const pattern = pieces.join('');
      if (promptPatternProblem(pattern) === undefined) expect({ pattern, compiles: pcreCompiles(pattern) }).toEqual({ pattern, compiles: true });
    }),
    { numRuns: 150, seed: 11 },
  );
});
