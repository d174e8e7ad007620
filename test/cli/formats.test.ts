// Every --format on one folder with an error, a warning, an info finding, a file that cannot be linted and a clean file: exact output and exit codes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli, tree } from '../helpers/cli.js';

const TOO_LONG = "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(300));\n";
const MESSAGE = 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256';
const HELP = 'Use a shorter opaque ID, such as a SHA-1 hex digest of the value (40 bytes).';
const BINARY = 'skipped: a binary file (it has NUL bytes in its first 8 kB)';

/** The same finding as an error (a.js), a warning (warn/b.js) and an info (info/c.js). */
function fixture(): string {
  return tree({
    '.callstatslintrc.json': '{}',
    'src/a.js': TOO_LONG,
    'src/warn/.callstatslintrc.json': '{ "rules": { "id-max-bytes": "warn" } }',
    'src/warn/b.js': TOO_LONG,
    'src/info/.callstatslintrc.json': '{ "rules": { "id-max-bytes": "info" } }',
    'src/info/c.js': TOO_LONG,
    'src/bin.js': new Uint8Array([0x61, 0, 0x62]),
    'src/clean.js': 'export const x = 1;\n',
  });
}

test('compact: one line per message, absolute paths, a count', async () => {
  const dir = fixture();
  assert.deepEqual(await runCli(dir, ['--no-cache', '-f', 'compact', 'src']), {
    code: 1,
    stdout: [
      `${dir}/src/a.js: line 2, col 32, Error - ${MESSAGE} (id-max-bytes)`,
      `${dir}/src/bin.js: line 0, col 0, Error - ${BINARY}`,
      `${dir}/src/info/c.js: line 2, col 32, Info - ${MESSAGE} (id-max-bytes)`,
      `${dir}/src/warn/b.js: line 2, col 32, Warning - ${MESSAGE} (id-max-bytes)`,
      '',
      '4 problems',
      '',
    ].join('\n'),
    stderr: '',
  });
  assert.deepEqual(await runCli(dir, ['--no-cache', '-f', 'compact', 'src/clean.js']), { code: 0, stdout: '', stderr: '' });
});

test('checkstyle: one file element per file, severities error, warning and info', async () => {
  const dir = fixture();
  const error = (severity: string) =>
    `<error line="2" column="32" severity="${severity}" message="${MESSAGE} (id-max-bytes)" source="callstats-lint.rules.id-max-bytes" />`;
  assert.deepEqual(await runCli(dir, ['--no-cache', '-f', 'checkstyle', 'src']), {
    code: 1,
    stdout: [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<checkstyle version="4.3">',
      `<file name="${dir}/src/a.js">`,
      error('error'),
      '</file>',
      `<file name="${dir}/src/bin.js">`,
      `<error line="0" column="0" severity="error" message="${BINARY}" source="" />`,
      '</file>',
      `<file name="${dir}/src/clean.js">`,
      '</file>',
      `<file name="${dir}/src/info/c.js">`,
      error('info'),
      '</file>',
      `<file name="${dir}/src/warn/b.js">`,
      error('warning'),
      '</file>',
      '</checkstyle>',
      '',
    ].join('\n'),
    stderr: '',
  });
});

