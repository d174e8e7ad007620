// Builds callstats-lint.vsix (or the file after --out) from a staging folder: the bundled extension and server, docs, schema, manifest.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outAt = process.argv.indexOf('--out');
const out = outAt >= 0 ? resolve(process.argv[outAt + 1]) : join(root, 'callstats-lint.vsix');
// A temporary folder, not out/: a test run in the same checkout empties out/ when it starts.
const stage = mkdtempSync(join(tmpdir(), 'callstats-lint-vsix-'));
try {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--package', stage], { stdio: 'inherit' });
  for (const item of ['README.md', 'LICENSE', '.vscodeignore', 'docs', 'schemas']) {
    cpSync(join(root, item), join(stage, item), { recursive: true });
  }
  // The npm package's main export is the API; VS Code loads the extension. vsce would take `files` over
  // .vscodeignore, and the npm fields mean nothing to VS Code.
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  manifest.main = manifest.extensionMain;
  for (const key of ['extensionMain', 'types', 'exports', 'files', 'bin', 'scripts', 'dependencies', 'devDependencies']) delete manifest[key];
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const vsce = createRequire(join(root, 'package.json')).resolve('@vscode/vsce/vsce');
  execFileSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
    { cwd: stage, stdio: 'inherit' },
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}
