import { at } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_233: certificates are replaced create-before-destroy. */
export const acmReplacement = defineRule({
  id: 'AIGW-ACM-1',
  level: 'error',
  checkov: ['CKV_AWS_233'],
  resourceTypes: ['aws_acm_certificate'],
  finding: 'An ACM certificate is not replaced create-before-destroy.',
  explanation:
    'A certificate in use by a custom domain cannot be deleted first; Terraform then fails half-way, or (if it succeeds) every regional domain loses TLS until the new one is issued and validated. Set lifecycle { create_before_destroy = true }.',
  evaluate(certificate) {
    return at(certificate.values, 'lifecycle', 'create_before_destroy') === true ? compliant : nonCompliant('lifecycle.create_before_destroy is not true');
  },
});
