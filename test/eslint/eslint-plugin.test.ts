// The ESLint plugin run by ESLint itself: the same findings as the CLI, ESLint's disable comments, one shared analysis per project, settings, positions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ESLint, Linter as EslintLinter } from 'eslint';
import plugin from '../../server/src/eslint-plugin.js';
import { sharedAnalysis } from '../../server/src/eslint/analysis.js';
import { ROOT, writeTree } from '../helpers/lint.js';

const SCRIPTS = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'];
/** The recommended configuration, TypeScript parsed by the plugin's own parser (typescript-eslint is no dependency of this package). */
const CONFIG: EslintLinter.Config[] = [plugin.configs.recommended, { files: SCRIPTS, languageOptions: { parser: plugin.parser } }];
const TOO_LONG = "cs.initialize('app', 'secret', 'x'.repeat(300));";

/** `callstats-lint ...args --format json` in `cwd`: its results (it exits with 1 for errors). */
function cliResults(cwd: string, args: string[]) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'callstats-lint.js'), ...args, '--format', 'json'], { cwd, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout);
}

function eslint(cwd: string, overrides: Partial<ESLint.Options> = {}): ESLint {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: CONFIG, ...overrides });
}

/** `path:line:column-endLine:endColumn ruleId` of every message (with `severity`, its severity after it), sorted. */
function rows(
  results: { filePath: string; messages: { ruleId: string | null; severity?: number; line?: number; column?: number; endLine?: number; endColumn?: number }[] }[],
  base: string,
  prefix = '',
  { severity = false } = {},
): string[] {
  return results
    .flatMap((result) => result.messages.map((m) => `${path.relative(base, result.filePath)}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${prefix}${m.ruleId}${severity ? ` ${m.severity}` : ''}`))
    .sort();
}

test('examples/: ESLint with configs.recommended reports what `callstats-lint examples --format json` reports (files, lines, columns, rules, severities)', async () => {
  const cli = cliResults(ROOT, ['examples']);
  const results = await eslint(ROOT).lintFiles(['examples']);
  const expected = rows(cli, ROOT, 'callstats/', { severity: true });
  assert.ok(expected.length >= 20, `the CLI reports findings on examples/ (${expected.length})`);
  // A likely finding of an error rule is a warning in both (kiosk.js:8; the certain id-max-bytes of sfu.ts:11 is an error).
  assert.ok(expected.includes('examples/src/kiosk.js:8:23-8:123 callstats/id-max-bytes 1'), expected.join('\n'));
  assert.ok(expected.some((row) => row.startsWith('examples/src/sfu.ts:11:') && row.endsWith(' callstats/id-max-bytes 2')), expected.join('\n'));
  assert.deepEqual(rows(results, ROOT, '', { severity: true }), expected);
  // The same files were linted: every file the CLI names is one ESLint linted.
  const linted = new Set(results.map((r) => r.filePath));
  for (const result of cli) assert.ok(linted.has(result.filePath), result.filePath);
});