test('junit: a test suite per file, a failing test case per finding, an error for a file not linted, a passing case for a clean file', async () => {
  const dir = fixture();
  const suite = (file: string, type: string) => [
    `<testsuite package="org.callstats-lint" time="0" tests="1" errors="1" name="${dir}/src/${file}.js">`,
    `<testcase time="0" name="org.callstats-lint.id-max-bytes" classname="${dir}/src/${file}"><failure message="${MESSAGE}"><![CDATA[line 2, col 32, ${type} - ${MESSAGE} (id-max-bytes)]]></failure></testcase>`,
    '</testsuite>',
  ];
  assert.deepEqual(await runCli(dir, ['--no-cache', '-f', 'junit', 'src']), {
    code: 1,
    stdout: [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<testsuites>',
      ...suite('a', 'Error'),
      `<testsuite package="org.callstats-lint" time="0" tests="1" errors="1" name="${dir}/src/bin.js">`,
      `<testcase time="0" name="org.callstats-lint.unknown" classname="${dir}/src/bin"><error message="${BINARY}"><![CDATA[line 0, col 0, Error - ${BINARY}]]></error></testcase>`,
      '</testsuite>',
      `<testsuite package="org.callstats-lint" time="0" tests="1" errors="0" name="${dir}/src/clean.js">`,
      `<testcase time="0" name="${dir}/src/clean.js" classname="${dir}/src/clean" />`,
      '</testsuite>',
      ...suite('info/c', 'Info'),
      ...suite('warn/b', 'Warning'),
      '</testsuites>',
      '',
    ].join('\n'),
    stderr: '',
  });
});

test('codequality: GitLab issues with repository paths; fingerprints unique, and kept when the finding moves to another line', async () => {
  const dir = fixture();
  const run = await runCli(dir, ['--no-cache', '-f', 'codequality', 'src']);
  assert.equal(run.code, 1);
  const issues = JSON.parse(run.stdout) as { fingerprint: string }[];
  const issue = (file: string, severity: string, checkName = 'id-max-bytes', description = MESSAGE, line = 2) => ({
    type: 'issue',
    check_name: checkName,
    description,
    categories: ['Bug Risk'],
    severity,
    location: { path: `src/${file}`, lines: { begin: line, end: line } },
  });
  assert.deepEqual(
    issues.map(({ fingerprint: _, ...rest }) => rest),
    [issue('a.js', 'major'), issue('bin.js', 'critical', 'callstats-lint', BINARY, 1), issue('info/c.js', 'info'), issue('warn/b.js', 'minor')],
  );
  const fingerprints = issues.map((i) => i.fingerprint);
  assert.ok(fingerprints.every((f) => /^[0-9a-f]{32}$/.test(f)));
  assert.equal(new Set(fingerprints).size, 4);

  fs.writeFileSync(path.join(dir, 'src', 'a.js'), `\n\n${TOO_LONG}`);
  const moved = JSON.parse((await runCli(dir, ['--no-cache', '-f', 'codequality', 'src'])).stdout) as { fingerprint: string; location: { lines: { begin: number } } }[];
  assert.equal(moved[0].location.lines.begin, 4);
  assert.deepEqual(moved.map((i) => i.fingerprint), fingerprints);
});

