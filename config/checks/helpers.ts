/** Helpers shared by several configuration checks. */
import type { ConfigView } from './types';

/** The longest configured region name (the one that makes assembled names longest), if any. */
export function longestRegion(config: ConfigView) {
  return (config.regions ?? [])
    .filter((r) => r !== undefined)
    .sort((a, b) => b.length - a.length)[0];
}

/** Every value equal (by `keyOf`) to an earlier one, with the index of that first one; undefined entries are skipped. */
export function duplicates<T>(values: readonly (T | undefined)[], keyOf: (value: T) => unknown = (value) => value): { index: number; value: T; first: number }[] {
  const seen = new Map<unknown, number>();
  const found: { index: number; value: T; first: number }[] = [];
  values.forEach((value, index) => {
    if (value === undefined) return;
    const key = keyOf(value);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else found.push({ index, value, first });
  });
  return found;
}
