/** Configuration check: every ACL group a consumer or model names is declared in kong.groups. */
import type { ConfigIssue } from '../../core/errors';
import type { ConfigCheck } from './types';

/** Groups are declared once in kong.groups; a consumer or model naming another one is a typo. */
export const knownGroups: ConfigCheck = ({ kong, models }) => {
  const declared = kong?.groups?.filter((g) => g !== undefined);
  if (!declared) return [];
  const unknown = (group: string | undefined, path: PropertyKey[]): ConfigIssue[] =>
    group === undefined || declared.includes(group)
      ? []
      : [{ path, problem: 'unknown group', received: group, accepted: `one of kong.groups: ${declared.join(', ')}` }];
  return [
    ...(kong?.consumers ?? []).flatMap((consumer, i) =>
      (consumer?.groups ?? []).flatMap((group, j) => unknown(group, ['kong', 'consumers', i, 'groups', j])),
    ),
    ...(models ?? []).flatMap((model, i) =>
      (model?.allowedGroups ?? []).flatMap((group, j) => unknown(group, ['models', i, 'allowedGroups', j])),
    ),
  ];
};