test("a likely finding of a rule at 'error' is a warning, a certain one an error, in the messages and in ESLint's counts; another processor loses this", async () => {
  const dir = writeTree({ '.callstatslintrc.json': '{}' }, 'callstats-eslint-severity-');
  // The optional chain makes the userID empty on some paths only (likely); the empty literal is certain.
  const code = "const cs = new callstats();\nexport function start(user) {\n  cs.initialize('app', 'secret', user?.id);\n}\nexport function blank() {\n  cs.initialize('app', 'secret', '');\n}\n";
  const at = (severity: 'error' | 'warn', extra: EslintLinter.Config[] = []) =>
    eslint(dir, { overrideConfig: [...CONFIG, { rules: { 'callstats/id-empty': severity } }, ...extra] }).lintText(code, { filePath: path.join(dir, 'app.js') });
  const summary = (result: ESLint.LintResult) => ({
    messages: result.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.messageId} ${m.severity}`),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  });

  const [error] = await at('error');
  assert.deepEqual(summary(error), {
    messages: ['3:34-3:42 callstats/id-empty optionalChain 1', '6:34-6:36 callstats/id-empty empty 2'],
    errorCount: 1,
    warningCount: 1,
  });
  // What `eslint --quiet` keeps: the certain finding only.
  assert.deepEqual(ESLint.getErrorResults([error]).flatMap((r) => r.messages.map((m) => `${m.line} ${m.messageId}`)), ['6 empty']);
  // The command line, with the rule at error in its configuration, says the same.
  fs.writeFileSync(path.join(dir, '.callstatslintrc.json'), '{"rules": {"id-empty": "error"}}');
  fs.writeFileSync(path.join(dir, 'app.js'), code);
  const [cli] = cliResults(dir, ['app.js']);
  assert.deepEqual({ errorCount: cli.errorCount, warningCount: cli.warningCount }, { errorCount: 1, warningCount: 1 });
  assert.deepEqual(rows([error], dir, '', { severity: true }), rows([cli], dir, 'callstats/', { severity: true }));

  // At 'warn' both are warnings.
  assert.deepEqual(summary((await at('warn'))[0]), {
    messages: ['3:34-3:42 callstats/id-empty optionalChain 1', '6:34-6:36 callstats/id-empty empty 1'],
    errorCount: 0,
    warningCount: 2,
  });

  // The rules turned on without configs.recommended, with the processor set as docs/eslint-plugin.md shows.
  const manual = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [{ files: SCRIPTS, plugins: { callstats: plugin }, processor: 'callstats/severity', rules: { 'callstats/id-empty': 'error' } }],
  });
  assert.deepEqual(summary((await manual.lintText(code, { filePath: path.join(dir, 'app.js') }))[0]), summary(error));

  // A configuration that gives these files another processor replaces this one: every finding takes the rule's severity.
  const other: EslintLinter.Processor = { preprocess: (text) => [text], postprocess: (lists) => lists.flat(), supportsAutofix: true };
  assert.deepEqual(summary((await at('error', [{ files: SCRIPTS, processor: other }]))[0]), {
    messages: ['3:34-3:42 callstats/id-empty optionalChain 2', '6:34-6:36 callstats/id-empty empty 2'],
    errorCount: 2,
    warningCount: 0,
  });
});

test("ESLint's disable comments suppress a rule's finding on their line, and only that rule's; callstats-lint's own comments work too", async () => {
  const dir = writeTree({ '.callstatslintrc.json': '{}' }, 'callstats-eslint-disable-');
  const code = [
    'const cs = new callstats();',
    '// eslint-disable-next-line callstats/id-max-bytes',
    TOO_LONG,
    TOO_LONG,
    '// eslint-disable-next-line callstats/id-empty',
    TOO_LONG,
    TOO_LONG + ' // eslint-disable-line callstats/id-max-bytes',
    '// callstats-lint-disable-next-line id-max-bytes',
    TOO_LONG,
    '/* eslint-disable callstats/id-max-bytes */',
    TOO_LONG,
    '',
  ].join('\n');
  const [result] = await eslint(dir).lintText(code, { filePath: path.join(dir, 'app.js') });
  assert.deepEqual(
    result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),
    ['4:32 callstats/id-max-bytes', '5:1 null', '6:32 callstats/id-max-bytes'],
  );
  // ESLint's own report of a comment that suppressed nothing.
  assert.equal(result.messages[1].message, "Unused eslint-disable directive (no problems were reported from 'callstats/id-empty').");
  assert.deepEqual(
    result.suppressedMessages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.suppressions.map((s) => s.kind).join()}`),
    ['3:32 callstats/id-max-bytes directive', '7:32 callstats/id-max-bytes directive', '11:32 callstats/id-max-bytes directive'],
  );
});

test('disable comments in TypeScript parsed by the plugin parser', async () => {
  const dir = writeTree({ '.callstatslintrc.json': '{}' }, 'callstats-eslint-ts-');
  const code = `declare const callstats: new () => { initialize(a: string, b: string, c: string): void };\nconst cs = new callstats();\n// eslint-disable-next-line callstats/id-max-bytes\n${TOO_LONG}\nconst id: string = 'x'.repeat(300) as string;\ncs.initialize('app', 'secret', id);\n`;
  const [result] = await eslint(dir).lintText(code, { filePath: path.join(dir, 'app.ts') });
  assert.deepEqual(result.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.severity}`), ['5:20-5:35 callstats/id-max-bytes 2']);
  assert.deepEqual(result.suppressedMessages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), ['4:32 callstats/id-max-bytes']);
});

test('the plugin parser finds every comment and only comments: not in a regular expression, a template or JSX text', () => {
  const code = "const re = /\\/\\/ no/; // one\nconst t = `// no ${a /* two */}`;\nconst el = <p>// no {/* three */}</p>;\n/**\n * four\n */\nlet x = 1 / 2; /* five */\r\n// six\u2028// seven";
  const { ast } = (plugin.parser as unknown as { parseForESLint(code: string, options: object): { ast: { comments: { type: string; value: string; range: number[]; loc: object }[]; body: unknown[] } } }).parseForESLint(code, { filePath: 'a.tsx' });
  assert.deepEqual(ast.body, []);
  assert.deepEqual(
    ast.comments.map((c) => [c.type, c.value, c.range, c.loc]),
    [
      ['Line', ' one', [22, 28], { start: { line: 1, column: 22 }, end: { line: 1, column: 28 } }],
      ['Block', ' two ', [50, 59], { start: { line: 2, column: 21 }, end: { line: 2, column: 30 } }],
      ['Block', ' three ', [84, 95], { start: { line: 3, column: 21 }, end: { line: 3, column: 32 } }],
      ['Block', '*\n * four\n ', [102, 117], { start: { line: 4, column: 0 }, end: { line: 6, column: 3 } }],
      ['Block', ' five ', [133, 143], { start: { line: 7, column: 15 }, end: { line: 7, column: 25 } }],
      ['Line', ' six', [145, 151], { start: { line: 8, column: 0 }, end: { line: 8, column: 6 } }],
      ['Line', ' seven', [152, 160], { start: { line: 9, column: 0 }, end: { line: 9, column: 8 } }],
    ],
  );
});

