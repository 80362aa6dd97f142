/**
 * The English language model shared by the offline kinds: wink-nlp with its lite web model, which
 * ships inside the npm package (no download, no network). Loaded once per process, on first use.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

let instance: ReturnType<typeof winkNLP> | undefined;

/** The shared wink-nlp instance. */
export function englishNlp(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model);
  return instance;
}
