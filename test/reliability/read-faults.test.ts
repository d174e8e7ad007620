// Reading under faults: FIFOs and devices where files are read, odd file names, broken package.json and configuration values, and output that cannot be written.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { writeTree } from '../helpers/lint.js';
import { TestClient, uriOf } from '../lsp/client.js';
import { BIN, cli, jsonReport, TOO_LONG } from './input-helpers.js';

const canMakeFifos = spawnSync('mkfifo', ['--version']).status === 0;

/** A tree where `name` (beside app.js) is a FIFO, or, with `device`, a link to /dev/zero as a checkout can hold. */
function treeWith(name: string, device: boolean): string {
  const dir = writeTree({ 'app.js': TOO_LONG });
  const target = path.join(dir, name);
  if (device) fs.symlinkSync('/dev/zero', target);
  else assert.equal(spawnSync('mkfifo', [target]).status, 0);
  return dir;
}

for (const device of [false, true]) {
  const what = device ? 'a link to /dev/zero' : 'a FIFO';
  test(`${what} named .gitignore, .callstatslintrc.json or package.json never blocks the CLI`, { skip: !canMakeFifos && 'no mkfifo' }, () => {
    const gitignore = cli(treeWith('.gitignore', device), ['-f', 'json', '.'], { timeout: 30_000 });
    assert.equal(gitignore.code, 1, `exit ${gitignore.code}: ${gitignore.stderr}`);
    assert.ok(gitignore.stdout.includes('cannot read file: not a regular file'), gitignore.stdout);

    const rc = cli(treeWith('.callstatslintrc.json', device), ['.'], { timeout: 30_000 });
    assert.equal(rc.code, 2, rc.stderr);
    assert.match(rc.stderr, /^callstats-lint: \/.*\/\.callstatslintrc\.json: cannot read the file \(not a regular file\)\n$/);

    const dir = treeWith('package.json', device);
    const pkg = cli(dir, ['-f', 'json', '.'], { timeout: 30_000 });
    assert.equal(pkg.code, 1, `exit ${pkg.code}: ${pkg.stderr}`);
    assert.deepEqual(jsonReport(dir, pkg.stdout), { 'app.js': [`fatal: configuration: ${path.join(dir, 'package.json')}: cannot read the file (not a regular file)`] });
  });

  test(`${what} named .gitignore, .callstatslintrc.json or package.json never blocks the server`, { skip: !canMakeFifos && 'no mkfifo' }, async () => {
    for (const name of ['.gitignore', '.callstatslintrc.json', 'package.json']) {
      const dir = treeWith(name, device);
      const client = await TestClient.start({ folders: [dir], pull: true });
      try {
        const app = path.join(dir, 'app.js');
        await client.open(app);
        const report = await client.request<{ items: { message: string }[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(app) } });
        assert.equal(report.items.length, 1, `${name}: ${JSON.stringify(report.items)}`);
        assert.ok(name === '.gitignore' ? report.items[0].message.startsWith('userID is 300 bytes') : report.items[0].message.includes('not a regular file'), JSON.stringify(report.items));
      } finally {
        await client.stop();
      }
    }
  });
}

test('a file name with a backslash gets its findings (the compiler turns `\\` into `/`)', () => {
  const dir = writeTree({ 'src\\app.js': TOO_LONG, 'src/other.js': 'export const x = 1;\n' });
  const run = cli(dir, ['-f', 'json', '.']);
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(jsonReport(dir, run.stdout), { 'src/other.js': [], 'src\\app.js': ['2:32 id-max-bytes'] });
});

