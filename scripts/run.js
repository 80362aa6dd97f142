#!/usr/bin/env node
/**
 * Runs a TypeScript entry point of this project as compiled JavaScript:
 *
 *   node scripts/run.js <entry.ts> [args...]
 *   node scripts/run.js --prepare <entry.ts>...   (builds what is stale, runs nothing)
 *
 * The entry is bundled by esbuild into `.build/app/<entry>.js` (dependencies included, so Node
 * loads one file instead of hundreds), and reused until one of the files it was built from
 * changes: every input esbuild reported is recorded with its size and mtime, and checked before
 * each run. cdktf.json's `app` and the npm scripts start the project this way, so a synth of an
 * unchanged tree compiles nothing and transpiles nothing.
 *
 * Plain JavaScript on purpose: it is what runs before anything is compiled.
 */
'use strict';
const fs = require('fs');
const path = require('path');

/** Bumped when the build settings below change, so older outputs are rebuilt. */
const LAUNCHER_VERSION = 2;
const ROOT = path.resolve(__dirname, '..');
const BUILD_DIR = process.env.GATEWAY_BUILD_DIR ? path.resolve(process.env.GATEWAY_BUILD_DIR) : path.join(ROOT, '.build');
const OUT_DIR = path.join(BUILD_DIR, 'app');

/**
 * Packages that cannot be bundled (esbuild runs its own native binary), loaded from the project's
 * node_modules by absolute path, so the compiled file works wherever the build directory is.
 */
const EXTERNAL = ['esbuild'];
const externalPlugin = {
  name: 'project-externals',
  setup(build) {
    const filter = new RegExp(`^(${EXTERNAL.join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: require.resolve(args.path, { paths: [ROOT] }), external: true }));
  },
};

function fail(message) {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

function outputName(entry) {
  return path.relative(ROOT, entry).replace(/\.ts$/, '').split(path.sep).join('__');
}

/**
 * Files that decide the output besides those esbuild reads: the lockfile (dependency and esbuild
 * versions), tsconfig.json (path aliases) and this launcher.
 */
const ALWAYS_INPUTS = ['package-lock.json', 'tsconfig.json', path.relative(ROOT, __filename)];

/** The recorded inputs still match the files on disk. */
function isFresh(recordFile) {
  let record;
  try {
    record = JSON.parse(fs.readFileSync(recordFile, 'utf8'));
  } catch {
    return false;
  }
  if (record.launcher !== LAUNCHER_VERSION || record.node !== process.version || record.root !== ROOT || !Array.isArray(record.inputs)) return false;
  for (const [file, size, mtimeMs] of record.inputs) {
    let stat;
    try {
      stat = fs.statSync(path.join(ROOT, file));
    } catch {
      return false;
    }
    if (stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/** Compiles `entry` to `outfile`; returns the record of what it was built from. */
async function build(entry, outfile) {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    fail('esbuild is not installed. Run `npm ci` first.');
  }
  const started = Date.now();
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      format: 'cjs',
      plugins: [externalPlugin],
      // Not minified, so a bug's stack trace names the functions and esbuild's `// <file>.ts`
      // comments say where each came from. No source map: it costs a third of the compile.
      metafile: true,
      write: true,
      logLevel: 'silent',
    });
  } catch (err) {
    esbuild.stop();
    const errors = (err && err.errors) || [];
    const lines = errors.map((e) => `  ${e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : ''}${e.text}`);
    fail(`Could not compile ${path.relative(ROOT, entry)}:\n${lines.join('\n') || String(err)}\nFix the errors above and run again.`);
  }
  esbuild.stop();
  const inputs = [...new Set([...ALWAYS_INPUTS, ...Object.keys(result.metafile.inputs)])]
    .filter((file) => !file.startsWith('<') && fs.existsSync(path.join(ROOT, file)))
    .sort()
    .map((file) => {
      const stat = fs.statSync(path.join(ROOT, file));
      return [file, stat.size, stat.mtimeMs];
    });
  // A file saved while esbuild ran may not be in the output: record nothing, so the next run rebuilds.
  const settled = inputs.every(([, , mtimeMs]) => mtimeMs < started);
  return settled ? { launcher: LAUNCHER_VERSION, node: process.version, root: ROOT, inputs } : undefined;
}

/** Builds `entryArg` unless its output is fresh; returns the compiled file. */
async function ensureBuilt(entryArg) {
  const entry = path.resolve(ROOT, entryArg);
  if (!fs.existsSync(entry)) fail(`No such entry point: ${entryArg}`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const name = outputName(entry);
  const outfile = path.join(OUT_DIR, `${name}.js`);
  const recordFile = path.join(OUT_DIR, `${name}.inputs.json`);
  if (!fs.existsSync(outfile) || !isFresh(recordFile)) {
    // Another process may be building the same entry: build in a private directory, move the
    // outputs in by rename, and write the record last.
    const work = fs.mkdtempSync(path.join(OUT_DIR, '.build-'));
    try {
      const record = await build(entry, path.join(work, `${name}.js`));
      fs.renameSync(path.join(work, `${name}.js`), outfile);
      fs.rmSync(`${outfile}.v8-cache`, { force: true });
      if (record) {
        fs.writeFileSync(path.join(work, 'record.json'), JSON.stringify(record));
        fs.renameSync(path.join(work, 'record.json'), recordFile);
      } else {
        fs.rmSync(recordFile, { force: true });
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  return outfile;
}

async function main() {
  const [entryArg, ...args] = process.argv.slice(2);
  if (!entryArg) fail('Usage: node scripts/run.js <entry.ts> [args...], or node scripts/run.js --prepare <entry.ts>...');
  if (entryArg === '--prepare') {
    for (const entry of args) await ensureBuilt(entry);
    return;
  }
  const outfile = await ensureBuilt(entryArg);
  process.argv = [process.argv[0], outfile, ...args];
  runWithCodeCache(outfile);
}

/**
 * Runs the compiled file as a CommonJS module, with V8's code cache: the bytecode of every function
 * the run compiled is saved beside the file when the process exits, and handed back to V8 on the
 * next run, which then skips parsing and compiling them (Node 22 has this built in as
 * `module.enableCompileCache`; Node 20 does not). V8 rejects a cache that does not match the file or
 * its own version, and the cache is written anew.
 */
function runWithCodeCache(file) {
  const vm = require('vm');
  const Module = require('module');
  const cacheFile = `${file}.v8-cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        const partial = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(partial, script.createCachedData());
        fs.renameSync(partial, cacheFile);
      } catch {
        // A cache that cannot be written only costs the next run its compile time.
      }
    });
  }
  const mod = new Module(file, null);
  mod.filename = file;
  mod.loaded = true;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
}

main().catch((err) => {
  process.exitCode = 1;
  console.error(err);
});
