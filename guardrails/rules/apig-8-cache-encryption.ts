import { block, isExpression, unevaluable } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** CKV_AWS_308: a response cache, when on, is encrypted. */
export const apigCacheEncryption = defineRule({
  id: 'AIGW-APIG-8',
  level: 'error',
  checkov: ['CKV_AWS_308'],
  resourceTypes: ['aws_api_gateway_method_settings'],
  finding: 'API Gateway caches responses unencrypted.',
  explanation:
    'A cache of model responses holds completions (and whatever they repeat of prompts); stored unencrypted, it widens who can read them. Set settings.cache_data_encrypted = true whenever caching_enabled is true.',
  evaluate(settings) {
    const values = block(settings.values, 'settings');
    for (const key of ['caching_enabled', 'cache_data_encrypted']) if (isExpression(values?.[key])) return unevaluable(`settings.${key}`, values![key] as string);
    if (values?.['caching_enabled'] !== true) return notApplicable;
    return values['cache_data_encrypted'] === true ? compliant : nonCompliant('caching_enabled without cache_data_encrypted');
  },
});
