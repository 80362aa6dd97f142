import { block, secretLike } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** CKV_AWS_45: no secrets in Lambda environment variables. */
export const lambdaEnvironmentSecrets = defineRule({
  id: 'AIGW-LMBD-2',
  level: 'error',
  checkov: ['CKV_AWS_45'],
  resourceTypes: ['aws_lambda_function'],
  finding: 'A Lambda environment variable holds a secret-looking literal.',
  explanation:
    'Environment variables are shown in the console, returned by GetFunctionConfiguration to anyone with read access, and written in plain text into the synthesized Terraform and its state. Keep secrets in Secrets Manager or SSM (read at run time by the function’s role), never as literals in configuration.',
  evaluate(fn) {
    const variables = block(fn.values, 'environment')?.['variables'];
    if (!variables || typeof variables !== 'object') return notApplicable;
    for (const [name, value] of Object.entries(variables as Record<string, unknown>)) {
      const why = secretLike(name, value);
      if (why) return nonCompliant(`${name} ${why}`);
    }
    return compliant;
  },
});
