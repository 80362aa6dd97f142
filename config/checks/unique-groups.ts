/** Configuration check: each ACL group is declared once. */
import { duplicates } from './helpers';
import type { ConfigCheck } from './types';

/** Each group once. */
export const uniqueGroups: ConfigCheck = ({ kong }) =>
  duplicates(kong?.groups ?? []).map(({ index, value, first }) => ({
    path: ['kong', 'groups', index],
    problem: `duplicate of kong.groups[${first}]`,
    received: value,
    accepted: 'each group listed once',
  }));
