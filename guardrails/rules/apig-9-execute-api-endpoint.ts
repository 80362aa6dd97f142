import { compliant, defineRule, nonCompliant } from '../rule';

/** Project rule: the default execute-api endpoint is off, so the API answers only on its domain. */
export const apigExecuteApiEndpoint = defineRule({
  id: 'AIGW-APIG-9',
  level: 'error',
  checkov: [],
  resourceTypes: ['aws_api_gateway_rest_api'],
  finding: 'A REST API still answers on its default execute-api endpoint.',
  explanation:
    'Every REST API also answers at https://<id>.execute-api.<region>.amazonaws.com, a second door that skips the custom domain and anything placed in front of it. Set disable_execute_api_endpoint = true so the API answers only on the custom domain Kong calls.',
  evaluate(api) {
    return api.values['disable_execute_api_endpoint'] === true ? compliant : nonCompliant('disable_execute_api_endpoint is not true');
  },
});
