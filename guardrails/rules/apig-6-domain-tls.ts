import { isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_206: custom domains require TLS 1.2 or newer. */
export const apigDomainTls = defineRule({
  id: 'AIGW-APIG-6',
  level: 'error',
  checkov: ['CKV_AWS_206'],
  resourceTypes: ['aws_api_gateway_domain_name'],
  finding: 'An API Gateway custom domain allows TLS older than 1.2.',
  explanation:
    'TLS 1.0 and 1.1 have known weaknesses and are refused by modern clients and compliance regimes; a domain that accepts them lets a downgrade expose keys and prompts in transit. Set security_policy = "TLS_1_2" (or a newer TLS 1.2+/1.3 policy).',
  evaluate(domain) {
    if (isExpression(domain.values['security_policy'])) return unevaluable('security_policy', domain.values['security_policy']);
    const policy = String(domain.values['security_policy'] ?? 'TLS_1_0');
    return /TLS_?1_?[23]|TLS13/.test(policy) ? compliant : nonCompliant(`security_policy is ${policy}`);
  },
});
