/**
 * AWS facts that shape the design, in one typed place. Nothing else in the project spells a
 * region, an endpoint type, a runtime or a service limit as a literal.
 */

/**
 * Regions of the standard `aws` partition (from the AWS SDK's partitions.json, 2026).
 * China, GovCloud, ISO and the European Sovereign Cloud use other partitions (other ARN prefixes,
 * other DNS suffixes, no us-east-1) and are not supported.
 */
export const AWS_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const;

/** A region of the standard AWS partition. */
export type AwsRegion = (typeof AWS_REGIONS)[number];

/**
 * ACM certificates for EDGE custom domains must live in us-east-1, whatever region the API is in.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html
 */
export const EDGE_CERTIFICATE_REGION: AwsRegion = 'us-east-1';

/** The global stack holds the EDGE certificate, so it runs where that certificate must live. */
export const GLOBAL_STACK_REGION: AwsRegion = EDGE_CERTIFICATE_REGION;

/** API Gateway endpoint types this project deploys. PRIVATE needs a VPC endpoint and is not offered. */
export const ENDPOINT_TYPES = ['EDGE', 'REGIONAL'] as const;

/** An API Gateway endpoint type. */
export type EndpointType = (typeof ENDPOINT_TYPES)[number];

/** The minimum TLS policy for custom domains (checkov CKV_AWS_206). */
export const DOMAIN_SECURITY_POLICY = 'TLS_1_2';

/**
 * The Lambda runtime of every model host. nodejs20.x was deprecated on 2026-04-30.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
 */
export const LAMBDA_RUNTIME = 'nodejs22.x';

/** The esbuild target matching {@link LAMBDA_RUNTIME}. */
export const LAMBDA_NODE_TARGET = 'node22';

/** Graviton: about 20% cheaper per GB-second than x86_64, and the model host is pure JavaScript. */
export const LAMBDA_ARCHITECTURE = 'arm64';

/** IAM limits the configuration is checked against. */
export const IAM_LIMITS = {
  /** Role names: 1 to 64 characters. */
  maxRoleNameLength: 64,
} as const;

/** DNS limits for hostnames (RFC 1035). */
export const DNS_LIMITS = {
  maxLabelLength: 63,
  maxHostnameLength: 253,
} as const;

/** The retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/** AWS tag limits. */
export const TAG_LIMITS = {
  maxKeyLength: 128,
  maxValueLength: 256,
  /** Per resource; the project adds its own standard tags on top of the configured ones. */
  maxTagsPerResource: 50,
} as const;

/** The AWS-managed policy that lets API Gateway write execution and access logs. */
export const API_GATEWAY_CLOUDWATCH_POLICY_ARN =
  'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs';

/** Service principals the project's roles trust. */
export const SERVICE_PRINCIPALS = {
  lambda: 'lambda.amazonaws.com',
  apiGateway: 'apigateway.amazonaws.com',
} as const;

/** The log group Lambda writes a function's logs to. */
export function functionLogGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/**
 * API Gateway's CloudWatch metrics of a REST API: namespace AWS/ApiGateway, dimensions ApiName and
 * Stage; 5XXError counts server-side errors per request (1 or 0), so its Average is the error rate.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
 */
export const API_GATEWAY_METRICS = {
  namespace: 'AWS/ApiGateway',
  serverErrors: '5XXError',
  requests: 'Count',
  latency: 'Latency',
} as const;
