/**
 * Kong's side of the environment: consumers, groups and rate-limit tiers, how the nodes run, the
 * upstream spanning the regions, the connection to them, and CORS.
 */
import { z } from 'zod';
import { AWS_REGIONS } from '../../aws/facts';
import { tierBudgetSchema } from '../../contract/budgets';
import { hostnameSchema } from './hostname';

/**
 * A CORS origin Kong compares exactly: Kong 3.9.1 treats an `origins` entry with any character
 * outside `A-Za-z0-9.:/-` as a regular expression matched against the request's origin
 * (kong/plugins/cors/handler.lua:105-125 and :149), so `.*` matches every site, and a lone `null`
 * is sent back as Access-Control-Allow-Origin (:77-89). Only exact origins and `*` are written.
 */
const CORS_ORIGIN_PATTERN = /^(?:\*|https:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?|http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?)$/;

/** How Kong can run (Kong's `role` and `database` settings). */
export const KONG_MODES = ['traditional', 'hybrid', 'dbless'] as const;

/** An ACL group or rate-limit tier name. */
export const kongNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, {
  error: 'must be 1-32 lowercase letters, digits and hyphens, starting with a letter',
});

/** Requests allowed per period for one rate-limit tier (at least one period), and its budgets. */
const tierLimitsSchema = z
  .strictObject({
    second: z.int().min(1).optional(),
    minute: z.int().min(1).optional(),
    hour: z.int().min(1).optional(),
    day: z.int().min(1).optional(),
    budget: tierBudgetSchema.optional(),
  })
  .refine((t) => [t.second, t.minute, t.hour, t.day].some((v) => v !== undefined), {
    error: 'must set at least one of second, minute, hour, day',
  })
  .describe('Requests allowed per consumer per second / minute / hour / day (Kong), and token and dollar budgets (the model host).');

const millis = (description: string, fallback: number, max: number) =>
  z.int().min(1).max(max).default(fallback).describe(description);

