/**
 * English keywords with wink-nlp: the nouns, proper nouns and adjectives of a text that are not
 * stop words, by lemma, ranked by how often they occur (ties alphabetically). The score is the
 * keyword's share of all candidate words in the text.
 */
import type { Tokens } from 'wink-nlp';
import type { HostConfigOf } from '../../contract/model-host';
import { textModelRuntime } from './text-model';
import { englishNlp, PIPELINES } from './wink';

/** One keyword of a text. */
export interface Keyword {
  /** The lemma, lower case. */
  readonly keyword: string;
  /** Occurrences in the text. */
  readonly count: number;
  /** Share of all candidate words, 0 to 1. */
  readonly score: number;
}

const KEYWORD_POS = new Set(['NOUN', 'PROPN', 'ADJ']);

/** wink's typings reject some of its own `its` helpers (e.g. lemma); the values are plain. */
function read(tokens: Tokens, property: unknown): unknown {
  return tokens.out(property as never);
}

/** The keywords runtime; loads the language model now. */
export function createKeywordsRuntime(config: HostConfigOf<'keywords'>) {
  const nlp = englishNlp(PIPELINES.keywords);
  const { its } = nlp;
  const { maxKeywords } = config.settings;
  return textModelRuntime(config.name, config.limits, (text): { keywords: Keyword[] } => {
    const counts = new Map<string, number>();
    let candidates = 0;
    // One array per property for the whole document: a third faster than reading token by token.
    const tokens = nlp.readDoc(text).tokens();
    const [types, stopWords, tags, lemmas] = [its.type, its.stopWordFlag, its.pos, its.lemma].map((property) => read(tokens, property) as unknown[]);
    for (let i = 0; i < types!.length; i += 1) {
      if (types![i] !== 'word' || stopWords![i] || !KEYWORD_POS.has(String(tags![i]))) continue;
      const lemma = String(lemmas![i]).toLowerCase();
      if (lemma.length < 2) continue;
      candidates += 1;
      counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
    }
    const keywords = [...counts.entries()]
      .sort(([a, ca], [b, cb]) => cb - ca || a.localeCompare(b))
      .slice(0, maxKeywords)
      .map(([keyword, count]) => ({ keyword, count, score: Math.round((count / candidates) * 1e4) / 1e4 }));
    return { keywords };
  });
}
