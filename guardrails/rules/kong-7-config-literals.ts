import { expressionContents } from '../expressions';
import { kongPluginConfig, secretLike, stringEntries } from '../inspect';

/** `aws_x.y.attr`, `var.x`, `data.x.y.z`, or one of those wrapped in sensitive(...). */
const REFERENCE_EXPRESSION = /^(?:sensitive\(\s*)?[A-Za-z_][\w-]*(?:\.[\w-]+)+(?:\s*\))?$/;
import { compliant, defineRule, nonCompliant } from '../rule';

/** Project rule: no template sequence and no secret written into a plugin's config_json. */
export const kongConfigLiterals = defineRule({
  id: 'AIGW-KONG-7',
  level: 'error',
  checkov: [],
  resourceTypes: ['kong_plugin'],
  finding: 'A Kong plugin config_json holds an unescaped ${ or a secret-looking literal.',
  explanation:
    'Terraform reads ${ (and %{) inside config_json as an interpolation, so a literal one either breaks the plan or pulls in a value nobody meant to; and a secret written as a literal sits in plain text in the synthesized JSON, in git and in state. Escape literal sequences ($${), and pass secrets as references to sensitive variables inside jsonencode(...).',
  evaluate(plugin) {
    const raw = String(plugin.values['config_json'] ?? '');
    if (raw.startsWith('${jsonencode(')) {
      const inner = raw.slice('${jsonencode('.length, -2);
      // Inside the jsonencode(...), every interpolation must be a reference, or sensitive(reference).
      const [, ...nested] = expressionContents(raw).expressions;
      if (nested.some((expression) => !REFERENCE_EXPRESSION.test(expression.trim()))) return nonCompliant('an interpolation that is not a reference');
      for (const match of inner.matchAll(/"([A-Za-z_]+)" = "((?:[^"\\]|\\.)*)"/g)) {
        const why = secretLike(match[1], match[2]);
        if (why) return nonCompliant(`${match[1]} ${why}`);
      }
      return compliant;
    }
    if (/(^|[^$])\$\{/.test(raw) || /(^|[^%])%\{/.test(raw)) return nonCompliant('an unescaped ${ or %{ in literal JSON');
    const config = kongPluginConfig(plugin);
    for (const [name, value] of stringEntries(config)) {
      const why = secretLike(name, value);
      if (why) return nonCompliant(`${name ?? 'a value'} ${why}`);
    }
    return compliant;
  },
});
