/**
 * Jest's TypeScript transform: esbuild's `transformSync`, file by file, to CommonJS. Type checking
 * is not its job: `npm test` runs `tsc` once over the whole project before jest starts. esbuild is
 * already the project's bundler, so this adds no dependency; it transpiles a file in well under a
 * millisecond where ts-jest loads the TypeScript compiler into every worker.
 *
 * (No test uses `jest.mock`, which needs a transform that hoists it; add babel-jest's hoisting or
 * go back to ts-jest before writing one.)
 */
'use strict';
const { createHash } = require('crypto');
const { transformSync, version } = require('esbuild');

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: filename.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: `node${process.versions.node.split('.')[0]}`,
      sourcefile: filename,
      sourcemap: 'external',
      sourcesContent: false,
    });
    return { code: result.code, map: result.map };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(`esbuild ${version}\0${filename}\0`).update(source).digest('hex');
  },
};
