import { block, isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_234: certificate-transparency logging stays on. */
export const acmTransparencyLogging = defineRule({
  id: 'AIGW-ACM-2',
  level: 'error',
  checkov: ['CKV_AWS_234'],
  resourceTypes: ['aws_acm_certificate'],
  finding: 'An ACM certificate opts out of certificate-transparency logging.',
  explanation:
    'Browsers distrust certificates missing from the public CT logs, and the logs are how a mis-issued certificate for your domain gets noticed. Leave certificate_transparency_logging_preference at ENABLED.',
  evaluate(certificate) {
    const preference = block(certificate.values, 'options')?.['certificate_transparency_logging_preference'];
    if (isExpression(preference)) return unevaluable('certificate_transparency_logging_preference', preference);
    return preference === 'DISABLED'
      ? nonCompliant('certificate_transparency_logging_preference is DISABLED')
      : compliant;
  },
});
