/** Configuration check: the key-auth header names are free for consumer keys and distinct. */
import { reservedKeyHeader } from '../../kong/facts';
import { duplicates } from './helpers';
import type { ConfigCheck } from './types';

/** key-auth reads consumer keys from headers nobody else sets, each named once (header names ignore case). */
export const keyNamesAvailable: ConfigCheck = ({ kong }) => {
  const names = (kong?.keyNames ?? []).map((name) => (typeof name === 'string' ? name : undefined));
  const reserved = names.map((name) => (name === undefined ? undefined : reservedKeyHeader(name)));
  return [
    ...names.flatMap((name, index) =>
      reserved[index] ? [{ path: ['kong', 'keyNames', index], problem: `a header ${reserved[index]}; key-auth would remove it from requests (hide_credentials) or read what was put there`, received: name, accepted: 'a header of your own, such as apikey or x-consumer-key' }] : [],
    ),
    ...duplicates(names.map((name, index) => (reserved[index] ? undefined : name)), (name) => name.toLowerCase()).map(({ index, value, first }) => ({
      path: ['kong', 'keyNames', index],
      problem: `the same header as kong.keyNames[${first}] (header names ignore case)`,
      received: value,
      accepted: 'each header once',
    })),
  ];
};