test('one analysis per project and run: every file takes its report from it, a cross-file finding included; unsaved text is analysed as given', async () => {
  const dir = writeTree(
    {
      '.callstatslintrc.json': '{}',
      'config.js': "export const USER = 'x'.repeat(300);\n",
      'session.js': "import { USER } from './config.js';\nconst cs = new callstats();\ncs.initialize('app', 'secret', USER);\n",
      'other.js': "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n",
    },
    'callstats-eslint-shared-',
  );
  const shared = sharedAnalysis();
  const before = { project: shared.projectLints, file: shared.fileLints };
  const first = eslint(dir);
  // config.js alone holds no SDK call: its finding comes from session.js, analysed with it.
  const results = await first.lintFiles(['.']);
  assert.deepEqual(rows(results, dir), ['config.js:1:21-1:36 callstats/id-max-bytes']);
  assert.deepEqual({ project: shared.projectLints - before.project, file: shared.fileLints - before.file }, { project: 1, file: 0 });

  // An editor's unsaved text of session.js: analysed as given, with config.js from disk.
  const [unsaved] = await first.lintText("import { USER } from './config.js';\nconst cs = new callstats();\ncs.initialize('app', 'secret', USER.slice(0, 10) + 'y'.repeat(300));\n", { filePath: path.join(dir, 'session.js') });
  assert.deepEqual(rows([unsaved], dir), ['session.js:3:32-3:67 callstats/id-max-bytes']);
  assert.deepEqual({ project: shared.projectLints - before.project, file: shared.fileLints - before.file }, { project: 1, file: 1 });

  // A new run with nothing changed on disk: the project's reports still hold.
  assert.deepEqual(rows(await eslint(dir).lintFiles(['.']), dir), ['config.js:1:21-1:36 callstats/id-max-bytes']);
  assert.deepEqual({ project: shared.projectLints - before.project, file: shared.fileLints - before.file }, { project: 1, file: 1 });

  // ESLint given one file: the same finding, from the same analysis.
  assert.deepEqual(rows(await eslint(dir).lintFiles(['config.js']), dir), ['config.js:1:21-1:36 callstats/id-max-bytes']);
  assert.deepEqual({ project: shared.projectLints - before.project, file: shared.fileLints - before.file }, { project: 1, file: 1 });

  // A file changed on disk: the next run analyses the project again.
  fs.writeFileSync(path.join(dir, 'config.js'), "export const USER = 'alice';\n");
  assert.deepEqual(rows(await eslint(dir).lintFiles(['.']), dir), []);
  assert.deepEqual({ project: shared.projectLints - before.project, file: shared.fileLints - before.file }, { project: 2, file: 1 });
});

test('each project of a run is checked for changes once in that run, whichever of them comes first', async () => {
  const dir = writeTree(
    {
      'a/.callstatslintrc.json': '{}',
      'a/app.js': "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n",
      'b/.callstatslintrc.json': '{}',
      'b/app.js': "const cs = new callstats();\ncs.initialize('app', 'secret', 'bob');\n",
    },
    'callstats-eslint-projects-',
  );
  const shared = sharedAnalysis();
  const before = shared.projectLints;
  assert.deepEqual(rows(await eslint(dir).lintFiles(['.']), dir), []);
  assert.equal(shared.projectLints - before, 2);
  // b changes; the next run lints a first, then b.
  fs.writeFileSync(path.join(dir, 'b', 'app.js'), `const cs = new callstats();\n${TOO_LONG}\n`);
  assert.deepEqual(rows(await eslint(dir).lintFiles(['.']), dir), ['b/app.js:2:32-2:47 callstats/id-max-bytes']);
  assert.equal(shared.projectLints - before, 3);
});

