// The TypeScript compiler bundled with ts-morph, loaded through a V8 code cache the first time code uses it.
//
// Why: the engine only ever uses ts-morph's `ts` namespace, yet `require('ts-morph')` also loads ts-morph's
// own 3 MB and has Node compile the 9 MB compiler from scratch on every run. So scripts/build.mjs (with
// scripts/compiler-plugin.mjs) resolves every `import { ts } from 'ts-morph'` and `require('ts-morph')` under
// server/src to this module, while the sources keep importing ts-morph for its types.
//
// This is the one seam that keeps the compiler lazy: `ts` is a getter, so any module may import it (the
// rules, the analysis) and the compiler loads only when something first reads `ts.x`, typically the first
// parse. A run whose files never touch the SDK never loads it, whatever the module graph imports.
//
// The module is CommonJS on purpose: only `exports` can carry a getter (an ES module exports bindings).
import type { ts as Compiler } from 'ts-morph';
const fs = require('node:fs') as typeof import('node:fs');
const Module = require('node:module') as typeof import('node:module');
const path = require('node:path') as typeof import('node:path');
const { compileWithCodeCache } = require('./code-cache.js') as typeof import('./code-cache.js');

/** The compiler file: beside the bundle in the .vsix (`build.mjs --package` copies it there), else ts-morph's own. */
function compilerFile(): string {
  const packaged = path.join(__dirname, 'typescript.js');
  if (fs.existsSync(packaged)) return packaged;
  // Through ts-morph: @ts-morph/common is its dependency, not ours, and strict installs (pnpm) hide it from us.
  return Module.createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common/dist/typescript.js');
}

/** Runs the compiler as Node's loader would, and registers it so a later require('ts-morph') shares this copy. */
function load(): typeof Compiler {
  const file = compilerFile();
  const known = require.cache[file];
  if (known?.loaded) return known.exports as typeof Compiler;
  const script = compileWithCodeCache(file, Module.wrap(fs.readFileSync(file, 'utf8')));
  const module = new Module(file);
  module.filename = file;
  require.cache[file] = module;
  try {
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  module.loaded = true;
  return module.exports as typeof Compiler;
}

let compiler: typeof Compiler | undefined;
Object.defineProperty(exports, 'ts', { enumerable: true, get: () => (compiler ??= load()) });
