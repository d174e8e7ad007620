// The cache across command-line runs: where it is kept, that a run is answered from it, and every
// change that must make the linter look again (file contents, imports, resolution, configuration).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { cacheEntries, readEntry, rewriteEntry } from '../helpers/cache.js';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'callstats-lint.js');
const CACHE = path.join('node_modules', '.cache', 'callstats-lint');
const PLANTED = 'planted in the cache';

const made: string[] = [];
/** The runs' own user cache folder (the signing key and the compiler's code cache), not the real ~/.cache. */
const USER_CACHE = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'callstats-lint-user-cache-')));
made.push(USER_CACHE);
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** An app whose only finding is reinit-on-userid-change at src/login.ts 3:3, found through the shared session module. */
const APP = {
  'package.json': '{ "name": "app", "dependencies": { "callstats-js": "^3.26.0" } }\n',
  'src/session.ts': "export const session = { userId: 'alice' };\n",
  'src/call.ts': "import { session } from './session';\nconst cs = new callstats();\ncs.initialize('app', 'secret', session.userId);\n",
  'src/login.ts': 'import { session } from \'./session\';\nexport function login(name: string) {\n  session.userId = name;\n}\n',
  'src/other.ts': 'export const answer = 42;\n',
};
const REINIT = 'src/login.ts:3:3 reinit-on-userid-change';

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'callstats-lint-cache-')));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) write(dir, name, text);
  return dir;
}

/** Writes a file with a modification time later than any before, as an edit some time after a run. */
function write(dir: string, name: string, text: string): void {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const later = new Date(Date.now() + 5_000 * ++edits);
  fs.utimesSync(file, later, later);
}
let edits = 0;

/** Runs the CLI with the JSON format; `findings` lists `file:line:column rule` (or the message when planted). */
function lint(cwd: string, ...args: string[]): { code: number | null; findings: string[]; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, '--format', 'json', ...args], { cwd, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: USER_CACHE } });
  const reports = run.stdout ? (JSON.parse(run.stdout) as { filePath: string; messages: { line: number; column: number; ruleId: string; message: string }[] }[]) : [];
  const findings = reports.flatMap((r) =>
    r.messages.map((m) => `${path.relative(cwd, r.filePath)}:${m.line}:${m.column} ${m.message === PLANTED ? PLANTED : m.ruleId}`),
  );
  return { code: run.status, findings, stderr: run.stderr };
}

/** Replaces every cached finding's message (signed as the linter signs), so a report that shows it came from the cache. */
function plant(cacheDir: string, sign = true): void {
  const [entry] = cacheEntries(cacheDir);
  rewriteEntry(entry, USER_CACHE, (body) => {
    for (const finding of body.findings as { message: string }[]) finding.message = PLANTED;
  }, sign);
}

test('the first run fills node_modules/.cache/callstats-lint beside package.json; the next is answered from it', () => {
  const dir = tree(APP);
  assert.deepEqual(lint(path.join(dir, 'src'), '.'), { code: 1, findings: ['login.ts:3:3 reinit-on-userid-change'], stderr: '' });
  const cacheDir = path.join(dir, CACHE);
  assert.equal(cacheEntries(cacheDir).length, 1);
  assert.ok(fs.existsSync(path.join(cacheDir, 'facts.json')));
  plant(cacheDir);
  assert.deepEqual(lint(dir, 'src').findings, [`src/login.ts:3:3 ${PLANTED}`]);
});

test('an edit to any file the analysis read makes it analyse again', () => {
  const dir = tree(APP);
  lint(dir, 'src');
  plant(path.join(dir, CACHE));
  // session.ts is not a candidate (it never names the SDK): only the analysis read it.
  write(dir, 'src/session.ts', "export const session = { userId: 'bob' };\n");
  assert.deepEqual(lint(dir, 'src'), { code: 1, findings: [REINIT], stderr: '' });
  plant(path.join(dir, CACHE));
  write(dir, 'src/login.ts', 'export function login(name: string) {\n  return name;\n}\n');
  assert.deepEqual(lint(dir, 'src'), { code: 0, findings: [], stderr: '' });
});

test('a new file that imports a module the analysis followed into is analysed', () => {
  const { 'src/login.ts': login, ...rest } = APP;
  const dir = tree(rest);
  assert.deepEqual(lint(dir, 'src').findings, []);
  write(dir, 'src/login.ts', login);
  assert.deepEqual(lint(dir, 'src').findings, [REINIT]);
});

test('a file that now comes first in module resolution is analysed instead', () => {
  const { 'src/session.ts': session, ...rest } = APP;
  const dir = tree({ ...rest, 'src/session/index.ts': session });
  assert.deepEqual(lint(dir, 'src').findings, [REINIT]);
  plant(path.join(dir, CACHE));
  // `./session` named session/index.ts; session.ts comes before it.
  write(dir, 'src/session.ts', "export const session = { userId: 'x'.repeat(300) };\n");
  assert.deepEqual(lint(dir, 'src').findings, [REINIT, 'src/session.ts:1:34 id-max-bytes']);
});

