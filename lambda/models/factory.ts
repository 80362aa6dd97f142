/** Typing shared by the registry and the handler, with no model code in it. */
import type { HostConfigOf, ModelHostConfig, ModelKind } from '../../contract/model-host';
import type { ModelRuntime } from './runtime';

/** Builds the runtime of one kind. */
export type ModelFactory<K extends ModelKind> = (config: HostConfigOf<K>) => ModelRuntime;

/** Runtime factories by kind; a bundle may carry only some of them. */
export type ModelFactories = { readonly [K in ModelKind]?: ModelFactory<K> };

/** The factory for a configuration's kind, if the given set has it. */
export function factoryFor(config: ModelHostConfig, factories: ModelFactories): ((config: ModelHostConfig) => ModelRuntime) | undefined {
  return factories[config.kind] as ((config: ModelHostConfig) => ModelRuntime) | undefined;
}
