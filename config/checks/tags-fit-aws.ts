/** Configuration check: the tags leave the project's own keys alone and fit AWS's per-resource limit. */
import { TAG_LIMITS } from '../../aws/facts';
import type { ConfigIssue } from '../../core/errors';
import { STANDARD_TAG_KEYS } from '../tags';
import type { ConfigCheck } from './types';

/** The project's own tags are not the user's to set, and AWS allows 50 tags per resource. */
export const tagsFitAws: ConfigCheck = (config) => {
  const issues: ConfigIssue[] = [];
  const keys = Object.keys(config.tags ?? {});
  for (const key of keys) {
    if ((STANDARD_TAG_KEYS as readonly string[]).includes(key.toLowerCase())) {
      issues.push({
        path: ['tags', key],
        problem: 'reserved tag key (the project sets it on every resource)',
        received: key,
        accepted: `any key except ${STANDARD_TAG_KEYS.join(', ')}`,
      });
    }
  }
  const max = TAG_LIMITS.maxTagsPerResource - STANDARD_TAG_KEYS.length;
  if (keys.length > max) {
    issues.push({
      path: ['tags'],
      problem: `${keys.length} tags`,
      accepted: `at most ${max} tags (AWS allows ${TAG_LIMITS.maxTagsPerResource} per resource and the project sets ${STANDARD_TAG_KEYS.length})`,
    });
  }
  return issues;
};
