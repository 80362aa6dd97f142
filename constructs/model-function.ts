import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { Construct } from 'constructs';
import { MODEL_HOST_CONFIG_ENV, type HostConfigOf, type ModelHostConfig } from '../contract/model-host';
import { LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME, SERVICE_PRINCIPALS, type AwsRegion } from '../aws/facts';
import { bedrockInvokeStatements, type ResolvedBedrockModel } from '../aws/bedrock';
import { contradictoryProps, invalidProp } from '../core/errors';
import { LAMBDA_LIMITS } from '../contract/limits';
import { MODEL_HOST_HANDLER, MODEL_HOST_STREAM_HANDLER } from './model-host-bundle';
import { policyDocument, serviceTrustPolicy } from '../aws/iam-policy';
import type { ModelHostCode } from './model-host-code';
import type { TokenBudgetTable } from './token-budget-table';
import { functionLogGroupName } from '../aws/facts';

/** How a model function is sized. */
export interface FunctionSizing {
  /** Memory, in MB. */
  readonly memoryMb: number;
  /** Timeout, in seconds. */
  readonly timeoutSeconds: number;
  /** Reserved concurrency. @default unreserved */
  readonly reservedConcurrency?: number;
}

/** Properties of a {@link ModelFunction}. */
export interface ModelFunctionProps {
  /** The model to serve, as its host reads it (MODEL_HOST_CONFIG). */
  readonly model: ModelHostConfig;
  /** The function's memory, timeout and reserved concurrency. */
  readonly sizing: FunctionSizing;
  /** The Lambda function name (unique in the region). */
  readonly functionName: string;
  /** The IAM role name (unique in the account: IAM is global). */
  readonly roleName: string;
  /** The deployment package. */
  readonly code: ModelHostCode;
  /** Retention of the function's log group, in days. */
  readonly logRetentionDays: number;
  /** The function's region (scopes Bedrock permissions). */
  readonly region: AwsRegion;
  /** The account id, a reference; needed for Bedrock inference profiles only. @default none */
  readonly accountId?: string;
  /**
   * For a `bedrock-chat` model (required there, refused otherwise): its chain as invoked in this
   * region, primary first, then each fallback (`resolveBedrockModel`): the ids replace
   * `settings.modelId` and `settings.fallbacks.modelIds` in the host's configuration and scope the
   * role's Bedrock permissions. An id the chain already holds here is tried once.
   */
  readonly bedrockModels?: readonly ResolvedBedrockModel[];
  /**
   * The region's token-budget table, for a `bedrock-chat` model whose metering names it: the role
   * may update it (and no other table). @default no budget table
   */
  readonly budgetTable?: TokenBudgetTable;
}

/**
 * One model host: a Lambda function serving one model, its own IAM role and its own log group.
 *
 * The role trusts only lambda.amazonaws.com and may write only to this function's log group, plus
 * X-Ray segments (X-Ray's write actions have no resource types, so they take `*`); a Bedrock model's
 * role may also invoke exactly its configured model. Memory, timeout and reserved concurrency come
 * from the model's configuration; tracing is active; logs are JSON.
 */
export class ModelFunction extends Construct {
  /** The model this function serves. */
  readonly modelName: string;
  /** The function's log group, created before the function so Lambda never creates it unmanaged. */
  readonly logGroup: CloudwatchLogGroup;
  /** The execution role. */
  readonly role: IamRole;
  /** The role's only permissions. */
  readonly rolePolicy: IamRolePolicy;
  /** The function. */
  readonly function: LambdaFunction;
  /** Whether the function streams its answers (Lambda response streaming; `settings.streaming`). */
  readonly streams: boolean;
  /** The function's timeout, in seconds. */
  readonly timeoutSeconds: number;
  /** The function's region. */
  readonly region: AwsRegion;

