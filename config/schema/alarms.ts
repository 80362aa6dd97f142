/** The thresholds of the CloudWatch alarms every region gets. */
import { z } from 'zod';

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
  })
  .prefault({})
  .describe('CloudWatch alarms in every region: budget burn per tier, and the API error rate. They show on the dashboard; they notify no one until you add actions.');
