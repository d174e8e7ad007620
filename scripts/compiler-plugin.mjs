// The esbuild plugin that gives server code the compiler from server/src/engine/compiler.ts in place of ts-morph.
//
// Why: the engine uses only ts-morph's `ts` namespace, but loading ts-morph also loads its own 3 MB on every
// run; compiler.ts loads the compiler file alone. The sources keep `import { ts } from 'ts-morph'`, so `ts.Node` and the other
// types still come from ts-morph; only the bundle's runtime import (and `require('ts-morph')`) changes.
// Importing anything else from ts-morph in server/src fails the build (compiler.ts exports only `ts`), so
// the rest of ts-morph cannot creep back in unnoticed. Importers outside server/src (tests that use
// ts-morph themselves) get the real package; it shares compiler.ts's copy of the compiler when that loaded first.
import { join, sep } from 'node:path';

export function compilerPlugin(root) {
  const serverSrc = join(root, 'server', 'src');
  const compiler = join(serverSrc, 'engine', 'compiler.ts');
  return {
    name: 'callstats-lint-compiler',
    setup(build) {
      build.onResolve({ filter: /^ts-morph$/ }, (args) => {
        if (!args.importer.startsWith(serverSrc + sep) || args.importer === compiler) return undefined;
        return { path: compiler };
      });
    },
  };
}
