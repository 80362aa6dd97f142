import { at } from '../inspect';
import { compliant, defineRule, nonCompliant } from '../rule';

/** CKV_AWS_217: deployments are replaced create-before-destroy. */
export const apigDeploymentReplacement = defineRule({
  id: 'AIGW-APIG-4',
  level: 'error',
  checkov: ['CKV_AWS_217'],
  resourceTypes: ['aws_api_gateway_deployment'],
  finding: 'An API Gateway deployment is not replaced create-before-destroy.',
  explanation:
    'A deployment is replaced whenever the API changes; destroying the old one first leaves the stage pointing at nothing and every request failing until the new one exists. Set lifecycle { create_before_destroy = true }.',
  evaluate(deployment) {
    return at(deployment.values, 'lifecycle', 'create_before_destroy') === true ? compliant : nonCompliant('lifecycle.create_before_destroy is not true');
  },
});
