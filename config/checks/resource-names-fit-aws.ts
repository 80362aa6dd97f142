/** Configuration check: the assembled Lambda function and IAM role names fit AWS's limits. */
import { IAM_LIMITS } from '../../aws/facts';
import { LAMBDA_LIMITS } from '../../contract/limits';
import type { ConfigIssue } from '../../core/errors';
import { Naming } from '../naming';
import { isHostedModel } from '../schema';
import { longestRegion } from './helpers';
import type { ConfigCheck } from './types';

/** Function and role names are assembled from app, environment, region and model; AWS caps them. */
export const resourceNamesFitAws: ConfigCheck = (config) => {
  if (config.app === undefined || config.environment === undefined) return [];
  const naming = new Naming(config.app, config.environment);
  const longest = longestRegion(config);
  const issues: ConfigIssue[] = [];
  (config.models ?? []).forEach((model, index) => {
    if (!model || !isHostedModel(model)) return;
    const functionName = naming.functionName(model.name);
    if (functionName.length > LAMBDA_LIMITS.maxFunctionNameLength) {
      issues.push({
        path: ['models', index, 'name'],
        problem: `the function name "${functionName}" would be ${functionName.length} characters`,
        received: model.name,
        accepted: `a name of at most ${LAMBDA_LIMITS.maxFunctionNameLength - naming.prefix.length - 1} characters with app "${config.app}" and environment "${config.environment}" (Lambda allows ${LAMBDA_LIMITS.maxFunctionNameLength})`,
      });
      return;
    }
    if (longest === undefined) return;
    const roleName = naming.functionRoleName(longest, model.name);
    if (roleName.length > IAM_LIMITS.maxRoleNameLength) {
      issues.push({
        path: ['models', index, 'name'],
        problem: `the IAM role name "${roleName}" would be ${roleName.length} characters`,
        received: model.name,
        accepted: `a name of at most ${IAM_LIMITS.maxRoleNameLength - naming.functionRoleName(longest, '').length} characters with region ${longest} (IAM allows ${IAM_LIMITS.maxRoleNameLength})`,
      });
    }
  });
  return issues;
};
