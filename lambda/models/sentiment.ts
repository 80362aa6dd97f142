/**
 * English sentiment: wink-nlp's document sentiment in [-1, 1], labelled with the configured
 * neutral band around 0.
 */
import type { HostConfigOf } from '../../contract/model-host';
import { textModelRuntime } from './text-model';
import { englishNlp, PIPELINES } from './wink';

/** The prediction for one text. */
export interface SentimentPrediction {
  readonly label: 'positive' | 'negative' | 'neutral';
  /** Polarity from -1 (most negative) to 1 (most positive). */
  readonly score: number;
}

/** The sentiment runtime; loads the language model now. */
export function createSentimentRuntime(config: HostConfigOf<'sentiment'>) {
  const nlp = englishNlp(PIPELINES.sentiment);
  const { neutralThreshold } = config.settings;
  return textModelRuntime(config.name, config.limits, (text): SentimentPrediction => {
    const raw = nlp.readDoc(text).out(nlp.its.sentiment) as unknown as number;
    const score = Number.isFinite(raw) ? Math.round(raw * 1e4) / 1e4 : 0;
    const label = score > neutralThreshold ? 'positive' : score < -neutralThreshold ? 'negative' : 'neutral';
    return { label, score };
  });
}