test('settings.callstats are the base, a .callstatslintrc.json overrides them; broken settings stop ESLint with the key', async () => {
  const code = "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(200));\n";
  const settings = (callstats: unknown): Partial<ESLint.Options> => ({ overrideConfig: [...CONFIG, { settings: { callstats } }] });
  const bare = writeTree({ 'package.json': '{"name":"app"}' }, 'callstats-eslint-settings-');
  const [limited] = await eslint(bare, settings({ userIdMaxBytes: 128 })).lintText(code, { filePath: path.join(bare, 'app.js') });
  assert.deepEqual(limited.messages.map((m) => [m.line, m.column, m.ruleId, m.message]), [[2, 32, 'callstats/id-max-bytes', 'userID is 200 bytes in UTF-8 (200 characters); the limit is 128. Use a shorter opaque ID, such as a SHA-1 hex digest of the value (40 bytes).']]);
  const [unlimited] = await eslint(bare).lintText(code, { filePath: path.join(bare, 'app.js') });
  assert.deepEqual(unlimited.messages, []);

  const configured = writeTree({ '.callstatslintrc.json': '{"userIdMaxBytes": 256}' }, 'callstats-eslint-settings-');
  const [overridden] = await eslint(configured, settings({ userIdMaxBytes: 128 })).lintText(code, { filePath: path.join(configured, 'app.js') });
  assert.deepEqual(overridden.messages, []);

  await assert.rejects(eslint(bare, settings({ topology: 'star' })).lintText(code, { filePath: path.join(bare, 'app.js') }), /ESLint settings\.callstats: .*topology/);
  await assert.rejects(eslint(bare, settings({ rules: {} })).lintText(code, { filePath: path.join(bare, 'app.js') }), /ESLint settings\.callstats: unknown key "rules"/);
});

test("the rules of a .callstatslintrc.json do not apply: ESLint's configuration alone decides what runs and how severely", async () => {
  const dir = writeTree({ '.callstatslintrc.json': '{"rules": {"id-max-bytes": "off"}}' }, 'callstats-eslint-rules-');
  const code = `const cs = new callstats();\n${TOO_LONG}\n`;
  const [on] = await eslint(dir).lintText(code, { filePath: path.join(dir, 'app.js') });
  assert.deepEqual(on.messages.map((m) => `${m.ruleId} ${m.severity}`), ['callstats/id-max-bytes 2']);
  const [off] = await eslint(dir, { overrideConfig: [...CONFIG, { rules: { 'callstats/id-max-bytes': 'off' } }] }).lintText(code, { filePath: path.join(dir, 'app.js') });
  assert.deepEqual(off.messages, []);
});

test('a byte order mark: positions and the fix are where ESLint (which hides it) expects them, and --fix keeps it', async () => {
  const dir = writeTree({ '.callstatslintrc.json': '{}', 'app.js': "\uFEFFconst cs = new callstats();\ncs.initialize('app', 'secret', 'alice ');\n" }, 'callstats-eslint-bom-');
  const [result] = await eslint(dir, { fix: true }).lintFiles(['app.js']);
  assert.equal(result.output, "\uFEFFconst cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n");
  const [unfixed] = await eslint(dir).lintFiles(['app.js']);
  assert.deepEqual(unfixed.messages.map((m) => [m.line, m.column, m.endLine, m.endColumn, m.ruleId, m.fix]), [[2, 32, 2, 40, 'callstats/id-unicode', { range: [59, 67], text: "'alice'" }]]);
  assert.deepEqual(rows([unfixed], dir), rows(cliResults(dir, ['app.js']), dir, 'callstats/'));
});

test("positions are ESLint's: a U+2028 line separator starts a line for ESLint, and its disable comments count that way", async () => {
  const dir = writeTree({ '.callstatslintrc.json': '{}' }, 'callstats-eslint-ls-');
  const code = `const cs = new callstats(); /* a\u2028b */\n${TOO_LONG}\n`;
  const [result] = await eslint(dir).lintText(code, { filePath: path.join(dir, 'app.js') });
  assert.deepEqual(result.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`), ['3:32-3:47']);
  const [disabled] = await eslint(dir).lintText(code.replace('\n', '\n// eslint-disable-next-line callstats/id-max-bytes\n'), { filePath: path.join(dir, 'app.js') });
  assert.deepEqual(disabled.messages, []);
});

test('a file the engine cannot check is reported once, by the first rule that runs, at its start', async () => {
  const dir = writeTree({ '.callstatslintrc.json': '{"topology": "star"}' }, 'callstats-eslint-problem-');
  const [result] = await eslint(dir).lintText(`const cs = new callstats();\n${TOO_LONG}\n`, { filePath: path.join(dir, 'app.js') });
  assert.equal(result.messages.length, 1);
  const [message] = result.messages;
  assert.deepEqual([message.ruleId, message.messageId, message.line, message.column], ['callstats/id-max-bytes', 'callstatsLintProblem', 1, 1]);
  assert.match(message.message, /^callstats-lint could not check this file: configuration: .*\.callstatslintrc\.json.*topology/);
});
