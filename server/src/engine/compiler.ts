// The TypeScript compiler bundled with ts-morph, loaded on its own; importing this module loads it.
//
// Why: the engine only ever uses ts-morph's `ts` namespace, yet `require('ts-morph')` also loads ts-morph's
// own 3 MB. So scripts/build.mjs (with scripts/compiler-plugin.mjs) resolves every `import { ts } from 'ts-morph'`
// and `require('ts-morph')` under server/src to this module, while the sources keep importing ts-morph for its
// types. No V8 code cache: V8 runs cached code unchecked, and a cache file on disk can be crafted (see README).
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import type { ts as Compiler } from 'ts-morph';

/** The compiler file: beside the bundle in the .vsix (`build.mjs --package` copies it there), else ts-morph's own. */
function compilerFile(): string {
  const packaged = path.join(__dirname, 'typescript.js');
  if (fs.existsSync(packaged)) return packaged;
  // Through ts-morph: @ts-morph/common is its dependency, not ours, and strict installs (pnpm) hide it from us.
  return Module.createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common/dist/typescript.js');
}

// Loaded by Node's own loader, so a later require('ts-morph') shares this copy.
export const ts = Module.createRequire(__filename)(compilerFile()) as typeof Compiler;
