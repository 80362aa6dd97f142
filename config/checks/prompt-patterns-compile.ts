/** Configuration check: prompt-guard patterns run in Kong as written. */
import { PROMPT_PATTERN_ACCEPTED, promptPatternProblem } from '../../kong/prompt-patterns';
import type { ConfigCheck } from './types';

/**
 * Prompt-guard patterns must run in Kong as they read here: the syntax PCRE and JavaScript share,
 * without exponential backtracking (kong/prompt-patterns.ts says why and cites Kong).
 */
export const promptPatternsCompile: ConfigCheck = ({ models }) =>
  (models ?? []).flatMap((model, i) => {
    if (model?.kind !== 'external-llm' || !model.promptGuard) return [];
    const guard = model.promptGuard;
    return (['allowPatterns', 'denyPatterns'] as const).flatMap((key) =>
      guard[key].flatMap((pattern, j) => {
        const problem = promptPatternProblem(pattern);
        return problem ? [{ path: ['models', i, 'promptGuard', key, j], problem, received: pattern, accepted: PROMPT_PATTERN_ACCEPTED }] : [];
      }),
    );
  });
