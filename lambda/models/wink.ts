/**
 * The English language model shared by the offline kinds: wink-nlp with its lite web model, which
 * ships inside the npm package (no download, no network). Each kind runs only the pipeline steps
 * it reads (wink-nlp's `pipe` argument: a 64 KB text costs about 30 ms through every step, 18-23 ms
 * through one kind's), one instance per set of steps, made on first use.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

/** The pipeline steps each kind needs: sentiment reads sentences and negation, entities the named-entity step, keywords part-of-speech tags. */
export const PIPELINES = {
  sentiment: ['sbd', 'negation', 'sentiment'],
  entities: ['ner'],
  keywords: ['pos'],
} as const;

const instances = new Map<string, ReturnType<typeof winkNLP>>();

/** The wink-nlp instance running `steps`. */
export function englishNlp(steps: readonly string[]): ReturnType<typeof winkNLP> {
  const key = steps.join(',');
  let instance = instances.get(key);
  if (!instance) {
    instance = winkNLP(model, [...steps] as Parameters<typeof winkNLP>[1]);
    instances.set(key, instance);
  }
  return instance;
}
