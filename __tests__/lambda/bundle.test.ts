import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { MODEL_HOST_CONFIG_ENV } from '../../lambda/contract';
import { bundleModelHost, MODEL_HOST_HANDLER } from '../../lib/bundle';
import { proxyEvent } from '../support/events';

/** Loads the bundle in a fresh Node process, as Lambda does, and invokes its handler once. */
function invokeBundle(directory: string, env: Record<string, string>, event: unknown): { statusCode: number; body: string } {
  const [file, exported] = MODEL_HOST_HANDLER.split('.');
  const script = `
    const mod = require(${JSON.stringify(path.join(directory, `${file}.js`))});
    mod[${JSON.stringify(exported)}](JSON.parse(process.argv[1]), { awsRequestId: 'ctx' })
      .then((r) => process.stdout.write('\\n@@' + JSON.stringify(r)));`;
  const out = execFileSync(process.execPath, ['-e', script, JSON.stringify(event)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out.slice(out.lastIndexOf('@@') + 2)) as { statusCode: number; body: string };
}

describe('the bundled model host (what Lambda runs)', () => {
  const bundle = bundleModelHost();

  test('is one self-contained index.js that needs nothing from node_modules', () => {
    expect(fs.readdirSync(bundle.directory)).toEqual(['index.js']);
    const source = fs.readFileSync(path.join(bundle.directory, 'index.js'), 'utf8');
    expect(source).not.toMatch(/require\(["'](zod|wink-nlp|wink-eng-lite-web-model)["']\)/);
  });

  test('answers a prediction when configured through its environment', () => {
    const response = invokeBundle(
      bundle.directory,
      { [MODEL_HOST_CONFIG_ENV]: JSON.stringify({ name: 'sentiment', kind: 'sentiment' }) },
      proxyEvent({ body: JSON.stringify({ inputs: ['I love it', 'I hate it'] }) }),
    );
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      model: 'sentiment',
      requestId: 'req-0001',
      results: [{ label: 'positive' }, { label: 'negative' }],
    });
  });

  test('answers 500 misconfigured, not a crash, when its environment is missing', () => {
    const response = invokeBundle(bundle.directory, {}, proxyEvent());
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body).error.code).toBe('misconfigured');
  });

  test('is reproducible: same content, same pinned mtime', () => {
    const stat = fs.statSync(path.join(bundle.directory, 'index.js'));
    expect(stat.mtime.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(path.basename(bundle.directory)).toBe(bundle.sha256.slice(0, 16));
  });
});
