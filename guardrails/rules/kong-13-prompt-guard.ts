import { promptPatternProblem } from '../../kong/prompt-patterns';
import { kongPluginConfig } from '../inspect';
import { compliant, defineRule, nonCompliant, notApplicable } from '../rule';

/** Project rule: Kong's prompt guard reads every message, and every pattern runs in Kong as written. */
export const kongPromptGuard = defineRule({
  id: 'AIGW-KONG-13',
  level: 'error',
  checkov: [],
  resourceTypes: ['kong_plugin'],
  finding: 'A Kong prompt guard is weaker than its patterns say.',
  explanation:
    'Kong 3.9.1’s ai-prompt-guard checks only user messages unless match_all_roles is true (kong/plugins/ai-prompt-guard/filters/guard-prompt.lua:53), so a denied phrase sent as a system or assistant message passes; allow_all_conversation_history would check only the latest message. A pattern PCRE cannot compile (foo\\1, [\\d-z]) or that backtracks past Kong’s match limit ((a+)+) makes Kong answer 500 to every request (guard-prompt.lua:84-88). Set match_all_roles = true and allow_all_conversation_history = false, and write patterns in the syntax PCRE and JavaScript share.',
  evaluate(plugin) {
    if (plugin.values['name'] !== 'ai-prompt-guard') return notApplicable;
    const config = kongPluginConfig(plugin);
    if (typeof config === 'string') return nonCompliant('config_json is an expression; write the prompt guard settings as literal JSON');
    if (config['match_all_roles'] !== true) return nonCompliant('match_all_roles is not true: only user messages are checked');
    if (config['allow_all_conversation_history'] !== false) return nonCompliant('allow_all_conversation_history is not false: only the latest message is checked');
    for (const key of ['allow_patterns', 'deny_patterns']) {
      const patterns = config[key];
      if (patterns === undefined || patterns === null) continue;
      if (!Array.isArray(patterns)) return nonCompliant(`${key} is not a list`);
      for (const pattern of patterns) {
        const problem = typeof pattern === 'string' ? promptPatternProblem(pattern) : 'not a string';
        if (problem) return nonCompliant(`${key} ${JSON.stringify(pattern)}: ${problem}`);
      }
    }
    return compliant;
  },
});
