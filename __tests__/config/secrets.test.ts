import { formatConfigIssue, formatValue } from '../../core/errors';
import { validateConfigDocument } from '../../config/validate';
import { maskSecrets, secretKind } from '../../core/secrets';
import { configDocument } from '../support/config';

const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const OPENAI_KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz123456';

function report(doc: Record<string, unknown>): string {
  return validateConfigDocument(doc).issues.map((issue) => formatConfigIssue('f.yaml', issue).trim()).join('\n');
}

describe('secrets in the configuration', () => {
  test('an AWS key pair in tags is refused, and the report shows neither key', () => {
    const text = report(configDocument({ tags: { 'access-key': ACCESS_KEY, 'secret-key': SECRET_KEY } }));
    expect(text).toContain('tags.access-key: looks like an AWS access key id; a secret never goes in the configuration file');
    expect(text).toContain('tags.secret-key: looks like an AWS secret access key');
    expect(text).toContain('received "AKIA…(20 characters, masked)"');
    expect(text).not.toContain(ACCESS_KEY);
    expect(text).not.toContain(SECRET_KEY);
  });

  test('an API key where a label goes is refused, masked, even when the field refuses it for its shape too', () => {
    const text = report(configDocument({ upstreamKeyRotation: OPENAI_KEY }));
    expect(text).toMatch(/upstreamKeyRotation/);
    expect(text).not.toContain(OPENAI_KEY);
    expect(text).toContain('sk-p…(');
  });

  test('ordinary values pass: hashes, ids and prose are not secrets', () => {
    for (const value of ['b724fc7154de3a9971e33490097d5ea2c1bae93b', 'platform-team', 'aigw-dev-us-east-1', 'Slow down, please.']) expect(secretKind(value)).toBeUndefined();
    expect(report(configDocument({ tags: { commit: 'b724fc7154de3a9971e33490097d5ea2c1bae93b' } }))).toBe('');
  });

  test('every message that shows a value masks what looks like a secret', () => {
    expect(formatValue(`key=${OPENAI_KEY}`)).toBe('"key=sk-p…(40 characters, masked)"');
    expect(formatValue({ nested: [ACCESS_KEY] })).toBe('{"nested":["AKIA…(20 characters, masked)"]}');
    expect(maskSecrets(`${SECRET_KEY} and ${ACCESS_KEY}`)).toBe('wJal…(40 characters, masked) and AKIA…(20 characters, masked)');
  });
});
