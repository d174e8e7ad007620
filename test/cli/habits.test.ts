// ESLint's command-line habits: ignores, --stdin, --print-config, JSONC configuration, named non-source files, --max-warnings -1.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/rules/index.js';
import { runCli, tree } from '../helpers/cli.js';

const TOO_LONG = "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(300));\n";
const MESSAGE = 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256';
const ROW = `  2:32  error  ${MESSAGE}  id-max-bytes`;
const IGNORED = 'File ignored because of a matching ignore pattern. Use "--no-ignore" to disable file ignore settings or use "--no-warn-ignored" to suppress this warning.';

/** The files a JSON report lists, relative to `dir`. */
const listed = (dir: string, stdout: string): string[] => (JSON.parse(stdout) as { filePath: string }[]).map((r) => path.relative(dir, r.filePath));

test('ignores in .callstatslintrc.json (with comments and trailing commas), relative to the configuration', async () => {
  const dir = tree({
    '.callstatslintrc.json': '{\n  // built files\n  "ignores": ["dist/", "**/*.min.js",],\n}\n',
    'src/app.js': TOO_LONG,
    'src/vendor.min.js': TOO_LONG,
    'dist/bundle.js': TOO_LONG,
    'pkg/.callstatslintrc.json': '{ "ignores": ["gen/"] }',
    'pkg/gen/a.js': TOO_LONG,
    'pkg/dist/b.js': TOO_LONG,
  });
  // pkg/ has its own configuration, which replaces the root's: its dist/ is linted, its gen/ is not.
  assert.deepEqual(listed(dir, (await runCli(dir, ['--no-cache', '-f', 'json'])).stdout), ['pkg/dist/b.js', 'src/app.js']);
  assert.deepEqual(listed(dir, (await runCli(dir, ['--no-cache', '-f', 'json', '--no-ignore'])).stdout), [
    'dist/bundle.js',
    'pkg/dist/b.js',
    'pkg/gen/a.js',
    'src/app.js',
    'src/vendor.min.js',
  ]);
  // A glob or folder whose files are all ignored matches nothing, as in ESLint.
  assert.deepEqual(await runCli(dir, ['--no-cache', 'dist']), { code: 2, stdout: '', stderr: 'callstats-lint: All files matched by "dist" are ignored.\n' });
  assert.deepEqual(await runCli(dir, ['--no-cache', 'src/*.min.js']), { code: 2, stdout: '', stderr: 'callstats-lint: All files matched by "src/*.min.js" are ignored.\n' });
});

test('--ignore-pattern (repeatable, relative to the working folder) and .git/info/exclude', async () => {
  const dir = tree({ '.git/info/exclude': 'local/\n', 'local/a.js': TOO_LONG, 'src/app.js': TOO_LONG, 'src/gen/b.js': TOO_LONG, 'legacy/c.js': TOO_LONG, 'd.js': TOO_LONG });
  assert.deepEqual(listed(dir, (await runCli(dir, ['--no-cache', '-f', 'json'])).stdout), ['d.js', 'legacy/c.js', 'src/app.js', 'src/gen/b.js']);
  const run = await runCli(dir, ['--no-cache', '-f', 'json', '--ignore-pattern', 'src/gen/', '--ignore-pattern', 'legacy/**']);
  assert.deepEqual(listed(dir, run.stdout), ['d.js', 'src/app.js']);
  // From a subfolder the pattern is relative to it.
  const sub = await runCli(path.join(dir, 'src'), ['--no-cache', '-f', 'json', '--ignore-pattern', 'gen/', '.']);
  assert.deepEqual(listed(dir, sub.stdout), ['src/app.js']);
  assert.deepEqual(listed(dir, (await runCli(dir, ['--no-cache', '-f', 'json', '--no-ignore', '--ignore-pattern', 'src/'])).stdout), ['d.js', 'legacy/c.js', 'local/a.js', 'src/app.js', 'src/gen/b.js']);
});

