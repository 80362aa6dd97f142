import { TerraformOutput } from 'cdktf';
import { ModelHostCode } from '../../constructs/model-host-code';
import { bundleModelHost } from '../../lib/bundle';
import { synthConstructs } from '../support/synth';

describe('ModelHostCode', () => {
  test('ships the model host bundle as a zip asset with a content-derived path', () => {
    const bundle = bundleModelHost('sentiment');
    const json = synthConstructs((scope) => {
      const code = new ModelHostCode(scope, 'code', { kind: 'sentiment', bundle });
      new TerraformOutput(scope, 'filename', { value: code.filename });
      new TerraformOutput(scope, 'hash', { value: code.sourceCodeHash });
    });
    const filename = json.output?.['filename']?.value as string;
    expect(filename).toMatch(/^assets\/code_archive_\w+\/[0-9A-F]{32}\/archive\.zip$/);
    // filebase64sha256 of the zip, not the asset's MD5 hash, which Lambda would never match.
    expect(json.output?.['hash']?.value).toBe(`\${filebase64sha256("${filename}")}`);
  });

  test('defaults to bundling its kind’s entry from lambda/', () => {
    const json = synthConstructs((scope) => {
      new TerraformOutput(scope, 'filename', { value: new ModelHostCode(scope, 'code', { kind: 'keywords' }).filename });
    });
    expect(json.output?.['filename']?.value).toMatch(/archive\.zip$/);
  });

  test('refuses a bundle of another kind', () => {
    expect(() => synthConstructs((scope) => new ModelHostCode(scope, 'code', { kind: 'entities', bundle: bundleModelHost('sentiment') }))).toThrow(
      'ModelHostCode: the bundle serves sentiment, not entities',
    );
  });
});
