// The npm package as users get it: `npm pack` of a copy of the repository, installed into an empty project and globally, both bins and the API run there.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT, tempFolder } from '../lsp/client.js';
import { paths } from '../editors/tools.js';

const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const TOO_LONG = "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(300));\n";
const ROW = '  2:32  error  userID is 300 bytes in UTF-8 (300 characters); the limit is 256  id-max-bytes';
const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, input?: string): Run {
  const result = spawnSync(command, args, { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A copy of the repository's files (tracked, and new ones not ignored: what a clone would hold), with the
 * development dependencies linked in, so packing (which builds) never touches the checkout's own dist/.
 */
function copyOfRepository(): string {
  const copy = tempFolder('callstats-pack-src-');
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  for (const file of listed.filter((f) => f && fs.lstatSync(path.join(ROOT, f), { throwIfNoEntry: false })?.isFile())) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

/** The server over stdio answers initialize with its capabilities. */
function initializes(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    let out = '';
    const timer = setTimeout(() => (child.kill(), reject(new Error(`no answer to initialize: ${out}`))), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const json = out.slice(out.indexOf('\r\n\r\n') + 4);
      if (out.includes('\r\n\r\n') && Buffer.byteLength(json) >= Number(/Content-Length: (\d+)/.exec(out)?.[1])) {
        clearTimeout(timer);
        child.kill();
        resolve(json);
      }
    });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

test('npm pack: the package ships what it needs, installs into an empty project and globally, and its bins and API work there', { timeout: 600_000 }, async (t) => {
  const source = copyOfRepository();
  const packs = tempFolder('callstats-pack-out-');
  // prepack builds dist/ and the declarations: a clone has neither.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packs, '--loglevel=error'], { cwd: source, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const tarball = path.join(packs, packed[0].filename);
  const files: string[] = packed[0].files.map((f: { path: string }) => f.path).sort();

  const rules = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).map((f) => `docs/rules/${f}`);
  for (const file of ['LICENSE', 'README.md', 'package.json', 'bin/callstats-lint.js', 'bin/callstats-lint-server.js', 'dist/api.js', 'dist/cli.js', 'dist/eslint-plugin.js', 'dist/server.js', 'dist/types/api.d.ts', 'dist/types/eslint-plugin.d.ts', 'schemas/callstatslintrc.schema.json', ...rules]) {
    assert.ok(files.includes(file), `${file} is in the package`);
  }
  const unwanted = files.filter((f) => /^(test|bench|server|client|scripts|examples|out)\//.test(f) || /\.map$/.test(f) || (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)) || f === 'dist/extension.js');
  assert.deepEqual(unwanted, [], 'no tests, benchmark, sources, source maps or the VS Code extension');
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  assert.equal(manifest.private, undefined);
  t.diagnostic(`${files.length} files, ${Math.round(packed[0].size / 1024)} kB packed`);

  // An empty project that installs the tarball as a development dependency.
  const app = tempFolder('callstats-pack-app-');
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  fs.mkdirSync(path.join(app, 'src'));
  fs.writeFileSync(path.join(app, 'src', 'app.js'), TOO_LONG);
  execFileSync('npm', ['install', '--save-dev', tarball, ...NPM_FLAGS], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  const bin = (name: string) => path.join(app, 'node_modules', '.bin', name);

  assert.deepEqual(run(bin('callstats-lint'), ['--version'], app), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
  const help = run(bin('callstats-lint'), ['--help'], app);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: callstats-lint \[options\] \[paths or globs\.\.\.\]\n/);
  const lint = run(bin('callstats-lint'), ['src'], app);
  assert.equal(lint.code, 1, lint.stderr);
  assert.equal(lint.stdout.split('\n')[2], ROW);
  assert.deepEqual(run(bin('callstats-lint-server'), ['--version'], app), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
  assert.match(run(bin('callstats-lint-server'), ['--help'], app).stdout, /^Usage: callstats-lint-server --stdio/);
  assert.match(await initializes(bin('callstats-lint-server'), [], app), /"capabilities":\{/);
  // SARIF carries each rule's help from the pages shipped in the package, and no path of this machine.
  const sarif = run(bin('callstats-lint'), ['-f', 'sarif', 'src'], app).stdout;
  const [result] = JSON.parse(sarif).runs;
  assert.ok(result.tool.driver.rules[0].help.markdown.startsWith('## What the guide requires\n'), 'the rule pages are in the package');
  assert.doesNotMatch(sarif, /file:/);

  // The API: CommonJS, ES modules and the declarations.
  fs.writeFileSync(
    path.join(app, 'use.cjs'),
    `const { lintFiles, lintText, formatters, version } = require('callstats-lint');
(async () => {
  const files = await lintFiles(['src']);
  const text = await lintText(${JSON.stringify(TOO_LONG)}, { filePath: 'src/other.js' });
  console.log(JSON.stringify({ version, files: files.map((r) => [r.filePath, r.errorCount]), text: text[0].messages[0].ruleId, stylish: formatters.stylish(files).split('\\n')[2] }));
})();
`,
  );
  assert.deepEqual(JSON.parse(run(process.execPath, ['use.cjs'], app).stdout), {
    version: VERSION,
    files: [[path.join(fs.realpathSync(app), 'src', 'app.js'), 1]],
    text: 'id-max-bytes',
    stylish: ROW,
  });
  fs.writeFileSync(path.join(app, 'use.mjs'), "import { lintText } from 'callstats-lint';\nconsole.log((await lintText('export {};\\n', { filePath: 'a.js' }))[0].errorCount);\n");
  assert.deepEqual(run(process.execPath, ['use.mjs'], app), { code: 0, stdout: '0\n', stderr: '' });
  // The ESLint plugin, as a flat configuration imports it (ESLint itself is an optional peer, not installed here).
  fs.writeFileSync(path.join(app, 'plugin.mjs'), "import callstats from 'callstats-lint/eslint-plugin';\nconsole.log(Object.keys(callstats.rules).length, Object.keys(callstats.configs.recommended.rules)[0]);\n");
  assert.deepEqual(run(process.execPath, ['plugin.mjs'], app), { code: 0, stdout: '13 callstats/id-max-bytes\n', stderr: '' });
  fs.writeFileSync(
    path.join(app, 'use.mts'),
    "import { lintText, formatters, type LintResult } from 'callstats-lint';\nconst results: LintResult[] = await lintText('', { filePath: 'a.js', overrideConfig: { topology: 'mesh' } });\nconst text: string = formatters.json(results);\n// @ts-expect-error the topology is checked\nvoid lintText('', { overrideConfig: { topology: 'star' } });\nconsole.log(text, results[0].infoCount);\n",
  );
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const types = ['--ignoreConfig', '--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', '--typeRoots', path.join(ROOT, 'node_modules', '@types'), '--types', 'node', 'use.mts'];
  assert.deepEqual(run(process.execPath, [tsc, ...types], app), { code: 0, stdout: '', stderr: '' });

  // Installed globally (into a prefix of its own): the bins are on that PATH.
  const prefix = tempFolder('callstats-pack-global-');
  execFileSync('npm', ['install', '--global', '--prefix', prefix, tarball, ...NPM_FLAGS], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  assert.deepEqual(run(path.join(prefix, 'bin', 'callstats-lint'), ['--version'], app), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
  assert.deepEqual(run(path.join(prefix, 'bin', 'callstats-lint-server'), ['--version'], app), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
  assert.equal(run(path.join(prefix, 'bin', 'callstats-lint'), ['--help'], app).code, 0);
  const global = run(path.join(prefix, 'bin', 'callstats-lint'), ['src'], app);
  assert.equal(global.code, 1);
  assert.equal(global.stdout.split('\n')[2], ROW);

  // engines names Node 20 and 24: the installed CLI runs on the Node 24 that the editor tools bring.
  if (!fs.existsSync(paths.node24)) {
    t.diagnostic(`not run on Node 24: ${paths.node24} is missing (npm test installs it)`);
    return;
  }
  const on24 = run(paths.node24, [path.join(app, 'node_modules', 'callstats-lint', 'bin', 'callstats-lint.js'), 'src'], app);
  assert.equal(on24.code, 1, on24.stderr);
  assert.equal(on24.stdout.split('\n')[2], ROW);
  assert.equal(run(paths.node24, ['use.cjs'], app).code, 0);
});
