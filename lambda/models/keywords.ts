/**
 * English keywords with wink-nlp: the nouns, proper nouns and adjectives of a text that are not
 * stop words, by lemma, ranked by how often they occur (ties alphabetically). The score is the
 * keyword's share of all candidate words in the text.
 */
import type { ItemToken } from 'wink-nlp';
import type { HostConfigOf } from '../contract';
import { textModelRuntime } from './text-model';
import { englishNlp } from './wink';

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
function read(token: ItemToken, property: unknown): unknown {
  return token.out(property as never);
}

/** The keywords runtime; loads the language model now. */
export function createKeywordsRuntime(config: HostConfigOf<'keywords'>) {
  const nlp = englishNlp();
  const { its } = nlp;
  const { maxKeywords } = config.settings;
  return textModelRuntime(config.name, config.limits, (text): { keywords: Keyword[] } => {
    const counts = new Map<string, number>();
    let candidates = 0;
    nlp
      .readDoc(text)
      .tokens()
      .each((token: ItemToken) => {
        if (read(token, its.type) !== 'word' || read(token, its.stopWordFlag) || !KEYWORD_POS.has(String(read(token, its.pos)))) return;
        const lemma = String(read(token, its.lemma)).toLowerCase();
        if (lemma.length < 2) return;
        candidates += 1;
        counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
      });
    const keywords = [...counts.entries()]
      .sort(([a, ca], [b, cb]) => cb - ca || a.localeCompare(b))
      .slice(0, maxKeywords)
      .map(([keyword, count]) => ({ keyword, count, score: Math.round((count / candidates) * 1e4) / 1e4 }));
    return { keywords };
  });
}