test('an ignored file named on the command line: ESLint\'s "File ignored" warning, not a lint', async () => {
  const dir = tree({ '.callstatslintrc.json': '{ "ignores": ["dist/"] }', '.gitignore': 'tmp.js\n', 'dist/bundle.js': TOO_LONG, 'tmp.js': TOO_LONG, 'src/app.js': TOO_LONG });
  assert.deepEqual(await runCli(dir, ['--no-cache', 'dist/bundle.js', 'tmp.js']), {
    code: 0,
    stdout: ['', 'dist/bundle.js', `  0:0  warning  ${IGNORED.replace(/\.$/, '')}`, '', 'tmp.js', `  0:0  warning  ${IGNORED.replace(/\.$/, '')}`, '', '\u2716 2 problems (0 errors, 2 warnings)', '', ''].join('\n'),
    stderr: '',
  });
  const json = JSON.parse((await runCli(dir, ['--no-cache', '-f', 'json', 'dist/bundle.js'])).stdout);
  assert.deepEqual(json, [
    {
      filePath: path.join(dir, 'dist/bundle.js'),
      messages: [{ ruleId: null, fatal: false, severity: 1, message: IGNORED }],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 1,
      infoCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    },
  ]);
  // The warning counts as one, as in ESLint; --no-warn-ignored drops it.
  assert.equal((await runCli(dir, ['--no-cache', '--max-warnings', '0', 'dist/bundle.js'])).code, 1);
  assert.deepEqual(await runCli(dir, ['--no-cache', '--no-warn-ignored', '--max-warnings', '0', 'dist/bundle.js']), { code: 0, stdout: '', stderr: '' });
  const linted = await runCli(dir, ['--no-cache', '--no-ignore', 'dist/bundle.js']);
  assert.equal(linted.code, 1);
  assert.equal(linted.stdout.split('\n')[2], ROW);
});

test('named files that are not scripts or pages are skipped with a note (lint-staged); a path or glob matching nothing still exits 2', async () => {
  const dir = tree({ 'README.md': '# app\n', 'package.json': '{}', 'src/app.js': TOO_LONG, 'src/ok.js': 'export {};\n' });
  const note = (file: string) => `callstats-lint: ${file}: skipped, not a JavaScript or TypeScript file or a page with scripts\n`;
  assert.deepEqual(await runCli(dir, ['--no-cache', 'README.md', 'package.json', 'src/ok.js']), { code: 0, stdout: '', stderr: note('README.md') + note('package.json') });
  assert.deepEqual(await runCli(dir, ['--no-cache', 'README.md']), { code: 0, stdout: '', stderr: note('README.md') });
  const withFinding = await runCli(dir, ['--no-cache', 'README.md', 'src/app.js']);
  assert.equal(withFinding.code, 1);
  assert.equal(withFinding.stderr, note('README.md'));
  assert.deepEqual(await runCli(dir, ['--no-cache', 'README.md', 'gone.js']), {
    code: 2,
    stdout: '',
    stderr: 'callstats-lint: No files matching the pattern "gone.js" were found (no such file or directory).\n',
  });
  assert.deepEqual(await runCli(dir, ['--no-cache', 'docs/*.md']), { code: 2, stdout: '', stderr: 'callstats-lint: No files matching the pattern "docs/*.md" were found.\n' });
});

test('--max-warnings -1 means no limit', async () => {
  const dir = tree({ 'a.js': TOO_LONG });
  const args = ['--no-cache', '--rule', 'id-max-bytes=warn'];
  assert.equal((await runCli(dir, [...args, '--max-warnings', '0'])).code, 1);
  const unlimited = await runCli(dir, [...args, '--max-warnings', '-1']);
  assert.equal(unlimited.code, 0);
  assert.equal(unlimited.stderr, '');
  assert.equal((await runCli(dir, [...args, '--max-warnings=-1'])).code, 0);
  // Info findings are never warnings.
  assert.equal((await runCli(dir, ['--no-cache', '--rule', 'id-max-bytes=info', '--max-warnings', '0'])).code, 0);
});

