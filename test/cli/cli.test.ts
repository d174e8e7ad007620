// The command line end to end in temporary folders, exact exit codes and output: main() in this process, and the real bin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { RULE_IDS } from '../helpers/lint.js';
import { runCli, type CliRun } from '../helpers/cli.js';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'callstats-lint.js');
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const ALLOWED_KEYS = 'allowed keys: topology, conferenceServerIds, userIdMaxBytes, rules, ignores';

/** The engine must report id-max-bytes (error) at 2:32-2:47 of this file. */
const FIXTURE = "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(300));\n";
const FIXTURE_ROW = '  2:32  error  userID is 300 bytes in UTF-8 (300 characters); the limit is 256  id-max-bytes';
const FIXTURE_MESSAGE = {
  ruleId: 'id-max-bytes',
  severity: 2,
  message: 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256',
  line: 2,
  column: 32,
  endLine: 2,
  endColumn: 47,
};
const CLEAN = 'export const answer = 42;\n';

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'callstats-lint-cli-')));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The real bin, in its own process. */
function bin(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The command line in this process (the bin only calls main()): much cheaper than a process per run. */
const cli = (cwd: string, ...args: string[]): Promise<CliRun> => runCli(cwd, args);

/** The JSON report's files relative to `dir`. */
function reportedFiles(dir: string, stdout: string): string[] {
  return (JSON.parse(stdout) as { filePath: string }[]).map((r) => path.relative(dir, r.filePath).split(path.sep).join('/'));
}

test('--help and --version', async () => {
  const dir = tree({});
  const help = bin(dir, '--help');
  assert.equal(help.code, 0);
  assert.equal(help.stderr, '');
  assert.match(help.stdout, /^Usage: callstats-lint \[options\] \[paths or globs\.\.\.\]\n/);
  for (const option of ['--format', '--config', '--topology', '--conference-server-id', '--rule', '--max-warnings', '--quiet', '--fix', '--output-file', '--no-color', '--version']) {
    assert.ok(help.stdout.includes(option), option);
  }
  assert.deepEqual(await cli(dir, '-h'), help);
  assert.deepEqual(bin(dir, '--version'), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
});

test('bad options: exit 2 with one line on stderr', async () => {
  const dir = tree({ 'a.js': CLEAN });
  const table: [string[], string][] = [
    [['--nope'], "unknown option '--nope'; see callstats-lint --help"],
    [['-x'], "unknown option '-x'; see callstats-lint --help"],
    [['--format'], "Option '-f, --format <value>' argument missing; see callstats-lint --help"],
    [['--quiet=yes'], "Option '--quiet' does not take an argument; see callstats-lint --help"],
    [['--format', 'xml'], '--format must be one of stylish, json, compact, sarif, github, junit, checkstyle, codequality (got "xml")'],
    [['--topology', 'star'], '--topology must be one of auto, mesh, sfu-multi-pc, sfu-single-pc (got "star")'],
    [['--conference-server-id='], '--conference-server-id must not be empty'],
    [['--rule', 'id-max-bytes'], '--rule must look like id=severity (got "id-max-bytes")'],
    [['--rule', 'id-max-byte=error'], `--rule: unknown rule "id-max-byte"; known rules: ${RULE_IDS.join(', ')}`],
    [['--rule', 'id-max-bytes=loud'], '--rule: rule "id-max-bytes" must be "off", "info", "warn" or "error" (got "loud")'],
    [['--max-warnings', 'many'], '--max-warnings must be a whole number of 0 or more, or -1 for no limit (got "many")'],
    [['--max-warnings=-2'], '--max-warnings must be a whole number of 0 or more, or -1 for no limit (got "-2")'],
  ];
  for (const [args, message] of table) {
    assert.deepEqual(await cli(dir, ...args), { code: 2, stdout: '', stderr: `callstats-lint: ${message}\n` }, args.join(' '));
  }
});

test('configuration errors: exit 2 with one line naming the file', async () => {
  const unknownKey = tree({ 'a.js': CLEAN, '.callstatslintrc.json': '{\n  "topolgy": "mesh"\n}\n' });
  assert.deepEqual(await cli(unknownKey), {
    code: 2,
    stdout: '',
    stderr: `callstats-lint: ${unknownKey}/.callstatslintrc.json: unknown key "topolgy"; ${ALLOWED_KEYS}\n`,
  });

  const badJson = tree({ 'src/a.js': CLEAN, '.callstatslintrc.json': '{\n  "topology": "mesh"\n  "rules": {}\n}\n' });
  assert.deepEqual(await cli(badJson), { code: 2, stdout: '', stderr: `callstats-lint: ${badJson}/.callstatslintrc.json: invalid JSON: a comma was expected at line 3, column 3\n` });

  const inPackage = tree({ 'a.js': CLEAN, 'package.json': JSON.stringify({ name: 'app', callstatsLint: { topolgy: 'mesh' } }) });
  assert.deepEqual(await cli(inPackage), {
    code: 2,
    stdout: '',
    stderr: `callstats-lint: ${inPackage}/package.json#callstatsLint: unknown key "topolgy"; ${ALLOWED_KEYS}\n`,
  });

  const missing = await cli(inPackage, '--config', 'nope.json');
  assert.deepEqual(missing, { code: 2, stdout: '', stderr: `callstats-lint: ${inPackage}/nope.json: cannot read the file (ENOENT)\n` });
});

test('--config replaces discovery', async () => {
  const dir = tree({ 'a.js': CLEAN, '.callstatslintrc.json': '{"topolgy": 1}', 'good.json': '{"topology": "mesh"}' });
  assert.deepEqual(await cli(dir, '--config', 'good.json'), { code: 0, stdout: '', stderr: '' });
});

test('patterns that match nothing: exit 2', async () => {
  const dir = tree({ 'a.js': CLEAN, 'README.md': '' });
  const table: [string[], string][] = [
    [['nope.js'], 'No files matching the pattern "nope.js" were found (no such file or directory).'],
    [['src/**/*.ts'], 'No files matching the pattern "src/**/*.ts" were found.'],
    [['a.js', 'gone'], 'No files matching the pattern "gone" were found (no such file or directory).'],
  ];
  for (const [args, message] of table) {
    assert.deepEqual(await cli(dir, ...args), { code: 2, stdout: '', stderr: `callstats-lint: ${message}\n` }, args.join(' '));
  }
  const empty = tree({ 'notes.txt': '' });
  assert.deepEqual(await cli(empty), { code: 2, stdout: '', stderr: 'callstats-lint: No files matching the pattern "." were found.\n' });
});

test('.gitignore is respected and node_modules skipped', async () => {
  const dir = tree({
    '.git/HEAD': '',
    '.gitignore': 'dist/\n',
    'app/.gitignore': 'generated.js\n',
    'app/main.js': CLEAN,
    'app/generated.js': CLEAN,
    'app/dist/bundle.js': CLEAN,
    'app/node_modules/lib/index.js': CLEAN,
    'app/src/view.tsx': CLEAN,
  });
  const app = path.join(dir, 'app');
  const all = await cli(app, '--format', 'json');
  assert.equal(all.code, 0);
  assert.deepEqual(reportedFiles(dir, all.stdout), ['app/main.js', 'app/src/view.tsx']);
  // Named, an ignored file gets ESLint's warning instead of a lint.
  const named = await cli(app, '--format', 'json', 'generated.js', 'src');
  assert.deepEqual(reportedFiles(dir, named.stdout), ['app/generated.js', 'app/src/view.tsx']);
  assert.match(JSON.parse(named.stdout)[0].messages[0].message, /^File ignored because of a matching ignore pattern\./);
});

test('--format json: one ESLint result per file, clean files included', async () => {
  const dir = tree({ 'a.js': CLEAN });
  const result = await cli(dir, '--format', 'json');
  assert.equal(result.code, 0);
  assert.equal(result.stderr, '');
  assert.equal(
    result.stdout,
    `[{"filePath":"${dir}/a.js","messages":[],"suppressedMessages":[],"errorCount":0,"fatalErrorCount":0,"warningCount":0,"infoCount":0,"fixableErrorCount":0,"fixableWarningCount":0,"usedDeprecatedRules":[]}]\n`,
  );
});

test('--output-file writes the report there', async () => {
  const dir = tree({ 'a.js': CLEAN });
  assert.deepEqual(await cli(dir, '-f', 'json', '-o', 'reports/lint.json'), { code: 0, stdout: '', stderr: '' });
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'reports/lint.json'), 'utf8'))[0].filePath, `${dir}/a.js`);
});

