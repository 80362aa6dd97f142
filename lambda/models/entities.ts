/**
 * English named entities with wink-nlp: dates, times, durations, amounts of money, percentages,
 * numbers, e-mail addresses, URLs, hashtags, mentions, emoji. Optionally only some types.
 */
import type { HostConfigOf } from '../../contract/model-host';
import { textModelRuntime } from './text-model';
import { englishNlp, PIPELINES } from './wink';

/** One entity found in a text. */
export interface Entity {
  /** The entity's text as it appears. */
  readonly text: string;
  /** Its type, e.g. DATE, MONEY, EMAIL. */
  readonly type: string;
}

/** The entities runtime; loads the language model now. */
export function createEntitiesRuntime(config: HostConfigOf<'entities'>) {
  const nlp = englishNlp(PIPELINES.entities);
  const wanted = config.settings.types ? new Set(config.settings.types) : undefined;
  return textModelRuntime(config.name, config.limits, (text): { entities: Entity[] } => {
    const found = nlp.readDoc(text).entities().out(nlp.its.detail) as unknown as { value: string; type: string }[];
    return {
      entities: found.filter((e) => !wanted || wanted.has(e.type)).map((e) => ({ text: e.value, type: e.type })),
    };
  });
}
