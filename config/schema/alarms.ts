/** The thresholds of the CloudWatch alarms every region gets. */
import { z } from 'zod';
import { AWS_REGIONS } from '../../aws/facts';

/** An SNS topic's ARN in the standard partition. */
const SNS_TOPIC_ARN = /^arn:aws:sns:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):([A-Za-z0-9_-]{1,256})$/;

/** Alarm thresholds. */
export const alarmsSchema = z
  .strictObject({
    budgetBurnPercent: z
      .number()
      .min(1)
      .max(100)
      .default(80)
      .describe("Alarm when a consumer of a tier with a daily budget has used this much of it (per region, of that region's share)."),
    errorRatePercent: z
      .number()
      .min(0.1)
      .max(100)
      .default(5)
      .describe("Alarm when this share of a region's API responses are 5xx, in 3 of 5 minutes."),
    notify: z
      .partialRecord(
        z.enum(AWS_REGIONS),
        z.string().regex(SNS_TOPIC_ARN, { error: 'must be an SNS topic ARN, arn:aws:sns:<region>:<account>:<name>' }),
      )
      .default({})
      .describe("The SNS topic each region's alarms notify when they go into and out of alarm (an alarm notifies only a topic in its own region). Regions left out are not notified."),
  })
  .prefault({})
  .describe('CloudWatch alarms in every region: budget burn per tier, and the API error rate. They show on the dashboard, and notify the topics in alarms.notify.');

/** The region an SNS topic ARN names. */
export function topicRegion(arn: string): string | undefined {
  return SNS_TOPIC_ARN.exec(arn)?.[1];
}
