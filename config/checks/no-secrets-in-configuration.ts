/** Configuration check: no value or key of the file looks like a secret. */
import type { ConfigIssue } from '../../core/errors';
import { secretKind } from '../../core/secrets';
import type { ConfigCheck } from './types';

/**
 * No value of the file looks like a secret, in any field or key: the file is in git, and what it
 * holds can reach the synthesized output (tags, labels, names). The value is masked in the report.
 */
export const noSecretsInConfiguration: ConfigCheck = (config) => {
  const issues: ConfigIssue[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const kind = secretKind(value);
      if (kind) {
        issues.push({
          path,
          problem: `looks like ${kind}; a secret never goes in the configuration file (it is in git, and can reach the synthesized output)`,
          received: value,
          accepted: "no secret: consumer credentials are generated or read from a sensitive variable (credential: variable); LLM keys and the Redis password come from the Kong nodes' environment (kong-node.env names the variables)",
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        visit(key, [...path, key]);
        visit(inner, [...path, key]);
      }
    }
  };
  visit(config, []);
  return issues;
};
