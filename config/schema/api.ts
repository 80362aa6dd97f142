/**
 * The regional APIs: where they are published (the hosted zone, the API domain and the EDGE
 * certificate), their endpoint type, and their throttling.
 */
import { z } from 'zod';
import { ENDPOINT_TYPES } from '../../aws/facts';
import { API_GATEWAY_LIMITS } from '../../contract/limits';
import { hostnameSchema } from './hostname';

/** The hosted zone, the API domain and the EDGE certificate. */
export const dnsSchema = z
  .strictObject({
    zoneName: hostnameSchema.describe('The existing public Route 53 hosted zone, e.g. "example.com".'),
    apiDomain: hostnameSchema.describe(
      'The API domain inside the zone; each region answers at "<region>.<apiDomain>".',
    ),
    edgeCertificate: z
      .strictObject({
        generation: z
          .int()
          .min(1)
          .max(1000)
          .default(1)
          .describe('The certificate generation the regions use. Raise it to replace the EDGE certificate (README: Replacing the EDGE certificate).'),
        retireBelow: z
          .int()
          .min(1)
          .max(1000)
          .default(1)
          .describe(
            'Generations below this number are deleted; those from it up to the current one are kept, unchanged, because regions that have not deployed since may still use them. Raise it once every region runs on the current generation.',
          ),
        preventDestroy: z
          .boolean()
          .default(true)
          .describe("Terraform refuses any plan that would destroy the current generation's certificate (which every region uses). Set false only to tear the environment down."),
      })
      .prefault({})
      .describe('The EDGE certificate in us-east-1, shared by every region (EDGE endpoints only).'),
  })
  .describe('Where the regional APIs are published.');

/** How API Gateway serves each region. */
export const endpointTypeSchema = z
  .enum(ENDPOINT_TYPES)
  .default('EDGE')
  .describe(
    'API Gateway endpoint type. EDGE (default) fronts each region with CloudFront; REGIONAL serves from the region itself with a certificate per region.',
  );

/** API Gateway throttling, the same in every region. */
export const throttlingSchema = z
  .strictObject({
    rateLimit: z
      .number()
      .min(1)
      .max(API_GATEWAY_LIMITS.maxRateLimit)
      .default(100)
      .describe('Steady-state requests per second per region.'),
    burstLimit: z
      .int()
      .min(1)
      .max(API_GATEWAY_LIMITS.maxBurstLimit)
      .default(200)
      .describe('Burst capacity in requests per region.'),
  })
  .prefault({})
  .describe('Stage and usage-plan throttling, applied in every region.');
