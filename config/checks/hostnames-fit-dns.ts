/** Configuration check: every regional hostname fits the DNS length limit. */
import { DNS_LIMITS } from '../../aws/facts';
import type { ConfigIssue } from '../../core/errors';
import { regionalHostname } from '../naming';
import { longestRegion } from './helpers';
import type { ConfigCheck } from './types';

/** `<region>.<apiDomain>` must fit DNS limits for every region. */
export const hostnamesFitDns: ConfigCheck = (config) => {
  const issues: ConfigIssue[] = [];
  const longest = longestRegion(config);
  const apiDomain = config.dns?.apiDomain;
  if (longest === undefined || apiDomain === undefined) return issues;
  const hostname = regionalHostname(longest, apiDomain);
  if (hostname.length > DNS_LIMITS.maxHostnameLength) {
    issues.push({
      path: ['dns', 'apiDomain'],
      problem: `the regional hostname "${hostname.slice(0, 40)}..." would be ${hostname.length} characters`,
      received: apiDomain,
      accepted: `an API domain of at most ${DNS_LIMITS.maxHostnameLength - longest.length - 1} characters, so that "<region>.<apiDomain>" stays within ${DNS_LIMITS.maxHostnameLength}`,
    });
  }
  return issues;
};
