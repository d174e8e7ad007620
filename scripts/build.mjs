// Builds the CLI, the language server and the extension with esbuild; `--tests` also builds test/ into out/test.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

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
};

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const entries = [
  // Dependencies stay in node_modules for the npm bins; the .vsix build bundles them (--package).
  { entryPoints: { cli: 'server/src/cli.ts' }, packages: forPackage ? undefined : 'external' },
  { entryPoints: { server: 'server/src/server.ts' }, packages: forPackage ? undefined : 'external' },
];
if (existsSync(join(root, 'client/src/extension.ts'))) {
  entries.push({ entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'] });
}
await Promise.all(
  entries
    .filter((e) => Object.values(e.entryPoints).every((p) => existsSync(join(root, p))))
    .map((e) => esbuild.build({ ...common, outdir: 'dist', ...e })),
);

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
