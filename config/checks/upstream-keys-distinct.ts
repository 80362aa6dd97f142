/** Configuration check: the accepted earlier upstream keys differ from the current key and from each other. */
import { upstreamKeySlug } from '../naming';
import { INITIAL_UPSTREAM_KEY } from '../schema';
import { duplicates } from './helpers';
import type { ConfigCheck } from './types';

/** Each accepted earlier upstream key is another key than the current one, listed once. */
export const upstreamKeysDistinct: ConfigCheck = ({ upstreamKeyRotation, upstreamKeysAccepted }) => {
  const labels = upstreamKeysAccepted ?? [];
  const current = upstreamKeySlug(upstreamKeyRotation ?? INITIAL_UPSTREAM_KEY);
  const isCurrent = (label: string | undefined): label is string => typeof label === 'string' && upstreamKeySlug(label) === current;
  return [
    ...labels.flatMap((label, index) =>
      isCurrent(label) ? [{ path: ['upstreamKeysAccepted', index], problem: 'the current key (upstreamKeyRotation), which is accepted anyway', received: label, accepted: 'the label of an earlier key' }] : [],
    ),
    ...duplicates(labels.map((label) => (typeof label === 'string' && !isCurrent(label) ? label : undefined)), upstreamKeySlug).map(({ index, value, first }) => ({
      path: ['upstreamKeysAccepted', index],
      problem: `the same key as upstreamKeysAccepted[${first}]`,
      received: value,
      accepted: 'each label once',
    })),
  ];
};
