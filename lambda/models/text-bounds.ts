/**
 * What keeps the offline models' cost linear in the input, whatever the input.
 *
 * wink-nlp's tokenizer is quadratic in the length of a run without whitespace: measured on this
 * project's machines, 32,000 `!` take 5.9 s and 32,000 `a` 0.8 s, against 0.03 s for as much prose
 * (scripts/bench-handler.ts prints the adversarial set). So before a text reaches the model:
 *
 * - a run of more than {@link MAX_SYMBOL_RUN} punctuation or symbol characters keeps its first ones
 *   (`!!!!!!!!!!` reads as `!!!!!!!!`: emphasis is kept, the rest is noise);
 * - a run without whitespace is cut by a space every {@link MAX_RUN} characters (no English word
 *   is that long; a long URL is still found, in pieces).
 *
 * Past that, wink's cost is about linear in tokens (~2.5 µs each), so a text made almost only of
 * one-character tokens (`1 1 1 …`) would cost several times prose of the same length. Such a text
 * is refused ({@link tokenDensityProblem}) rather than served slowly.
 */

/** Punctuation and symbol characters kept in a row. */
export const MAX_SYMBOL_RUN = 8;
/** Characters without whitespace before a space is inserted. */
export const MAX_RUN = 64;
/** Texts up to this many tokens are never refused for their density. */
export const DENSITY_FREE_TOKENS = 2048;
/** Characters per token a longer text must average (English prose averages about 5). */
export const MIN_CHARS_PER_TOKEN = 4;

const SYMBOL_RUN = new RegExp(`([^\\p{L}\\p{N}\\s]{${MAX_SYMBOL_RUN}})[^\\p{L}\\p{N}\\s]+`, 'gu');
const LONG_RUN = new RegExp(`\\S{${MAX_RUN}}(?=\\S)`, 'gu');
const TOKEN = /[\p{L}\p{N}]+|[^\p{L}\p{N}\s]/gu;

/** The text as the models read it (see the module comment). */
export function boundText(text: string): string {
  return text.replace(SYMBOL_RUN, '$1').replace(LONG_RUN, (run) => `${run} `);
}

/** About how many tokens the models will see: runs of letters or digits, and each other character. */
export function estimatedTokens(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(TOKEN)) count += 1;
  return count;
}

/** Why a text is too dense to analyse in time, or undefined. */
export function tokenDensityProblem(text: string): string | undefined {
  const bounded = boundText(text);
  const tokens = estimatedTokens(bounded);
  if (tokens <= DENSITY_FREE_TOKENS || tokens * MIN_CHARS_PER_TOKEN <= bounded.length) return undefined;
  return `has ${tokens} tokens in ${text.length} characters; beyond ${DENSITY_FREE_TOKENS} tokens a text must average at least ${MIN_CHARS_PER_TOKEN} characters per token (prose does; lists of single characters or numbers do not)`;
}
