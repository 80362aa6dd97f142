/**
 * How stacks, resources and hostnames are named. Config checks test these names against AWS and
 * DNS limits before anything is built, and constructs use the same functions to build them, so the
 * check and the output can never disagree.
 */
import type { AwsRegion } from '../aws/facts';

/** The kinds of stack an environment has besides its regions. */
export const STACK_KINDS = { global: 'global', control: 'control' } as const;

/** Names every stack and resource of one environment. */
export class Naming {
  constructor(
    /** The configured app name. */
    readonly app: string,
    /** The configured environment name. */
    readonly environment: string,
  ) {}

  /** `<app>-<env>`: the prefix of every name. */
  get prefix(): string {
    return `${this.app}-${this.environment}`;
  }

  /** The global stack: `<app>-<env>-global`. */
  get globalStack(): string {
    return `${this.prefix}-${STACK_KINDS.global}`;
  }

  /** The Kong control stack: `<app>-<env>-control`. */
  get controlStack(): string {
    return `${this.prefix}-${STACK_KINDS.control}`;
  }

  /** The Kong upstream spanning the regions; also the models service's host, so hostname-shaped. */
  get kongUpstream(): string {
    return `${this.prefix}-models.upstream`;
  }

  /** The Kong service in front of the regional model APIs. */
  get kongModelsService(): string {
    return `${this.prefix}-models`;
  }

  /** The Kong service of a streaming hosted model (same upstream, its own read timeout). */
  kongStreamService(model: string): string {
    return `${this.prefix}-stream-${model}`;
  }

  /** The Kong service of an external LLM model. */
  kongLlmService(model: string): string {
    return `${this.prefix}-llm-${model}`;
  }

  /** The Kong route of a model. */
  kongRoute(model: string): string {
    return `${this.prefix}-${model}`;
  }

  /** A region's stack: `<app>-<env>-<region>`. */
  regionStack(region: AwsRegion): string {
    return `${this.prefix}-${region}`;
  }

  /** A model's Lambda function (function names are regional): `<app>-<env>-<model>`. */
  functionName(model: string): string {
    return `${this.prefix}-${model}`;
  }

  /** A model function's IAM role. IAM is global, so the name carries the region. */
  functionRoleName(region: AwsRegion, model: string): string {
    return `${this.prefix}-${region}-${model}`;
  }

  /** The role API Gateway uses to write logs in one region. IAM is global, so it carries the region. */
  apiGatewayLogsRoleName(region: AwsRegion): string {
    return `${this.prefix}-${region}-apigw-logs`;
  }

  /** The token-budget table of one region (table names are regional). */
  get budgetTableName(): string {
    return `${this.prefix}-token-budgets`;
  }

  /** The CloudWatch dashboard of the environment. */
  get dashboardName(): string {
    return this.prefix;
  }

  /** A CloudWatch alarm of the environment (alarm names are regional). */
  alarmName(what: string): string {
    return `${this.prefix}-${what}`;
  }

  /** The REST API of one region (names are regional). */
  get restApiName(): string {
    return `${this.prefix}-models`;
  }

  /** The stage, named after the environment. */
  get stageName(): string {
    return this.environment;
  }
}

/** The hostname a region answers on: `<region>.<apiDomain>`. */
export function regionalHostname(region: AwsRegion, apiDomain: string): string {
  return `${region}.${apiDomain}`;
}

/**
 * An upstream key label as it appears in construct ids and output names: letters, digits and
 * hyphens (labels may hold . _ : too). Two labels with one slug name the same key.
 */
export function upstreamKeySlug(label: string): string {
  return label.replace(/[^A-Za-z0-9-]/g, '-').toLowerCase();
}
