/** Configuration check: each region's alarm topic is in that region, and the region is configured. */
import type { ConfigIssue } from '../../core/errors';
import { topicRegion } from '../schema/alarms';
import type { ConfigCheck } from './types';

/**
 * An alarm's actions must be in its region: "Cross-Region functionality is not supported for
 * alarms" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Cross-Account-Cross-Region.html),
 * and a topic for a region this environment does not deploy to would notify nothing.
 */
export const alarmTopicsInRegion: ConfigCheck = ({ alarms, regions }) => {
  const configured = (regions ?? []).filter((r) => r !== undefined);
  const issues: ConfigIssue[] = [];
  for (const [region, arn] of Object.entries(alarms?.notify ?? {})) {
    if (arn === undefined) continue;
    if (configured.length && !configured.includes(region as (typeof configured)[number])) {
      issues.push({ path: ['alarms', 'notify', region], problem: 'a region this environment does not deploy to', accepted: `one of regions: ${configured.join(', ')}` });
    } else if (topicRegion(arn) !== region) {
      issues.push({ path: ['alarms', 'notify', region], problem: `a topic in ${topicRegion(arn)}, but alarms notify only topics in their own region`, received: arn, accepted: `an SNS topic in ${region}` });
    }
  }
  return issues;
};
