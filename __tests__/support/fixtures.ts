import { resolveBedrockModel } from '../../aws/bedrock';
import { modelChain } from '../../contract/chat';
import { ApiGatewayAccountLogging } from '../../constructs/api-gateway-account-logging';
import { ModelApi } from '../../constructs/model-api';
import { ModelFunction } from '../../constructs/model-function';
import { ModelHostCode } from '../../constructs/model-host-code';
import type { TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import type { ApiDeploymentRegistry } from '../../constructs/api-stage';
import type { EndpointType } from '../../aws/facts';
import { hostConfigOf } from '../../config/host-config';
import { isHostedModel } from '../../config/schema';
import { modelDocument, testConfig } from './config';

/** A model function as the region stack builds it, for constructs that take one. */
export function modelFunctionFixture(scope: Construct, name = 'sentiment', overrides: Record<string, unknown> = {}): ModelFunction {
  const model = testConfig({ models: [modelDocument({ name, ...overrides })] }).models.filter(isHostedModel)[0]!;
  const code = new ModelHostCode(scope, `code-${name}`, { kind: model.kind });
  return new ModelFunction(scope, `model-${name}`, {
    model: hostConfigOf(model),
    sizing: model,
    functionName: `aigw-test-${name}`,
    roleName: `aigw-test-us-east-1-${name}`,
    code,
    logRetentionDays: 14,
    region: 'us-east-1',
    // A chat model's chain as invoked in us-east-1 (the test models are served in-Region there).
    bedrockModels:
      model.kind === 'bedrock-chat'
        ? modelChain(model.settings).map((id) => {
            const resolution = resolveBedrockModel(id, 'us-east-1', model.crossRegionInference);
            if ('problem' in resolution) throw new Error(resolution.problem);
            return resolution.model;
          })
        : undefined,
  });
}

/** The account-level logging setting the API's stage depends on. */
export function accountLoggingFixture(scope: Construct): ApiGatewayAccountLogging {
  return new ApiGatewayAccountLogging(scope, 'account-logging', { roleName: 'aigw-test-us-east-1-apigw-logs' });
}

/** A REST API as the region stack builds it, serving the given functions (default: one model). */
export function modelApiFixture(
  scope: Construct,
  options: { functions?: ModelFunction[]; endpointType?: EndpointType; allowedSourceCidrs?: string[] } = {},
): ModelApi {
  return new ModelApi(scope, 'api', {
    name: 'aigw-test-models',
    endpointType: options.endpointType ?? 'EDGE',
    modelFunctions: options.functions ?? [modelFunctionFixture(scope)],
    stageName: 'test',
    throttling: { rateLimit: 10, burstLimit: 20 },
    logRetentionDays: 7,
    accountLogging: accountLoggingFixture(scope),
    allowedSourceCidrs: options.allowedSourceCidrs,
  });
}

/** A deployment registry that records what registers with it, for constructs that take one. */
export function recordingDeployment(): ApiDeploymentRegistry & { readonly parts: TerraformResource[] } {
  const parts: TerraformResource[] = [];
  return { parts, addToDeployment: (...added) => parts.push(...added) };
}