test('stylish and github print control characters and line breaks in file names and messages as escapes: no fake output lines', () => {
  const evil = 'a\n  9:9  error  Everything is fine  fake-rule\n\u001b[2K\u202eb.js';
  const dir = writeTree({ [evil]: TOO_LONG });
  const stylish = cli(dir, ['.']);
  assert.equal(stylish.code, 1);
  assert.deepEqual(stylish.stdout.split('\n').slice(1, 3), [
    '"a\\n  9:9  error  Everything is fine  fake-rule\\n\\u001b[2K\\u202eb.js"',
    '  2:32  error  userID is 300 bytes in UTF-8 (300 characters); the limit is 256  id-max-bytes',
  ]);
  assert.ok(!/[\u0000-\u0009\u000b-\u001f\u202e]/.test(stylish.stdout), JSON.stringify(stylish.stdout));
  const github = cli(dir, ['-f', 'github', '.']);
  assert.equal(github.stdout.trim().split('\n').length, 1, github.stdout);
  assert.ok(github.stdout.startsWith('::error file="a\\n  9%3A9  error  Everything is fine  fake-rule\\n\\u001b[2K\\u202eb.js",line=2,'), github.stdout);
});

test('a broken package.json anywhere in the tree is its folder\'s problem: reported, the rest linted, exit 1', () => {
  const dir = writeTree({ 'package.json': '{ "name": "app" }\n', 'app.js': TOO_LONG, 'fixtures/broken/package.json': '{ "name": ', 'fixtures/broken/case.js': TOO_LONG });
  const run = cli(dir, ['-f', 'json', '.']);
  assert.equal(run.code, 1, run.stderr);
  assert.equal(run.stderr, '');
  const report = jsonReport(dir, run.stdout);
  assert.deepEqual(report['app.js'], ['2:32 id-max-bytes']);
  assert.equal(report['fixtures/broken/case.js'].length, 1);
  assert.match(report['fixtures/broken/case.js'][0], /^fatal: configuration: .*fixtures\/broken\/package\.json: invalid JSON: /);
  // Its own configuration broken, that is a broken run as before.
  fs.writeFileSync(path.join(dir, 'fixtures/broken/package.json'), '{ "callstatsLint": { "topology": "ring" } }');
  assert.equal(cli(dir, ['.']).code, 2);
});

test('a deeply nested or a 5 MB bad configuration value gives a one-line error that quotes a little of it', () => {
  const deep = 200_000;
  for (const value of ['['.repeat(deep) + ']'.repeat(deep), `"${'x'.repeat(5 * 1024 * 1024)}"`, `{"a":${'{"b":'.repeat(deep)}1${'}'.repeat(deep)}}`]) {
    const dir = writeTree({ 'app.js': TOO_LONG, '.callstatslintrc.json': `{ "topology": ${value} }` });
    const run = cli(dir, ['.']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr.split('\n').length, 2, run.stderr.slice(0, 500));
    assert.ok(run.stderr.length < 400, `${run.stderr.length} characters: ${run.stderr.slice(0, 400)}`);
    assert.match(run.stderr, /^callstats-lint: .*\.callstatslintrc\.json: "topology" must be one of auto, mesh, sfu-multi-pc, sfu-single-pc \(got .*\)\n$/);
  }
  // 100 kB: one argument can be at most 128 kB.
  const rule = cli(writeTree({ 'app.js': TOO_LONG }), ['--rule', `id-empty=${'e'.repeat(100_000)}`, '.']);
  assert.equal(rule.code, 2);
  assert.ok(rule.stderr.length < 400 && rule.stderr.split('\n').length === 2, rule.stderr.slice(0, 400));
});

test('a closed standard output (EPIPE) or a full disk (ENOSPC) ends the run with one line and exit 2, no stack trace', async () => {
  const dir = writeTree({ 'app.js': TOO_LONG });
  const closed = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // The reader goes away before the report is written, as `| head -1` does once it has its line.
    child.stdout.destroy();
    child.on('close', (code) => resolve({ code, stderr }));
  });
  assert.deepEqual(closed, { code: 2, stderr: 'callstats-lint: cannot write to standard output (EPIPE)\n' });

  const full = fs.openSync('/dev/full', 'w');
  try {
    const run = spawnSync(process.execPath, [BIN, '.'], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
    assert.deepEqual({ code: run.status, stderr: run.stderr }, { code: 2, stderr: 'callstats-lint: cannot write to standard output (ENOSPC)\n' });
  } finally {
    fs.closeSync(full);
  }
  assert.deepEqual(cli(dir, ['-o', '/dev/full', '.']), { code: 2, stdout: '', stderr: 'callstats-lint: cannot write /dev/full (ENOSPC)\n' });
});
