import { ApiGatewayAccountLogging } from '../../constructs/api-gateway-account-logging';
import { ModelFunction } from '../../constructs/model-function';
import { ModelHostCode } from '../../constructs/model-host-code';
import type { Construct } from 'constructs';
import { testConfig } from './config';

/** A model function as the region stack builds it, for constructs that take one. */
export function modelFunctionFixture(scope: Construct, name = 'sentiment', overrides: Record<string, unknown> = {}): ModelFunction {
  const config = testConfig({ models: [{ name, kind: 'sentiment', ...overrides }] });
  const code = new ModelHostCode(scope, `code-${name}`);
  return new ModelFunction(scope, `model-${name}`, {
    model: config.models[0]!,
    functionName: `aigw-test-${name}`,
    roleName: `aigw-test-us-east-1-${name}`,
    code,
    logRetentionDays: 14,
  });
}

/** The account-level logging setting the API's stage depends on. */
export function accountLoggingFixture(scope: Construct): ApiGatewayAccountLogging {
  return new ApiGatewayAccountLogging(scope, 'account-logging', { roleName: 'aigw-test-us-east-1-apigw-logs' });
}