test('a changed configuration makes it analyse again', () => {
  const dir = tree({ ...APP, 'src/session.ts': "export const session = { userId: 'x'.repeat(200) };\n" });
  assert.deepEqual(lint(dir, 'src').findings, [REINIT]);
  plant(path.join(dir, CACHE));
  write(dir, '.callstatslintrc.json', '{ "userIdMaxBytes": 100 }\n');
  assert.deepEqual(lint(dir, 'src').findings, [REINIT, 'src/session.ts:1:34 id-max-bytes']);
});

test('a file edited to use the SDK is found, and unchanged files keep their suppressions', () => {
  const dir = tree({
    ...APP,
    'src/quiet.ts': "const cs = new callstats();\n// callstats-lint-disable-next-line id-max-bytes\ncs.initialize('app', 'secret', 'y'.repeat(300));\n",
  });
  assert.deepEqual(lint(dir, 'src').findings, [REINIT]);
  assert.deepEqual(lint(dir, 'src').findings, [REINIT]);
  write(dir, 'src/other.ts', "const cs = new callstats();\ncs.initialize('app', 'secret', 'z'.repeat(300));\n");
  assert.deepEqual(lint(dir, 'src').findings, [REINIT, 'src/other.ts:2:32 id-max-bytes']);
  assert.deepEqual(lint(dir, 'src', '--report-unused-disable-directives').findings, [REINIT, 'src/other.ts:2:32 id-max-bytes']);
  write(dir, 'src/quiet.ts', "// callstats-lint-disable-next-line id-max-bytes\nexport const quiet = 1;\n");
  assert.deepEqual(lint(dir, 'src', '--report-unused-disable-directives').findings, [
    REINIT,
    'src/other.ts:2:32 id-max-bytes',
    'src/quiet.ts:1:1 unused-disable-directive',
  ]);
});

test('a cache entry not signed with the user\'s key (one that came with a checkout, say) is ignored and replaced', () => {
  const dir = tree(APP);
  lint(dir, 'src');
  plant(path.join(dir, CACHE), false);
  assert.deepEqual(lint(dir, 'src'), { code: 1, findings: [REINIT], stderr: '' });
  const [entry] = cacheEntries(path.join(dir, CACHE));
  assert.deepEqual((readEntry(entry).findings as { message: string }[]).map((f) => f.message === PLANTED), [false]);
});

test('--no-cache neither reads nor writes the cache', () => {
  const dir = tree(APP);
  assert.deepEqual(lint(dir, 'src', '--no-cache'), { code: 1, findings: [REINIT], stderr: '' });
  assert.equal(fs.existsSync(path.join(dir, 'node_modules')), false);
  lint(dir, 'src');
  plant(path.join(dir, CACHE));
  assert.deepEqual(lint(dir, 'src', '--no-cache').findings, [REINIT]);
});

test('--cache-location keeps the cache in the folder named; a folder without package.json has none by default', () => {
  const dir = tree({ 'src/call.ts': "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(300));\n" });
  assert.deepEqual(lint(dir, 'src').findings, ['src/call.ts:2:32 id-max-bytes']);
  assert.deepEqual(fs.readdirSync(dir), ['src']);
  assert.deepEqual(lint(dir, 'src', '--cache-location', 'ci-cache').findings, ['src/call.ts:2:32 id-max-bytes']);
  assert.equal(cacheEntries(path.join(dir, 'ci-cache')).length, 1);
  assert.deepEqual(lint(dir, 'src', '--no-cache', '--cache-location', 'x'), {
    code: 2,
    findings: [],
    stderr: 'callstats-lint: --no-cache and --cache-location cannot be used together\n',
  });
});

test('a corrupt cache is ignored and rewritten; a cache folder that cannot be written leaves the run uncached', () => {
  const dir = tree(APP);
  lint(dir, 'src');
  const cacheDir = path.join(dir, CACHE);
  const [entry] = cacheEntries(cacheDir);
  fs.writeFileSync(entry, '{"format":1,"trace":[');
  fs.writeFileSync(path.join(cacheDir, 'facts.json'), '\0\0garbage');
  assert.deepEqual(lint(dir, 'src'), { code: 1, findings: [REINIT], stderr: '' });
  assert.equal(readEntry(entry).format, 2);
  assert.equal(readEntry(path.join(cacheDir, 'facts.json')).format, 2);

  fs.writeFileSync(path.join(dir, 'not-a-folder'), '');
  assert.deepEqual(lint(dir, 'src', '--cache-location', 'not-a-folder'), { code: 1, findings: [REINIT], stderr: '' });
  assert.equal(fs.readFileSync(path.join(dir, 'not-a-folder'), 'utf8'), '');
});
