import { at } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_237: REST APIs are replaced create-before-destroy. */
export const apigRestApiReplacement = defineRule({
  id: 'AIGW-APIG-5',
  level: 'error',
  checkov: ['CKV_AWS_237'],
  resourceTypes: ['aws_api_gateway_rest_api'],
  finding: 'An API Gateway REST API is not replaced create-before-destroy.',
  explanation:
    'Replacing a REST API (for example when its endpoint type changes) destroys it first by default, taking the region offline until the new API, deployment, stage and domain mapping exist. Set lifecycle { create_before_destroy = true }.',
  evaluate(api) {
    return at(api.values, 'lifecycle', 'create_before_destroy') === true ? compliant : nonCompliant('lifecycle.create_before_destroy is not true');
  },
});
