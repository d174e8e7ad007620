// The cache under faults and attack: stamps that lie, planted fixes, a cache folder that is a link, the V8 code cache of old, /proc and a relative XDG_CACHE_HOME.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import * as vm from 'node:vm';
import { cacheEntries, rewriteEntry } from '../helpers/cache.js';
import { ROOT, writeTree } from '../helpers/lint.js';
import { TestClient, uriOf } from '../lsp/client.js';
import { cli, jsonReport } from './input-helpers.js';

const CACHE = path.join('node_modules', '.cache', 'callstats-lint');
const LONG = 'x'.repeat(300);
const SHA1 = createHash('sha1').update(LONG).digest('hex');
const APP = { 'package.json': '{ "name": "app" }\n', 'app.js': `const cs = new callstats();\ncs.initialize('app', 'secret', '${LONG}');\n` };
const CLEAN = "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n";

test('a file rewritten with its old size and modification time (cp -p, rsync -t, tar x) is read again', () => {
  const dir = writeTree({ 'package.json': '{ "name": "app" }\n', 'app.js': CLEAN, 'lib.js': 'export const answer = 4200000000000000000000000000000000000000000000000000000000000000000000;\n' });
  const lib = path.join(dir, 'lib.js');
  const old = fs.statSync(lib);
  const reference = path.join(writeTree({}), 'lib.js');
  fs.copyFileSync(lib, reference);
  assert.equal(spawnSync('touch', ['-r', lib, reference]).status, 0);
  assert.deepEqual(jsonReport(dir, cli(dir, ['-f', 'json', '.']).stdout), { 'app.js': [], 'lib.js': [] });
  assert.ok(fs.existsSync(path.join(dir, CACHE, 'facts.json')));
  // The same number of bytes, now calling the SDK; then the old times put back, as `cp -p` does.
  const edited = `const cs = new callstats();\ncs.initialize('app', 'secret', '');\n`.padEnd(old.size - 1, ' ') + '\n';
  assert.equal(Buffer.byteLength(edited), old.size);
  fs.writeFileSync(lib, edited);
  assert.equal(spawnSync('touch', ['-r', reference, lib]).status, 0);
  assert.equal(fs.statSync(lib).mtimeMs, old.mtimeMs);
  assert.deepEqual(jsonReport(dir, cli(dir, ['-f', 'json', '.']).stdout), { 'app.js': [], 'lib.js': ['2:32 id-empty'] });
});

test('a fix planted in the cache never reaches what --fix and --fix-dry-run write: fixes come from a fresh analysis', () => {
  // id-unicode's safe fix: the invisible U+200B goes.
  const dir = writeTree({ 'package.json': APP['package.json'], 'app.js': "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice\\u200B');\n" });
  const app = path.join(dir, 'app.js');
  assert.equal(cli(dir, ['.']).code, 0);
  const plant = () => {
    const [entry] = cacheEntries(path.join(dir, CACHE));
    rewriteEntry(entry, (body) => {
      for (const finding of body.findings as { fixes: { edits: { newText: string }[] }[] }[]) {
        for (const fix of finding.fixes) for (const edit of fix.edits) edit.newText = 'PLANTED';
      }
    });
  };
  plant();
  const dry = cli(dir, ['--fix-dry-run', '.']);
  assert.ok(dry.stdout.includes("+cs.initialize('app', 'secret', 'alice');"), dry.stdout);
  assert.ok(!dry.stdout.includes('PLANTED'));
  plant();
  assert.equal(cli(dir, ['--fix', '.']).code, 0);
  assert.equal(fs.readFileSync(app, 'utf8'), "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n");
});

test("the editor's code actions after a first analysis from the cache carry the fixes of a fresh analysis", async () => {
  const dir = writeTree(APP);
  const app = path.join(dir, 'app.js');
  assert.equal(cli(dir, ['.']).code, 1);
  const [entry] = cacheEntries(path.join(dir, CACHE));
  rewriteEntry(entry, (body) => {
    for (const finding of body.findings as { fixes: { edits: { newText: string }[] }[] }[]) for (const fix of finding.fixes) for (const edit of fix.edits) edit.newText = 'PLANTED';
  });
  const client = await TestClient.start({ folders: [dir], pull: true });
  try {
    await client.open(app);
    await client.request('textDocument/diagnostic', { textDocument: { uri: uriOf(app) } });
    const actions = await client.request<{ edit?: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(app) },
      range: { start: { line: 1, character: 31 }, end: { line: 1, character: 31 } },
      context: { diagnostics: [], only: ['quickfix', 'source.fixAll.callstats-lint'] },
    });
    const texts = actions.flatMap((a) => Object.values(a.edit?.changes ?? {}).flat().map((e) => e.newText));
    assert.ok(texts.includes(`'${SHA1}'`), JSON.stringify(texts));
    assert.ok(!texts.some((t) => t.includes('PLANTED')), JSON.stringify(texts));
  } finally {
    await client.stop();
  }
});

