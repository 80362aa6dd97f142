/** Project rules: nothing reaches a Kong route ungoverned. One file per rule id below. */
import { kongPluginConfig, kongPluginsOfRoute } from './inspect';
import { compliant, defineRule, nonCompliant, type GuardrailRule } from './rule';

/** Builds a "every route has plugin X (on itself or its service)" rule. */
export function routePluginRule(options: {
  id: string;
  plugins: readonly string[];
  what: string;
  explanation: string;
  /** Extra condition on the plugin's configuration. */
  configOk?: (config: Record<string, unknown> | string) => string | undefined;
}): GuardrailRule {
  return defineRule({
    id: options.id,
    level: 'error',
    checkov: [],
    resourceTypes: ['kong_route'],
    finding: `A Kong route is not ${options.what}.`,
    explanation: options.explanation,
    evaluate(route, stack) {
      const plugins = kongPluginsOfRoute(route, stack).filter((p) => options.plugins.includes(String(p.values['name'])));
      if (plugins.length === 0) return nonCompliant(`no ${options.plugins.join(' or ')} plugin on the route or its service`);
      for (const plugin of plugins) {
        if (plugin.values['enabled'] === false) return nonCompliant(`${String(plugin.values['name'])} is disabled`);
        const problem = options.configOk?.(kongPluginConfig(plugin));
        if (problem) return nonCompliant(problem);
      }
      return compliant;
    },
  });
}