test('json: ESLint results with source when there are messages, output after --fix and --fix-dry-run; info counted apart', async () => {
  const dir = fixture();
  const results = JSON.parse((await runCli(dir, ['--no-cache', '-f', 'json', 'src'])).stdout) as Record<string, unknown>[];
  const byFile = new Map(results.map((r) => [path.relative(dir, r.filePath as string), r]));
  assert.deepEqual([...byFile.keys()], ['src/a.js', 'src/bin.js', 'src/clean.js', 'src/info/c.js', 'src/warn/b.js']);
  assert.equal(byFile.get('src/a.js')!.source, TOO_LONG);
  assert.equal('source' in byFile.get('src/clean.js')!, false);
  const counts = (file: string) => ['errorCount', 'fatalErrorCount', 'warningCount', 'infoCount'].map((key) => byFile.get(file)![key]);
  assert.deepEqual(counts('src/a.js'), [1, 0, 0, 0]);
  assert.deepEqual(counts('src/bin.js'), [1, 1, 0, 0]);
  assert.deepEqual(counts('src/warn/b.js'), [0, 0, 1, 0]);
  assert.deepEqual(counts('src/info/c.js'), [0, 0, 0, 1]);
  assert.deepEqual((byFile.get('src/info/c.js')!.messages as object[])[0], {
    ruleId: 'id-max-bytes',
    messageId: 'bytes',
    severity: 1,
    info: true,
    message: MESSAGE,
    help: HELP,
    line: 2,
    column: 32,
    endLine: 2,
    endColumn: 47,
    suggestions: [{ desc: 'Replace the value with its SHA-1 hex digest', fix: { range: [59, 74], text: "'02fd68253071f895718c8d41f7ff665abe1a6290'" } }],
    related: [{ filePath: path.join(dir, 'src/info/c.js'), line: 2, column: 1, endLine: 2, endColumn: 48, message: 'used as the userID of initialize() here' }],
  });

  // A safe fix: the zero-width space goes from the literal written in the call.
  const before = "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice\\u200B');\n";
  const fixable = tree({ '.callstatslintrc.json': '{}', 'app.js': before });
  const dry = await runCli(fixable, ['--no-cache', '--fix-dry-run', '-f', 'json', 'app.js']);
  const [dryResult] = JSON.parse(dry.stderr) as { output?: string; source?: string }[];
  assert.equal(dryResult.output, before.replace('alice\\u200B', 'alice'));
  assert.equal(dryResult.source, undefined);
  assert.equal(fs.readFileSync(path.join(fixable, 'app.js'), 'utf8'), before);
  const fixed = await runCli(fixable, ['--no-cache', '--fix', '-f', 'json', 'app.js']);
  const [fixedResult] = JSON.parse(fixed.stdout) as { output?: string }[];
  assert.equal(fixedResult.output, dryResult.output);
  assert.equal(fs.readFileSync(path.join(fixable, 'app.js'), 'utf8'), dryResult.output);
  // Nothing left to fix: no output.
  const again = JSON.parse((await runCli(fixable, ['--no-cache', '--fix', '-f', 'json', 'app.js'])).stdout) as object[];
  assert.equal('output' in again[0], false);
});

test('stylish: info apart in the summary; colours through NO_COLOR, FORCE_COLOR, --color and --no-color', async () => {
  const dir = fixture();
  const plain = await runCli(dir, ['--no-cache', 'src/info', 'src/warn']);
  assert.deepEqual(plain, {
    code: 0,
    stdout: [
      '',
      'src/info/c.js',
      `  2:32  info  ${MESSAGE}  id-max-bytes`,
      `              ${HELP}`,
      '    \u21b3 src/info/c.js:2:1 used as the userID of initialize() here',
      '',
      'src/warn/b.js',
      `  2:32  warning  ${MESSAGE}  id-max-bytes`,
      `                 ${HELP}`,
      '    \u21b3 src/warn/b.js:2:1 used as the userID of initialize() here',
      '',
      '\u2716 2 problems (0 errors, 1 warning, 1 info)',
      '',
      '',
    ].join('\n'),
    stderr: '',
  });
  const coloured = (await runCli(dir, ['--no-cache', '--color', 'src/warn'])).stdout;
  assert.ok(coloured.includes('\u001b[4msrc/warn/b.js\u001b[24m'), coloured);
  assert.ok(coloured.includes('\u001b[1m\u001b[33m\u2716 1 problem (0 errors, 1 warning)\u001b[39m\u001b[22m'), coloured);
  const table: [string[], NodeJS.ProcessEnv, boolean, boolean][] = [
    [[], {}, true, true],
    [[], {}, false, false],
    [[], { NO_COLOR: '1' }, true, false],
    [[], { NO_COLOR: '' }, true, true],
    [[], { FORCE_COLOR: '1' }, false, true],
    [[], { FORCE_COLOR: '0' }, true, false],
    [[], { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [['--no-color'], { FORCE_COLOR: '1' }, true, false],
    [['--color'], { NO_COLOR: '1' }, false, true],
    [['-o', 'report.txt'], {}, true, false],
  ];
  for (const [args, env, tty, expected] of table) {
    const run = await runCli(dir, ['--no-cache', ...args, 'src/warn'], { env, tty });
    const text = args.includes('-o') ? fs.readFileSync(path.join(dir, 'report.txt'), 'utf8') : run.stdout;
    assert.equal(text.includes('\u001b['), expected, `${args.join(' ')} ${JSON.stringify(env)} tty=${tty}`);
  }
});
