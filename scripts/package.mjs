// Builds callstats-lint.vsix from a staging folder (out/vsix): the bundled extension and server, docs, schema, manifest.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stage = join(root, 'out', 'vsix');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--package'], { stdio: 'inherit' });
for (const item of ['package.json', 'README.md', 'LICENSE', '.vscodeignore', 'docs', 'schemas']) {
  cpSync(join(root, item), join(stage, item), { recursive: true });
}
const vsce = createRequire(join(root, 'package.json')).resolve('@vscode/vsce/vsce');
execFileSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', join(root, 'callstats-lint.vsix')],
  { cwd: stage, stdio: 'inherit' },
);