/** Kong's side of the environment. */
export const kongSchema = z
  .strictObject({
    authentication: z
      .enum(['key-auth', 'basic-auth'])
      .default('key-auth')
      .describe('How consumers authenticate to Kong; the credential is hidden from the upstream.'),
    keyNames: z
      .array(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'must be a header name of letters, digits and hyphens' }))
      .min(1)
      .default(['apikey'])
      .describe('Headers key-auth reads the consumer key from (key-auth only).'),
    routeProtocols: z
      .array(z.enum(['https'], { error: 'must be https: over http the consumer key, prompts and answers travel in clear (guardrail AIGW-KONG-9)' }))
      .min(1)
      .default(['https'])
      .describe('Protocols clients may use to reach Kong: https only (with TLS ending at a load balancer, see kong.deployment.tlsTermination).'),
    groups: z.array(kongNameSchema).min(1).describe('The ACL groups; consumers belong to them and models allow them.'),
    tiers: z
      .record(kongNameSchema, tierLimitsSchema)
      .describe('Rate-limit tiers by name.'),
    defaultTier: kongNameSchema.describe('The tier of consumers that name none.'),
    deployment: z
      .strictObject({
        mode: z
          .enum(KONG_MODES)
          .default('traditional')
          .describe(
            'How Kong runs: traditional (each node with the database), hybrid (a control plane with the database, data planes without), or dbless (not supported: a DB-less node refuses Admin API writes).',
          ),
        nodes: z.int().min(1).max(1000).default(1).describe('How many Kong nodes proxy traffic (the data planes in hybrid mode).'),
        tlsTermination: z
          .enum(['kong', 'load-balancer'])
          .default('kong')
          .describe('Where client TLS ends: at Kong, or at a load balancer in front of it that forwards plain HTTP.'),
        loadBalancerCidrs: z
          .array(z.string())
          .min(1)
          .max(50)
          .optional()
          .describe("The load balancer's addresses (tlsTermination: load-balancer): Kong trusts their X-Forwarded-* headers."),
        trustedCaBundle: z
          .string()
          .regex(/^\/[\w./-]{1,200}$/, { error: 'must be an absolute path on the Kong nodes, e.g. /etc/ssl/certs/ca-certificates.crt' })
          .default('/etc/ssl/certs/ca-certificates.crt')
          .describe('The CA bundle on the Kong nodes their proxy verifies the regions and LLM providers against.'),
      })
      .prefault({})
      .describe('How the Kong nodes run; synth refuses what Kong would refuse there, and writes the node settings beside the control stack.'),
    rateLimiting: z
      .strictObject({
        policy: z
          .enum(['local', 'cluster', 'redis'])
          .default('local')
          .describe('Where Kong keeps counters: per node, in its database, or in Redis.'),
        redis: z
          .strictObject({
            host: hostnameSchema.describe("Redis host; with ssl it is also the TLS server name. The password, if any, comes from the Kong nodes' environment (see kong-node.env)."),
            port: z.int().min(1).max(65535).default(6379),
            ssl: z
              .literal(true, { error: 'must be true: the Redis password and every counter would cross the network in clear (guardrail AIGW-KONG-11)' })
              .default(true)
              .describe('TLS to Redis; always on.'),
            sslVerify: z
              .literal(true, { error: "must be true: without verification anyone answering on Redis's address gets the password (guardrail AIGW-KONG-11)" })
              .default(true)
              .describe("Verify Redis's certificate; always on."),
            database: z.int().min(0).max(15).default(0),
            timeoutMs: millis('Redis timeout in ms.', 2000, 60_000),
            requirePassword: z
              .boolean()
              .default(true)
              .describe("Whether Redis requires a password; Kong reads it from the nodes' environment (kong-node.env names the variable)."),
          })
          .optional()
          .describe('Redis connection, required when policy is redis.'),
        errorMessage: z
          .string()
          .min(1)
          .max(200)
          .default('Rate limit exceeded for your tier; retry after the time in the RateLimit-Reset header.')
          .describe('The message of the 429 answer.'),
      })
      .prefault({})
      .describe('How rate limits are counted and answered.'),
    consumers: z
      .array(
        z.strictObject({
          username: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, {
            error: 'must be 1-64 lowercase letters, digits and hyphens, starting with a letter',
          }),
          groups: z.array(kongNameSchema).min(1).describe('ACL groups of this consumer.'),
          tier: kongNameSchema.optional().describe('Rate-limit tier of this consumer. @default kong.defaultTier'),
          credential: z
            .enum(['generated', 'variable'])
            .default('generated')
            .describe('generated: Kong/Terraform makes the secret and a sensitive output carries it; variable: a sensitive variable supplies it.'),
        }),
      )
      .default([])
      .describe('API consumers. Credentials never appear here.'),
    upstream: z
      .strictObject({
        weights: z
          .partialRecord(z.enum(AWS_REGIONS), z.int().min(0).max(65535))
          .default({})
          .describe('Load-balancing weight per region (default 100 each; 0 drains a region).'),
        healthchecks: z
          .strictObject({
            active: z
              .strictObject({
                intervalSeconds: z.int().min(0).max(3600).default(10).describe('Probe interval; 0 turns active checks off.'),
                timeoutSeconds: z.int().min(1).max(60).default(2),
                concurrency: z.int().min(1).max(100).default(2),
                healthyThreshold: z.int().min(1).max(255).default(2).describe('Successful probes that mark a region healthy.'),
                unhealthyThreshold: z.int().min(1).max(255).default(3).describe('Failed probes (HTTP, TCP or timeouts) that mark it unhealthy.'),
              })
              .prefault({}),
            passive: z
              .strictObject({
                healthyThreshold: z.int().min(1).max(255).default(5).describe('Successful proxied responses that mark a region healthy again.'),
                unhealthyHttpFailures: z.int().min(1).max(255).default(5).describe('5xx responses that mark it unhealthy.'),
                unhealthyTimeouts: z.int().min(1).max(255).default(3).describe('Timeouts that mark it unhealthy.'),
              })
              .prefault({}),
          })
          .prefault({})
          .describe('Active probes of GET /health over HTTPS and passive checks of proxied traffic.'),
      })
      .prefault({})
      .describe('The upstream spanning the regions.'),
    service: z
      .strictObject({
        connectTimeoutMs: millis('TCP/TLS connect timeout to a region, in ms.', 5_000, 29_000),
        readTimeoutMs: millis('Read timeout, in ms; at most the 29 s API Gateway allows.', 29_000, 29_000),
        writeTimeoutMs: millis('Write timeout, in ms; at most the 29 s API Gateway allows.', 29_000, 29_000),
        retries: z.int().min(0).max(10).default(2).describe('Retries on connection failures and timeouts (to another region when one is down).'),
        tlsVerify: z
          .literal(true, { error: 'must be true: Kong adds the upstream and provider keys to requests it forwards, so it must know whom it talks to (guardrail AIGW-KONG-10)' })
          .default(true)
          .describe("Verify the regions' and the LLM providers' TLS certificates; always on."),
        tlsVerifyDepth: z
          .int()
          .min(1)
          .max(64)
          .default(3)
          .describe('How many intermediate certificates a verified chain may have (OpenSSL verify depth).'),
      })
      .prefault({})
      .describe("Kong's connection to the regions."),
    egressCidrs: z
      .array(z.string())
      .min(1)
      .max(50)
      .optional()
      .describe(
        "Public CIDR ranges Kong's traffic leaves from. When set, each regional API gets a resource policy that allows calls only from them and denies everything else.",
      ),
    cors: z
      .strictObject({
        origins: z
          .array(
            z.string().regex(CORS_ORIGIN_PATTERN, {
              error:
                'must be an exact origin (https://host, with an optional :port and no path; http only for localhost) or *: Kong reads any other text as a regular expression, so .* or null would let every site read the answers',
            }),
          )
          .min(1)
          .describe('Allowed origins, each exact, e.g. https://app.example.com; or * without credentials.'),
        headers: z
          .array(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'must be a header name of letters, digits and hyphens' }))
          .optional()
          .describe('Allowed request headers (default: content-type and the key headers).'),
        credentials: z.boolean().default(false),
        maxAgeSeconds: z.int().min(0).max(86_400).default(600),
      })
      .optional()
      .describe('CORS for browser clients; off when absent.'),
  })
  .describe('Kong, the control layer in front of every region.');