test('an error finding: exit 1, stylish (from the real bin) and json', async () => {
  const dir = tree({ 'a.js': FIXTURE, 'b.js': CLEAN });
  const stylish = bin(dir);
  assert.equal(stylish.code, 1);
  assert.equal(stylish.stderr, '');
  const lines = stylish.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 3), ['', 'a.js', FIXTURE_ROW]);
  assert.ok(lines.includes('\u2716 1 problem (1 error, 0 warnings)'), stylish.stdout);
  assert.doesNotMatch(stylish.stdout, /\u001b\[/);

  const json = await cli(dir, '--format', 'json');
  assert.equal(json.code, 1);
  const results = JSON.parse(json.stdout);
  assert.deepEqual(reportedFiles(dir, json.stdout), ['a.js', 'b.js']);
  assert.equal(results[0].errorCount, 1);
  assert.equal(results[0].warningCount, 0);
  assert.equal(results[0].messages.length, 1);
  const { ruleId, severity, message, line, column, endLine, endColumn } = results[0].messages[0];
  assert.deepEqual({ ruleId, severity, message, line, column, endLine, endColumn }, FIXTURE_MESSAGE);
});

test('rule severities from package.json#callstatsLint and --rule', async () => {
  const dir = tree({ 'a.js': FIXTURE, 'package.json': JSON.stringify({ callstatsLint: { rules: { 'id-max-bytes': 'warn' } } }) });
  const warned = await cli(dir, '-f', 'json');
  assert.equal(warned.code, 0);
  const [result] = JSON.parse(warned.stdout);
  assert.deepEqual([result.errorCount, result.warningCount, result.messages[0]?.severity], [0, 1, 1]);
  assert.equal((await cli(dir, '--rule', 'id-max-bytes=error')).code, 1);
  assert.deepEqual(await cli(dir, '--rule', 'id-max-bytes=off'), { code: 0, stdout: '', stderr: '' });
});

