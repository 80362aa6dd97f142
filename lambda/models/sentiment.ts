/**
 * English sentiment analysis with wink-nlp and its lite English model. The model ships inside the
 * npm package (no download, no network), so it runs offline inside Lambda. The score is wink's
 * document sentiment in [-1, 1]; the label applies the configured neutral band around 0.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import type { ModelHostConfig } from '../contract';
import type { Model } from './model';

/** The prediction for one text. */
export interface SentimentPrediction {
  readonly label: 'positive' | 'negative' | 'neutral';
  /** Polarity from -1 (most negative) to 1 (most positive). */
  readonly score: number;
}

type SentimentSettings = Extract<ModelHostConfig, { kind: 'sentiment' }>['settings'];

/** Loads the language model once; the returned model is reused across invocations. */
export function createSentimentModel(settings: SentimentSettings): Model<SentimentPrediction> {
  const nlp = winkNLP(model);
  const { its } = nlp;
  return {
    predict(text: string): SentimentPrediction {
      const raw = nlp.readDoc(text).out(its.sentiment) as unknown as number;
      const score = Number.isFinite(raw) ? Math.round(raw * 1e4) / 1e4 : 0;
      const label =
        score > settings.neutralThreshold ? 'positive' : score < -settings.neutralThreshold ? 'negative' : 'neutral';
      return { label, score };
    },
  };
}
