/** Configuration check: Kong's egress ranges are valid public ranges, each listed once. */
import { egressCidrProblem } from '../../aws/cidr';
import type { ConfigIssue } from '../../core/errors';
import { duplicates } from './helpers';
import type { ConfigCheck } from './types';

/** Kong's egress ranges must be real, public, canonical ranges, each once. */
export const egressCidrsValid: ConfigCheck = ({ kong }) => {
  const cidrs = kong?.egressCidrs ?? [];
  const issues: ConfigIssue[] = cidrs.flatMap((cidr, index) => {
    if (cidr === undefined) return [];
    const bad = egressCidrProblem(cidr);
    return bad ? [{ path: ['kong', 'egressCidrs', index], problem: bad.problem, received: cidr, accepted: bad.accepted }] : [];
  });
  issues.push(
    ...duplicates(cidrs).map(({ index, value, first }) => ({
      path: ['kong', 'egressCidrs', index],
      problem: `duplicate of kong.egressCidrs[${first}]`,
      received: value,
      accepted: 'each range listed once',
    })),
  );
  return issues;
};
