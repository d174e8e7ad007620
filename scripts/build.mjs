// Builds the CLI, the API, the ESLint plugin, the language server and the extension with esbuild into dist/ (or, with `--package DIR`,
// the self-contained extension, server and CLI into DIR/dist); `--types` also writes the API's and the ESLint plugin's declarations into dist/types,
// `--tests` builds test/ into out/test.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { compilerPlugin } from './compiler-plugin.mjs';
import { configValidatorPlugin } from './config-validator-plugin.mjs';

const root = new URL('..', import.meta.url).pathname;
const withTests = process.argv.includes('--tests');
const withTypes = process.argv.includes('--types');
const packageAt = process.argv.indexOf('--package');
const forPackage = packageAt >= 0;

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
  ? // jsonc-parser's main build is UMD, whose requires a bundler cannot follow: bundle its ES modules instead.
    // The command line too, for the editor's "lint workspace" task in a workspace that has not installed callstats-lint.
    [
      { entryPoints: { server: 'server/src/server-main.ts' }, alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } },
      { entryPoints: { cli: 'server/src/cli-main.ts' }, alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } },
    ]
  : [
      { entryPoints: { cli: 'server/src/cli.ts' }, packages: 'external' },
      { entryPoints: { api: 'server/src/api.ts' }, packages: 'external' },
      { entryPoints: { 'eslint-plugin': 'server/src/eslint-plugin.ts' }, packages: 'external' },
      { entryPoints: { server: 'server/src/server-main.ts' }, packages: 'external' },
    ];
const outdir = forPackage ? join(resolve(process.argv[packageAt + 1]), 'dist') : 'dist';
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
  copyFileSync(fromMorph.resolve('@ts-morph/common/dist/typescript.js'), resolve(root, outdir, 'typescript.js'));
}

if (withTypes) {
  // tsc writes declarations for every module the API reaches; only those its types refer to are shipped.
  const emitted = mkdtempSync(join(tmpdir(), 'callstats-lint-types-'));
  const tsc = join(dirname(createRequire(join(root, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');
  const flags = ['--ignoreConfig', '--declaration', '--emitDeclarationOnly', '--outDir', emitted, '--rootDir', join(root, 'server/src'), '--module', 'NodeNext', '--moduleResolution', 'NodeNext'];
  const options = ['--target', 'ES2022', '--strict', '--skipLibCheck', '--esModuleInterop', '--resolveJsonModule', '--types', 'node'];
  execFileSync(process.execPath, [tsc, ...flags, ...options, 'server/src/api.ts', 'server/src/eslint-plugin.ts', 'server/src/engine/config-validator.d.ts'], { cwd: root, stdio: 'inherit' });
  const target = join(root, 'dist', 'types');
  rmSync(target, { recursive: true, force: true });
  const pending = ['api.d.ts', 'eslint-plugin.d.ts'];
  for (const seen = new Set(pending); pending.length > 0; ) {
    const file = pending.pop();
    const text = readFileSync(join(emitted, file), 'utf8');
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(emitted, file), join(target, file));
    for (const [, specifier] of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      const next = join(dirname(file), `${specifier}.d.ts`);
      if (!seen.has(next)) seen.add(next), pending.push(next);
    }
  }
  rmSync(emitted, { recursive: true, force: true });
}

if (withTests) {
  rmSync(join(root, 'out'), { recursive: true, force: true });
  // Test files, and test entry points of their own (a server with faults planted, say).
  const tests = walk(join(root, 'test')).filter((f) => /\.(test|entry)\.ts$/.test(f));
  await esbuild.build({
    ...common,
    entryPoints: tests.map((f) => relative(root, f)),
    outdir: 'out/test',
    outbase: 'test',
    packages: 'external',
  });
}