test('--max-warnings', async () => {
  const dir = tree({ 'a.js': FIXTURE });
  assert.deepEqual((await cli(dir, '--rule', 'id-max-bytes=warn', '--max-warnings', '0', '-f', 'json')).stderr, 'callstats-lint found too many warnings (maximum: 0).\n');
  assert.equal((await cli(dir, '--rule', 'id-max-bytes=warn', '--max-warnings', '0')).code, 1);
  assert.equal((await cli(dir, '--rule', 'id-max-bytes=warn', '--max-warnings', '1')).code, 0);
  assert.equal((await cli(dir, '--rule', 'id-max-bytes=warn')).code, 0);
  // Info findings never fail a run.
  assert.equal((await cli(dir, '--rule', 'id-max-bytes=info', '--max-warnings', '0')).code, 0);
});

test('--quiet reports errors only', async () => {
  const dir = tree({ 'a.js': FIXTURE });
  assert.deepEqual(await cli(dir, '--quiet', '--rule', 'id-max-bytes=warn', '--max-warnings', '0'), { code: 0, stdout: '', stderr: '' });
  const errors = await cli(dir, '--quiet');
  assert.equal(errors.code, 1);
  assert.equal(errors.stdout.split('\n')[2], FIXTURE_ROW);
});

test('--fix applies the safe fix atomically, keeps the mode and reports what remains', async () => {
  const before = `const cs = new callstats();\ncs.initialize('app', 'secret', 'alice\\u200B');\n`;
  const dir = tree({ 'a.js': before, 'clean.js': CLEAN });
  const file = path.join(dir, 'a.js');
  fs.chmodSync(file, 0o640);
  assert.equal((await cli(dir, '-f', 'json', '--max-warnings', '0')).code, 1, 'the finding is there before fixing');

  assert.deepEqual(await cli(dir, '--fix', '--max-warnings', '0'), { code: 0, stdout: '', stderr: '' });
  assert.equal(fs.readFileSync(file, 'utf8'), `const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n`);
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['a.js', 'clean.js'], 'no temporary file is left behind');
  assert.equal(fs.readFileSync(path.join(dir, 'clean.js'), 'utf8'), CLEAN);
});

test('--fix never applies a suggestion: a too-long ID keeps its value and its error', async () => {
  const before = `const cs = new callstats();\ncs.initialize('app', 'secret', '${'x'.repeat(300)}');\n`;
  const dir = tree({ 'a.js': before });
  assert.equal((await cli(dir, '--fix')).code, 1);
  assert.equal(fs.readFileSync(path.join(dir, 'a.js'), 'utf8'), before);
});

test('--fix leaves files without safe fixes untouched', async () => {
  const dir = tree({ 'a.js': CLEAN });
  const stat = fs.statSync(path.join(dir, 'a.js'));
  assert.deepEqual(await cli(dir, '--fix'), { code: 0, stdout: '', stderr: '' });
  assert.equal(fs.readFileSync(path.join(dir, 'a.js'), 'utf8'), CLEAN);
  assert.equal(fs.statSync(path.join(dir, 'a.js')).ino, stat.ino);
});

test('an unreadable file is reported as an error, not a crash', { skip: process.getuid?.() === 0 && 'root reads every file' }, async () => {
  const dir = tree({ 'a.js': CLEAN, 'locked.js': CLEAN });
  fs.chmodSync(path.join(dir, 'locked.js'), 0o000);
  const result = await cli(dir, '-f', 'json');
  assert.equal(result.code, 1);
  const [, locked] = JSON.parse(result.stdout);
  assert.equal(locked.filePath, `${dir}/locked.js`);
  assert.equal(locked.messages[0].fatal, true);
  assert.equal(locked.errorCount, 1);
});
