import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { ModelHostCode } from '../../constructs/model-host-code';
import { modelHostPackage } from '../../constructs/model-host-bundle';
import { synthConstructs } from '../support/synth';

describe('ModelHostCode', () => {
  test('ships the package as a file asset whose path and source_code_hash come from the zip’s bytes', () => {
    const pkg = modelHostPackage('sentiment');
    const json = synthConstructs((scope) => {
      const code = new ModelHostCode(scope, 'code', { kind: 'sentiment', package: pkg });
      new TerraformOutput(scope, 'filename', { value: code.filename });
      new TerraformOutput(scope, 'hash', { value: code.sourceCodeHash });
    });
    const filename = json.output?.['filename']?.value as string;
    expect(filename).toBe(`assets/code_archive_${filename.split('/')[1]!.split('_').pop()}/${pkg.sha256.slice(0, 32).toUpperCase()}/${path.basename(pkg.zipPath)}`);
    expect(filename).toMatch(/^assets\/code_archive_[0-9A-F]{8}\/[0-9A-F]{32}\/sentiment-[0-9a-f]{16}\.zip$/);
    // The literal base64 SHA-256 Lambda reports as CodeSha256: no filebase64sha256() for Terraform to evaluate.
    const zip = fs.readFileSync(pkg.zipPath);
    expect(json.output?.['hash']?.value).toBe(createHash('sha256').update(zip).digest('base64'));
  });

  test('copies the zip into the stack’s output unchanged', () => {
    const pkg = modelHostPackage('sentiment');
    const outdir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'aigw-code-'));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 's');
      const code = new ModelHostCode(stack, 'code', { kind: 'sentiment', package: pkg });
      app.synth();
      const shipped = fs.readFileSync(path.join(outdir, 'stacks', 's', code.filename));
      expect(createHash('sha256').update(shipped).digest('hex')).toBe(pkg.sha256);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('defaults to its kind’s package from the build cache', () => {
    const json = synthConstructs((scope) => {
      new TerraformOutput(scope, 'hash', { value: new ModelHostCode(scope, 'code', { kind: 'keywords' }).sourceCodeHash });
    });
    expect(json.output?.['hash']?.value).toBe(modelHostPackage('keywords').sourceCodeHash);
  });

  test('refuses a package of another kind', () => {
    expect(() => synthConstructs((scope) => new ModelHostCode(scope, 'code', { kind: 'entities', package: modelHostPackage('sentiment') }))).toThrow(
      'ModelHostCode: the package serves sentiment, not entities',
    );
  });
});