  constructor(scope: Construct, id: string, props: ModelFunctionProps) {
    super(scope, id);
    const { model } = props;
    this.modelName = model.name;
    if (props.code.kind !== model.kind) {
      throw contradictoryProps('ModelFunction', `model ${model.name} is ${model.kind}, but its code serves ${props.code.kind}`);
    }
    const chain = [...new Map((props.bedrockModels ?? []).map((m) => [m.invokeId, m])).values()];
    if ((model.kind === 'bedrock-chat') !== (chain.length > 0)) {
      throw contradictoryProps('ModelFunction', `bedrockModels is for bedrock-chat models only, and required there (model ${model.name} is ${model.kind})`);
    }
    const elsewhere = chain.find((m) => m.region !== props.region);
    if (elsewhere) {
      throw contradictoryProps('ModelFunction', `bedrockModels holds ${elsewhere.invokeId} resolved for ${elsewhere.region}, but the function runs in ${props.region}`);
    }
    const streaming = model.kind === 'bedrock-chat' && model.streaming !== undefined;
    this.streams = streaming;
    this.timeoutSeconds = props.sizing.timeoutSeconds;
    this.region = props.region;
    const hostConfig: ModelHostConfig = model.kind === 'bedrock-chat' ? withChain(model, chain.map((m) => m.invokeId)) : model;
    const meteredTable = model.kind === 'bedrock-chat' ? model.metering?.table : undefined;
    if ((meteredTable !== undefined) !== (props.budgetTable !== undefined)) {
      throw contradictoryProps('ModelFunction', `budgetTable and the metering table of model ${model.name} go together (metering table: ${meteredTable ?? 'none'}; budgetTable: ${props.budgetTable ? 'given' : 'none'})`);
    }

    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: functionLogGroupName(props.functionName),
      retentionInDays: props.logRetentionDays,
    });

    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: `Runs the ${model.name} model host (${props.functionName}).`,
      assumeRolePolicy: serviceTrustPolicy(SERVICE_PRINCIPALS.lambda),
    });

    this.rolePolicy = new IamRolePolicy(this, 'role-policy', {
      role: this.role.name,
      name: 'model-host',
      policy: policyDocument([
        {
          Sid: 'WriteOwnLogs',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: `${this.logGroup.arn}:*`,
        },
        {
          Sid: 'WriteTraces',
          Effect: 'Allow',
          Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
          Resource: '*',
        },
        ...chain.flatMap((m, chainIndex) => bedrockInvokeStatements(m, { accountId: props.accountId, streaming, chainIndex })),
        ...(props.budgetTable ? [props.budgetTable.updateStatement()] : []),
      ]),
    });

    const environment = { [MODEL_HOST_CONFIG_ENV]: JSON.stringify(hostConfig) };
    const environmentBytes = Object.entries(environment).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    if (environmentBytes > LAMBDA_LIMITS.maxEnvironmentBytes) {
      throw invalidProp(
        'ModelFunction',
        `the environment of ${props.functionName}`,
        `${environmentBytes} bytes`,
        `at most ${LAMBDA_LIMITS.maxEnvironmentBytes} bytes (Lambda's limit): list fewer consumers outside the default tier, or shorten the model's settings`,
      );
    }

    this.function = new LambdaFunction(this, 'Resource', {
      functionName: props.functionName,
      description: `global-ai-gateway model host: ${model.name} (${model.kind})`,
      role: this.role.arn,
      runtime: LAMBDA_RUNTIME,
      architectures: [LAMBDA_ARCHITECTURE],
      // A streaming model's handler is wrapped with awslambda.streamifyResponse (lambda/entry.ts).
      handler: streaming ? MODEL_HOST_STREAM_HANDLER : MODEL_HOST_HANDLER,
      filename: props.code.filename,
      sourceCodeHash: props.code.sourceCodeHash,
      memorySize: props.sizing.memoryMb,
      timeout: props.sizing.timeoutSeconds,
      reservedConcurrentExecutions: props.sizing.reservedConcurrency,
      tracingConfig: { mode: 'Active' },
      loggingConfig: { logFormat: 'JSON', logGroup: this.logGroup.name },
      environment: { variables: environment },
      dependsOn: [this.logGroup, this.rolePolicy],
    });
  }

  /** The function name. */
  get functionName(): string {
    return this.function.functionName;
  }

  /** The ARN API Gateway invokes (for AWS_PROXY integrations). */
  get invokeArn(): string {
    return this.function.invokeArn;
  }
}

/** A chat model's host configuration with its chain as invoked in the function's region. */
function withChain(model: HostConfigOf<'bedrock-chat'>, invokeIds: readonly string[]): HostConfigOf<'bedrock-chat'> {
  const [modelId, ...fallbackIds] = invokeIds;
  const { fallbacks, ...settings } = model.settings;
  return {
    ...model,
    settings: { ...settings, modelId: modelId!, ...(fallbacks && fallbackIds.length ? { fallbacks: { ...fallbacks, modelIds: fallbackIds } } : {}) },
  };
}
