import { Password } from '@cdktf/provider-random/lib/password';
import { TerraformOutput } from 'cdktf';
import { UpstreamApiKey } from '../../constructs/upstream-api-key';
import { synthConstructs, synthConstructsText } from '../support/synth';

describe('UpstreamApiKey', () => {
  test('generates a 40-character alphanumeric key by default', () => {
    const synthesized = synthConstructsText((scope) => {
      new UpstreamApiKey(scope, 'key');
    });
    expect(synthesized).toHaveResourceWithProperties(Password, { length: 40, special: false });
  });

  test('exposes the value as a reference to the generated result, never a literal', () => {
    const json = synthConstructs((scope) => {
      const key = new UpstreamApiKey(scope, 'key', { length: 24 });
      new TerraformOutput(scope, 'value', { value: key.value, sensitive: true });
    });
    expect(json.output?.['value']?.value).toMatch(/^\$\{random_password\.key_\w+\.result\}$/);
    expect(Object.values(json.resource?.['random_password'] ?? {})[0]).toMatchObject({ length: 24 });
  });

  test.each([19, 129, 30.5])('rejects length %p (API Gateway needs at least 20 characters)', (length) => {
    expect(() => synthConstructsText((scope) => new UpstreamApiKey(scope, 'key', { length }))).toThrow(
      `UpstreamApiKey: length is ${length}; accepted: an integer from 20 to 128`,
    );
  });
});