/** A project whose analysis cache folder is a link to a folder of 30 of the user's own JSON files. */
function linkedCacheFolder(): { dir: string; theirs: string; files: string[] } {
  const dir = writeTree(APP);
  const theirs = writeTree(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`note-${i}.json`, `{ "note": ${i} }\n`])));
  fs.mkdirSync(path.join(dir, CACHE), { recursive: true });
  fs.symlinkSync(theirs, path.join(dir, CACHE, 'analysis'));
  return { dir, theirs, files: fs.readdirSync(theirs).sort() };
}

test('a cache folder that is a link is never written through nor pruned: the CLI leaves the other folder as it was', () => {
  const { dir, theirs, files } = linkedCacheFolder();
  for (let run = 0; run < 3; run++) {
    fs.appendFileSync(path.join(dir, 'app.js'), `// run ${run}\n`);
    assert.equal(cli(dir, ['.']).code, 1);
  }
  assert.deepEqual(fs.readdirSync(theirs).sort(), files);
});

test('a cache folder that is a link is never written through nor pruned: opening the folder in the editor leaves it as it was', async () => {
  const { dir, theirs, files } = linkedCacheFolder();
  const client = await TestClient.start({ folders: [dir], pull: true });
  try {
    await client.open(path.join(dir, 'app.js'));
    await client.request('textDocument/diagnostic', { textDocument: { uri: uriOf(path.join(dir, 'app.js')) } });
  } finally {
    await client.stop();
  }
  assert.deepEqual(fs.readdirSync(theirs).sort(), files);
});

test('a crafted V8 code-cache file where the linter once kept one is never read: the run is not killed', () => {
  const dir = writeTree(APP);
  const home = writeTree({});
  // The format the linter wrote before: a magic line, the SHA-1 of the data, V8's data; the data garbled and the SHA-1 made to match.
  const compiler = Module.createRequire(Module.createRequire(path.join(ROOT, 'package.json')).resolve('ts-morph')).resolve('@ts-morph/common/dist/typescript.js');
  const stat = fs.statSync(compiler);
  const fingerprint = createHash('sha1').update([compiler, stat.size, stat.mtimeMs, process.versions.v8, ''].join('\0')).digest('hex').slice(0, 16);
  const data = Buffer.from(new vm.Script(Module.wrap(fs.readFileSync(compiler, 'utf8')), { filename: compiler }).createCachedData());
  data.fill(0xa5, 4096, 4096 + 8192);
  const magic = Buffer.from('callstats-lint code cache 1\n');
  fs.mkdirSync(path.join(home, 'callstats-lint'));
  const crafted = path.join(home, 'callstats-lint', `typescript-${process.version}-${process.arch}-${fingerprint}.v8cache`);
  fs.writeFileSync(crafted, Buffer.concat([magic, createHash('sha1').update(data).digest(), data]));
  const run = cli(dir, ['-f', 'json', '.'], { env: { ...process.env, XDG_CACHE_HOME: home, NODE_OPTIONS: '' } });
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(jsonReport(dir, run.stdout), { 'app.js': ['2:32 id-max-bytes'] });
  assert.deepEqual(fs.readdirSync(path.join(home, 'callstats-lint')), [path.basename(crafted)]);
});

test('--cache-location /proc ends at once and lints without a cache', () => {
  const dir = writeTree(APP);
  const run = cli(dir, ['-f', 'json', '--cache-location', '/proc', '.'], { timeout: 30_000 });
  assert.equal(run.code, 1, `exit ${run.code}; ${run.stderr}`);
  assert.deepEqual(jsonReport(dir, run.stdout), { 'app.js': ['2:32 id-max-bytes'] });
});

test('a relative XDG_CACHE_HOME puts nothing inside the project', () => {
  const dir = writeTree(APP);
  const before = fs.readdirSync(dir).sort();
  assert.equal(cli(dir, ['--no-cache', '.'], { env: { ...process.env, XDG_CACHE_HOME: 'user-cache' } }).code, 1);
  assert.equal(cli(dir, ['.'], { env: { ...process.env, XDG_CACHE_HOME: 'user-cache' } }).code, 1);
  assert.deepEqual(fs.readdirSync(dir).sort(), [...before, 'node_modules'].sort());
  assert.deepEqual(fs.readdirSync(path.join(dir, CACHE)).sort(), ['analysis', 'facts.json']);
});

test('cache files that are FIFOs or links are never opened: the run is neither blocked nor misled', () => {
  const dir = writeTree(APP);
  assert.equal(cli(dir, ['.']).code, 1);
  const facts = path.join(dir, CACHE, 'facts.json');
  const [entry] = cacheEntries(path.join(dir, CACHE));
  fs.rmSync(facts);
  fs.rmSync(entry);
  fs.symlinkSync('/dev/zero', facts);
  fs.symlinkSync('/dev/zero', entry);
  const run = cli(dir, ['-f', 'json', '.'], { timeout: 30_000 });
  assert.equal(run.code, 1, `exit ${run.code}; ${run.stderr}`);
  assert.deepEqual(jsonReport(dir, run.stdout), { 'app.js': ['2:32 id-max-bytes'] });
});
