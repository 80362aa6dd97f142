/** Configuration check: no two Kong consumers share a username. */
import { duplicates } from './helpers';
import type { ConfigCheck } from './types';

/** A username is a Kong consumer's identity: two entries would be one consumer configured twice. */
export const uniqueConsumers: ConfigCheck = ({ kong }) =>
  duplicates((kong?.consumers ?? []).map((c) => c?.username)).map(({ index, value, first }) => ({
    path: ['kong', 'consumers', index, 'username'],
    problem: `duplicate of kong.consumers[${first}].username`,
    received: value,
    accepted: 'a username no other consumer uses',
  }));
