// The TypeScript compiler bundled with ts-morph, loaded through a V8 code cache; importing this module loads it.
//
// Why: the engine only ever uses ts-morph's `ts` namespace, yet `require('ts-morph')` also loads ts-morph's
// own 3 MB and has Node compile the 9 MB compiler from scratch on every run. So scripts/build.mjs (with
// scripts/compiler-plugin.mjs) resolves every `import { ts } from 'ts-morph'` and `require('ts-morph')` under
// server/src to this module, while the sources keep importing ts-morph for its types. Set the cache folder
// with setCodeCacheDirectory from code-cache.ts, not from here: importing this module is what loads the compiler.
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import type { ts as Compiler } from 'ts-morph';
import { compileWithCodeCache } from './code-cache.js';

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

export const ts = load();