test('--stdin --stdin-filename: the buffer is linted as that file, with its configuration and its imports, as if it were on disk', async () => {
  const dir = tree({
    '.callstatslintrc.json': '{}',
    // The remote user ID below is the local one only by the value of LOCAL, in another file.
    'src/ids.js': "export const LOCAL = 'alice';\n",
    'src/app.js': 'export {};\n',
    'mesh/.callstatslintrc.json': '{ "topology": "mesh", "rules": { "id-max-bytes": "warn" } }',
  });
  const buffer = "import { LOCAL } from './ids.js';\nconst cs = new callstats();\ncs.initialize('app', 'secret', LOCAL);\nexport function join(pc, room) {\n  cs.addNewFabric(pc, 'alice', cs.fabricUsage.multiplex, room);\n}\n";
  const fromStdin = await runCli(dir, ['--no-cache', '-f', 'json', '--stdin', '--stdin-filename', 'src/app.js'], { stdin: buffer });
  const [result] = JSON.parse(fromStdin.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[]; source: string }[];
  assert.equal(result.filePath, path.join(dir, 'src', 'app.js'));
  assert.deepEqual(result.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`), ['remote-userid-topology 5:23']);
  assert.equal(result.source, buffer);
  fs.writeFileSync(path.join(dir, 'src', 'ids.js'), "export const LOCAL = 'bob';\n");
  const otherValue = await runCli(dir, ['--no-cache', '-f', 'json', '--stdin', '--stdin-filename', 'src/app.js'], { stdin: buffer });
  assert.deepEqual(JSON.parse(otherValue.stdout)[0].messages, [], 'the finding came from ids.js');
  fs.writeFileSync(path.join(dir, 'src', 'ids.js'), "export const LOCAL = 'alice';\n");
  // The file on disk is left alone, and linting the same text from disk gives the same report.
  assert.equal(fs.readFileSync(path.join(dir, 'src', 'app.js'), 'utf8'), 'export {};\n');
  fs.writeFileSync(path.join(dir, 'src', 'app.js'), buffer);
  assert.deepEqual(await runCli(dir, ['--no-cache', '-f', 'json', 'src/app.js']), fromStdin);

  // The configuration of the file named: in mesh/ the rule is a warning.
  const inMesh = await runCli(dir, ['--no-cache', '--stdin', '--stdin-filename', 'mesh/app.js'], { stdin: TOO_LONG });
  assert.equal(inMesh.code, 0);
  assert.equal(inMesh.stdout.split('\n').slice(1, 3).join('\n'), `mesh/app.js\n  2:32  warning  ${MESSAGE}  id-max-bytes`);

  // Without a file name the text is linted as <text> in the working folder, as ESLint calls it.
  const anonymous = await runCli(dir, ['--no-cache', '-f', 'compact', '--stdin'], { stdin: TOO_LONG });
  assert.deepEqual(anonymous, { code: 1, stdout: `${dir}/<text>: line 2, col 32, Error - ${MESSAGE} (id-max-bytes)\n\n1 problem\n`, stderr: '' });
});

test('--stdin: an ignored or non-source file name, and options that do not go with it', async () => {
  const dir = tree({ '.callstatslintrc.json': '{ "ignores": ["dist/"] }' });
  const ignored = await runCli(dir, ['--no-cache', '-f', 'json', '--stdin', '--stdin-filename', 'dist/a.js'], { stdin: TOO_LONG });
  assert.equal(ignored.code, 0);
  assert.deepEqual(JSON.parse(ignored.stdout)[0].messages, [{ ruleId: null, fatal: false, severity: 1, message: IGNORED }]);
  assert.equal((await runCli(dir, ['--no-cache', '--no-ignore', '--stdin', '--stdin-filename', 'dist/a.js'], { stdin: TOO_LONG })).code, 1);
  assert.deepEqual(await runCli(dir, ['--no-cache', '--stdin', '--stdin-filename', 'notes.md'], { stdin: '# notes\n' }), {
    code: 0,
    stdout: '',
    stderr: 'callstats-lint: notes.md: skipped, not a JavaScript or TypeScript file or a page with scripts\n',
  });
  const usage: [string[], string][] = [
    [['--stdin-filename', 'a.js'], '--stdin-filename needs --stdin'],
    [['--stdin', 'a.js'], '--stdin lints standard input: give no paths with it'],
    [['--stdin', '--fix'], '--fix and --fix-dry-run cannot be used with --stdin'],
    [['--stdin', '--stdin-filename='], '--stdin-filename must not be empty'],
    [['--ignore-pattern='], '--ignore-pattern must not be empty'],
    [['--color', '--no-color'], '--color and --no-color cannot be used together'],
  ];
  for (const [args, message] of usage) {
    assert.deepEqual(await runCli(dir, args, { stdin: '' }), { code: 2, stdout: '', stderr: `callstats-lint: ${message}\n` }, args.join(' '));
  }
});

test('--print-config FILE: the configuration that applies to that file, every rule at its severity; nothing is linted', async () => {
  const dir = tree({
    '.callstatslintrc.json': '{\n  "topology": "mesh", // the app is peer to peer\n  "rules": { "userid-privacy": "off" },\n  "ignores": ["dist/"],\n}\n',
    'sub/package.json': JSON.stringify({ name: 'sub', callstatsLint: { userIdMaxBytes: 128 } }),
  });
  const defaults = Object.fromEntries(RULES.map(({ meta }) => [meta.id, meta.defaultSeverity]));
  const printed = await runCli(dir, ['--print-config', 'src/app.js', '--rule', 'id-empty=error']);
  assert.equal(printed.code, 0);
  assert.equal(printed.stderr, '');
  assert.deepEqual(JSON.parse(printed.stdout), {
    topology: 'mesh',
    conferenceServerIds: [],
    userIdMaxBytes: 256,
    rules: { ...defaults, 'userid-privacy': 'off', 'id-empty': 'error' },
    ignores: ['dist/'],
    sources: [path.join(dir, '.callstatslintrc.json')],
  });
  assert.ok(printed.stdout.startsWith('{\n  "topology": "mesh",\n'), 'pretty-printed');
  const nested = JSON.parse((await runCli(dir, ['--print-config', 'sub/x.ts'])).stdout);
  assert.deepEqual([nested.topology, nested.userIdMaxBytes, nested.ignores, nested.sources], ['auto', 128, [], [path.join(dir, 'sub/package.json')]]);
  const explicit = JSON.parse((await runCli(path.join(dir, 'sub'), ['--print-config', 'x.ts', '-c', '../.callstatslintrc.json'])).stdout);
  assert.equal(explicit.topology, 'mesh');
  assert.deepEqual(await runCli(dir, ['--print-config', 'a.js', '-c', 'nope.json']), { code: 2, stdout: '', stderr: `callstats-lint: ${dir}/nope.json: cannot read the file (ENOENT)\n` });
});

test('JSONC configuration errors name the file, the line and column, or the key', async () => {
  const table: [string, string][] = [
    ['{\n  // fine\n  "topology": "mesh" "rules": {}\n}', 'invalid JSON: a comma was expected at line 3, column 22'],
    ['{\n  /* never closed\n}', 'invalid JSON: a comment is not closed at line 2, column 3'],
    ['{ "ignores": "dist/" }', '"ignores" must be an array of non-empty glob patterns (got "dist/")'],
    ['{ "ignores": [""] }', '"ignores" must be an array of non-empty glob patterns (got [""])'],
    ['{ "rules": { "id-max-bytes": "loud", }, }', 'rule "id-max-bytes" must be "off", "info", "warn" or "error" (got "loud")'],
    ['', 'invalid JSON: a value was expected at line 1, column 1'],
  ];
  for (const [text, problem] of table) {
    const dir = tree({ '.callstatslintrc.json': text, 'a.js': 'export {};\n' });
    assert.deepEqual(await runCli(dir, ['--no-cache']), { code: 2, stdout: '', stderr: `callstats-lint: ${dir}/.callstatslintrc.json: ${problem}\n` }, text);
  }
  // package.json stays plain JSON: npm reads it too.
  const dir = tree({ 'package.json': '{ "name": "app", // no\n "callstatsLint": {} }', 'a.js': 'export {};\n' });
  // A package.json that cannot be parsed is its folder's problem: reported for the files below it.
  assert.deepEqual(await runCli(dir, ['--no-cache']), {
    code: 1,
    stdout: `\na.js\n  0:0  error  configuration: ${dir}/package.json: invalid JSON: invalid comment at line 1, column 18\n\n\u2716 1 problem (1 error, 0 warnings)\n\n`,
    stderr: '',
  });
});
