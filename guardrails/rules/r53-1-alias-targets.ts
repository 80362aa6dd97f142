import { block, isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** CKV2_AWS_23 and AWS's rule for CloudFront aliases. */
export const route53AliasTargets = defineRule({
  id: 'AIGW-R53-1',
  level: 'error',
  checkov: ['CKV2_AWS_23'],
  resourceTypes: ['aws_route53_record'],
  finding: 'An A/AAAA record points at a literal address or mis-evaluates a CloudFront alias.',
  explanation:
    'A record holding a literal IP dangles when that address is released and can be taken over; point A/AAAA records at the resource they serve with an alias. An alias to a CloudFront distribution (an EDGE domain) must set evaluate_target_health = false, or Route 53 rejects it.',
  evaluate(record) {
    if (isExpression(record.values['type'])) return unevaluable('type', record.values['type']);
    const type = String(record.values['type']);
    if (type !== 'A' && type !== 'AAAA') return notApplicable;
    const alias = block(record.values, 'alias');
    if (!alias) return nonCompliant('a literal address instead of an alias');
    if (/cloudfront/.test(String(alias['name'])) && alias['evaluate_target_health'] !== false) {
      return nonCompliant('a CloudFront alias with evaluate_target_health not false');
    }
    return compliant;
  },
});
