/**
 * What a secret looks like, whatever it is called, and how to show one without showing it: for
 * configuration validation (a secret in any field is refused), the guardrails (a secret-looking
 * literal anywhere in the output is a finding) and every message that echoes a value.
 */

/** Formats of values that are secrets wherever they appear. */
export const SECRET_VALUE_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['an AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['an AWS secret access key', /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['an OpenAI or Anthropic API key', /\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}/],
  ['a GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ['a Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ['a JSON Web Token', /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
];

/**
 * The kind of secret a value holds, or undefined. A 40-character run counts as an AWS secret
 * access key only when it mixes cases and digits, as those keys do (a 40-character lowercase hex
 * digest, a commit SHA, does not).
 */
export function secretKind(value: string): string | undefined {
  for (const [what, pattern] of SECRET_VALUE_PATTERNS) {
    const match = pattern.exec(value);
    if (!match) continue;
    if (what === 'an AWS secret access key' && !(/[a-z]/.test(match[0]) && /[A-Z]/.test(match[0]) && /\d/.test(match[0]))) continue;
    return what;
  }
  return undefined;
}

/** The first characters of a secret-looking value and its length, the rest masked. */
function mask(secret: string): string {
  return `${secret.slice(0, 4)}…(${secret.length} characters, masked)`;
}

/** Text with every secret-looking part masked, for messages and logs. */
export function maskSecrets(text: string): string {
  let out = text;
  for (const [what, pattern] of SECRET_VALUE_PATTERNS) {
    out = out.replace(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`), (found) =>
      what === 'an AWS secret access key' && !(/[a-z]/.test(found) && /[A-Z]/.test(found) && /\d/.test(found)) ? found : mask(found),
    );
  }
  return out;
}
