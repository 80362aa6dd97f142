import { isExpression } from '../inspect';
import { defineRule, nonCompliant, notApplicable } from '../rule';

/** What each resource type would open, when it can reach a function. */
const ENTRY_POINTS: Record<string, string> = {
  aws_lambda_function_url: 'a function URL (an HTTPS endpoint of the function itself)',
  aws_apigatewayv2_api: 'an HTTP or WebSocket API',
  aws_apigatewayv2_integration: 'an HTTP or WebSocket API integration',
  aws_lb_target_group: 'a load balancer target group of functions',
  aws_alb_target_group: 'a load balancer target group of functions',
  aws_lambda_event_source_mapping: 'an event source that invokes a function',
};

/** Project rule: no way to a model function but the REST API behind Kong. */
export const lambdaEntryPoints = defineRule({
  id: 'AIGW-LMBD-9',
  level: 'error',
  checkov: [],
  resourceTypes: Object.keys(ENTRY_POINTS),
  finding: 'A function has an entry point other than the REST API behind Kong.',
  explanation:
    'Kong authenticates consumers, applies their ACLs and rate limits, and the REST API admits only Kong. A function URL, an HTTP or WebSocket API, a load balancer target or an event source mapping invokes the function without any of that (function URLs and HTTP APIs need no API key at all). Remove it; expose a model through a route of the configuration instead.',
  evaluate(resource) {
    if (resource.type.endsWith('_target_group')) {
      const targetType = resource.values['target_type'];
      if (isExpression(targetType)) return nonCompliant(`target_type is an expression (${targetType}); it may be lambda`);
      if (targetType !== 'lambda') return notApplicable;
    }
    return nonCompliant(`${resource.address} is ${ENTRY_POINTS[resource.type]}`);
  },
});
