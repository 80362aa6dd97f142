import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_115: each function has a real concurrency cap. */
export const lambdaConcurrency = defineRule({
  id: 'AIGW-LMBD-4',
  level: 'error',
  checkov: ['CKV_AWS_115'],
  resourceTypes: ['aws_lambda_function'],
  finding: 'A Lambda function has no reserved concurrency cap.',
  explanation:
    'Without a cap, one model under load (or abuse) can take the account’s whole concurrency and throttle every other function in the region, and run up cost without bound. Set reserved_concurrent_executions to a real number (not -1).',
  evaluate(fn) {
    const reserved = fn.values['reserved_concurrent_executions'];
    return typeof reserved === 'number' && reserved >= 0 ? compliant : nonCompliant(`reserved_concurrent_executions is ${String(reserved)}`);
  },
});
