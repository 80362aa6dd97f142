import { LAMBDA_RUNTIME } from '../../aws/facts';
import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** Runtimes AWS has deprecated (or deprecates in 2026), which this project must not deploy. */
export const DEPRECATED_RUNTIMES = [
  'nodejs', 'nodejs4.3', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x', 'nodejs16.x', 'nodejs18.x', 'nodejs20.x',
  'python2.7', 'python3.6', 'python3.7', 'python3.8', 'python3.9',
  'java8', 'dotnetcore1.0', 'dotnetcore2.0', 'dotnetcore2.1', 'dotnetcore3.1', 'dotnet5.0', 'dotnet6', 'dotnet7',
  'ruby2.5', 'ruby2.7', 'ruby3.2', 'go1.x', 'provided',
] as const;

/** CKV_AWS_363 and the project's own: no deprecated runtime. */
export const lambdaRuntime = defineRule({
  id: 'AIGW-LMBD-1',
  level: 'error',
  checkov: ['CKV_AWS_363'],
  resourceTypes: ['aws_lambda_function'],
  finding: 'A Lambda function uses a deprecated runtime.',
  explanation: `Deprecated runtimes get no security patches, and AWS then blocks creating and updating functions on them, so a routine deploy starts failing. nodejs20.x was deprecated on 2026-04-30. Use ${LAMBDA_RUNTIME}.`,
  evaluate(fn) {
    if (isExpression(fn.values['runtime'])) return unevaluable('runtime', fn.values['runtime']);
    const runtime = String(fn.values['runtime'] ?? '');
    return (DEPRECATED_RUNTIMES as readonly string[]).includes(runtime) ? nonCompliant(`runtime is ${runtime}`) : compliant;
  },
});
