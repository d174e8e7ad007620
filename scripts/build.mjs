// Builds the CLI, the language server and the extension with esbuild into dist/ (or, with `--package`, the
// self-contained extension into out/vsix/dist); `--tests` also builds test/ into out/test.
import * as esbuild from 'esbuild';
import { copyFileSync, readdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { compilerPlugin } from './compiler-plugin.mjs';
import { configValidatorPlugin } from './config-validator-plugin.mjs';

const root = new URL('..', import.meta.url).pathname;
const withTests = process.argv.includes('--tests');
const forPackage = process.argv.includes('--package');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !forPackage,
  logLevel: 'warning',
  absWorkingDir: root,
  // Server code gets the TypeScript compiler from server/src/engine/compiler.ts (the compiler file alone) instead of
  // loading all of ts-morph for its `ts` namespace: see scripts/compiler-plugin.mjs for why.
  // The configuration schema is compiled here, once, rather than by every run: see scripts/config-validator-plugin.mjs.
  plugins: [compilerPlugin(root), configValidatorPlugin(root)],
};

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

// Dependencies stay in node_modules for the npm bins; the .vsix bundles them into its own folder, so
// packaging never touches (or races with) the development build in dist/.
const entries = forPackage
  ? [{ entryPoints: { server: 'server/src/server.ts' } }]
  : [
      { entryPoints: { cli: 'server/src/cli.ts' }, packages: 'external' },
      { entryPoints: { server: 'server/src/server.ts' }, packages: 'external' },
    ];
const outdir = forPackage ? 'out/vsix/dist' : 'dist';
if (existsSync(join(root, 'client/src/extension.ts'))) {
  entries.push({ entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'] });
}
await Promise.all(
  entries
    .filter((e) => Object.values(e.entryPoints).every((p) => existsSync(join(root, p))))
    .map((e) => esbuild.build({ ...common, outdir, ...e })),
);
if (forPackage) {
  // compiler.ts reads the compiler file and compiles it itself (so esbuild never bundles it), looking beside the
  // bundle first. The copy keeps the file's Apache-2.0 header, as the bundle keeps the other packages' notices.
  const fromMorph = createRequire(createRequire(join(root, 'package.json')).resolve('ts-morph'));
  copyFileSync(fromMorph.resolve('@ts-morph/common/dist/typescript.js'), join(root, outdir, 'typescript.js'));
}

if (withTests) {
  rmSync(join(root, 'out'), { recursive: true, force: true });
  const tests = walk(join(root, 'test')).filter((f) => /\.test\.ts$/.test(f));
  await esbuild.build({
    ...common,
    entryPoints: tests.map((f) => relative(root, f)),
    outdir: 'out/test',
    outbase: 'test',
    packages: 'external',
  });
}
