// The Linter entry point: pre-filter, broken and unreadable files, configuration problems, disable comments, overlays, dependentsOf.
import { RULES } from '../../server/src/rules/index.js';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ts } from 'ts-morph';
import { ConfigResolver, defaultConfig } from '../../server/src/engine/config.js';
import { Linter } from '../../server/src/engine/linter.js';
import { defineRule } from '../../server/src/engine/rule.js';
import { lint, lintDir, writeTree, RULE_IDS } from '../helpers/lint.js';

const TOO_LONG = "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(300));\n";
const MESSAGE = 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256';
const where = (r: ReturnType<typeof lint>) => r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);

describe('Linter', () => {
  test('a file that never mentions the SDK gets no findings and no problems', () => {
    const r = lint({ 'plain.js': "const widget = window.widget;\nwidget.initialize('app', 'secret', 'x'.repeat(300));\nexport const answer = 42;\n" });
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.reports.map((x) => x.problems), [[]]);
  });

  test('every requested file gets a report, in request order', () => {
    const r = lint({ 'b.js': 'export const b = 1;\n', 'a.js': TOO_LONG });
    assert.deepEqual(r.reports.map((x) => path.basename(x.file)), ['b.js', 'a.js']);
    assert.deepEqual(r.reports.map((x) => x.findings.length), [0, 1]);
  });

  test('a syntax error after the call: the call is still analysed', () => {
    const r = lint({ 'app.js': `${TOO_LONG}function broken( {\n  return ;\n` });
    assert.deepEqual(where(r), ['app.js:2:32 id-max-bytes']);
    assert.deepEqual(r.problems, {});
  });

  test('a syntax error before the call: the parser recovers and the call is analysed', () => {
    const r = lint({ 'app.js': `const = ;\n${TOO_LONG}` });
    assert.deepEqual(r.findings.map((f) => `${f.line}:${f.column} ${f.message}`), [`3:32 ${MESSAGE}`]);
  });

  test('broken statements inside a function before the call', () => {
    const r = lint({ 'app.js': "const cs = new callstats();\nfunction broken() {\n  let x = 5 +;\n  )\n}\ncs.initialize('app', 'secret', 'x'.repeat(300));\n" });
    assert.deepEqual(where(r), ['app.js:6:32 id-max-bytes']);
  });

  test('a directory named like a source file becomes a problem, not a throw', () => {
    const dir = writeTree({ 'app.js': TOO_LONG, 'folder.js/inner.txt': '' });
    const r = lintDir(dir, ['folder.js', 'app.js']);
    assert.deepEqual(r.problems, { 'folder.js': ['not a regular file'] });
    assert.deepEqual(where(r), ['app.js:2:32 id-max-bytes']);
  });

  test('a dangling symlink becomes a problem, not a throw', () => {
    const dir = writeTree({ 'app.js': TOO_LONG });
    fs.symlinkSync(path.join(dir, 'gone.js'), path.join(dir, 'link.js'));
    const r = lintDir(dir, ['link.js', 'app.js']);
    assert.deepEqual(r.problems, { 'link.js': ['cannot read the file (ENOENT)'] });
    assert.deepEqual(where(r), ['app.js:2:32 id-max-bytes']);
  });

  test('a broken configuration becomes a problem of the files it applies to, with no findings', () => {
    const dir = writeTree({ 'app.js': TOO_LONG, '.callstatslintrc.json': JSON.stringify({ topolgy: 'mesh' }) });
    const r = lintDir(dir, ['app.js']);
    const rc = path.join(dir, '.callstatslintrc.json');
    assert.deepEqual(r.problems, { 'app.js': [`configuration: ${rc}: unknown key "topolgy"; allowed keys: topology, conferenceServerIds, userIdMaxBytes, rules, ignores`] });
    assert.deepEqual(r.findings, []);
  });

  test('a broken configuration in one folder does not cost other files their findings', () => {
    const dir = writeTree({
      'bad/.callstatslintrc.json': JSON.stringify({ topolgy: 'mesh' }),
      'bad/bad.js': TOO_LONG,
      '.callstatslintrc.json': '{}',
      'good.js': TOO_LONG,
    });
    const r = lintDir(dir, ['bad/bad.js', 'good.js']);
    const rc = path.join(dir, 'bad', '.callstatslintrc.json');
    assert.deepEqual(r.problems, { [path.join('bad', 'bad.js')]: [`configuration: ${rc}: unknown key "topolgy"; allowed keys: topology, conferenceServerIds, userIdMaxBytes, rules, ignores`] });
    assert.deepEqual(where(r), ['good.js:2:32 id-max-bytes']);
  });

  test('severity comes from the configuration', () => {
    const r = lint({ 'app.js': TOO_LONG }, { config: { rules: { 'id-max-bytes': 'info' } } });
    assert.deepEqual(r.reports[0].findings.map((f) => f.severity), ['info']);
    assert.deepEqual(lint({ 'app.js': TOO_LONG }).reports[0].findings.map((f) => f.severity), ['error']);
  });

  test('findings are sorted by position', () => {
    const r = lint({ 'app.js': "const cs = new callstats();\ncs.addNewFabric(pc, 'x'.repeat(300), cs.fabricUsage.multiplex, 'y'.repeat(300));\ncs.initialize('app', 'secret', 'z'.repeat(300));\n" });
    assert.deepEqual(where(r), ['app.js:2:4 api-before-initialize', 'app.js:2:21 id-max-bytes', 'app.js:2:64 id-max-bytes', 'app.js:3:32 id-max-bytes']);
  });
});

describe('callstats-lint-disable-next-line', () => {
  const withComment = (comment: string) => `const cs = new callstats();\n${comment}\ncs.initialize('app', 'secret', 'x'.repeat(300));\n`;
  const cases: [string, string, number][] = [
    ['the rule id suppresses', '// callstats-lint-disable-next-line id-max-bytes', 0],
    ['with a reason after --', '// callstats-lint-disable-next-line id-max-bytes -- legacy kiosk ID', 0],
    ['one of several ids', '// callstats-lint-disable-next-line remote-userid-topology, id-max-bytes', 0],
    ['no id disables every rule', '// callstats-lint-disable-next-line', 0],
    ['another rule id does not suppress', '// callstats-lint-disable-next-line remote-userid-topology', 1],
    ['a different comment does not suppress', '// eslint-disable-next-line id-max-bytes', 1],
  ];
  for (const [name, comment, count] of cases) {
    test(name, () => assert.equal(lint({ 'app.js': withComment(comment) }).findings.length, count));
  }

  test('only the next line', () => {
    const r = lint({ 'app.js': `// callstats-lint-disable-next-line id-max-bytes\n${TOO_LONG}` });
    assert.deepEqual(where(r), ['app.js:3:32 id-max-bytes']);
  });

  test('in the file where the finding is reported (the defining file)', () => {
    const files = {
      'ids.js': "// callstats-lint-disable-next-line id-max-bytes\nexport const ID = 'x'.repeat(300);\n",
      'app.js': "import { ID } from './ids.js';\nconst cs = new callstats();\ncs.initialize('app', 'secret', ID);\n",
    };
    assert.deepEqual(lint(files).findings, []);
  });
});

describe('Linter state', () => {
  test('overlays stand in for the disk until cleared', () => {
    const dir = writeTree({ 'app.js': TOO_LONG });
    const file = path.join(dir, 'app.js');
    const linter = new Linter({ rules: RULES });
    const resolver = new ConfigResolver({ ruleIds: RULE_IDS });
    const run = () => linter.lint({ files: [file], configFor: (f) => resolver.forFile(f) })[0].findings.length;
    assert.equal(run(), 1);
    linter.setOverlay(file, "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n");
    assert.equal(run(), 0);
    linter.setOverlay(file, undefined);
    assert.equal(run(), 1);
  });

  test('dependentsOf: the files analysed with it and its importers, not the file itself or unrelated files', () => {
    const dir = writeTree({
      'stats.js': 'export const cs = new callstats();\n',
      'app.js': "import { cs } from './stats.js';\nexport const start = () => cs.initialize('app', 'secret', 'alice');\n",
      'main.js': "import { start } from './app.js';\nstart();\n",
      'cjs.js': "const { cs } = require('./stats');\nmodule.exports = cs;\n",
      'other.js': 'export const other = 1;\n',
    });
    const linter = new Linter({ rules: RULES });
    const resolver = new ConfigResolver({ ruleIds: RULE_IDS });
    const files = ['stats.js', 'app.js', 'main.js', 'cjs.js', 'other.js'].map((f) => path.join(dir, f));
    linter.lint({ files, configFor: (f) => resolver.forFile(f) });
    const dependents = (f: string) => linter.dependentsOf(path.join(dir, f)).map((x) => path.basename(x)).sort();
    assert.deepEqual(dependents('stats.js'), ['app.js', 'cjs.js', 'main.js']);
    assert.deepEqual(dependents('app.js'), ['cjs.js', 'main.js', 'stats.js']);
    assert.deepEqual(dependents('main.js'), []);
    assert.deepEqual(dependents('other.js'), []);
  });

  describe('rules are what the Linter is given', () => {
    /** A rule of its own id: one finding per initialize() call, a likely one when the userID is not a literal. */
    const custom = defineRule({
      meta: { id: 'team/initialize-seen', description: 'Marks initialize() calls', defaultSeverity: 'error', docs: 'docs/rules/team.md', fixes: {} },
      messages: { seen: { message: 'initialize() with {{arg}}', help: 'Nothing to do.' } },
      create(context) {
        for (const call of context.calls) {
          if (call.method.name !== 'initialize') continue;
          const arg = call.call.arguments[2];
          context.report({ node: call.call, messageId: 'seen', data: { arg: arg.getText() }, likely: arg.kind !== ts.SyntaxKind.StringLiteral });
        }
      },
    });
    const code = "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\ncs.initialize('app', 'secret', 'x'.repeat(300));\n";

    test('a rule with a new id runs at its default severity, with its messages; the built-in rules are not run', () => {
      const dir = writeTree({ 'app.js': code });
      const file = path.join(dir, 'app.js');
      const linter = new Linter({ rules: [custom] });
      assert.deepEqual(linter.ruleIds, ['team/initialize-seen']);
      const [report] = linter.lint({ files: [file], configFor: () => defaultConfig() });
      assert.deepEqual(
        report.findings.map((f) => [f.ruleId, f.messageId, f.severity, f.message, f.help, f.range.line]),
        [
          ['team/initialize-seen', 'seen', 'error', "initialize() with 'alice'", 'Nothing to do.', 2],
          // Likely, not certain: never an error.
          ['team/initialize-seen', 'seen', 'warn', "initialize() with 'x'.repeat(300)", 'Nothing to do.', 3],
        ],
      );
    });

    test('a configured severity applies; the likely finding stays a warning even when configured as an error', () => {
      const dir = writeTree({ 'app.js': code });
      const file = path.join(dir, 'app.js');
      const config = { ...defaultConfig(), rules: { 'team/initialize-seen': 'error' as const } };
      const [report] = new Linter({ rules: [custom] }).lint({ files: [file], configFor: () => config });
      assert.deepEqual(report.findings.map((f) => f.severity), ['error', 'warn']);
      const off = { ...defaultConfig(), rules: { 'team/initialize-seen': 'off' as const } };
      assert.deepEqual(new Linter({ rules: [custom] }).lint({ files: [file], configFor: () => off })[0].findings, []);
    });

    test('a directive may name the rule; one naming a rule the Linter was not given is reported as unknown', () => {
      const text = [
        'const cs = new callstats();',
        '// callstats-lint-disable-next-line team/initialize-seen',
        "cs.initialize('app', 'secret', 'alice');",
        '// callstats-lint-disable-next-line id-max-bytes',
        "cs.initialize('app', 'secret', 'x'.repeat(300));",
        '',
      ].join('\n');
      const dir = writeTree({ 'app.js': text });
      const [report] = new Linter({ rules: [custom] }).lint({ files: [path.join(dir, 'app.js')], configFor: () => defaultConfig() });
      assert.deepEqual(report.findings.map((f) => [f.ruleId, f.messageId, f.range.line]), [
        ['unused-disable-directive', 'unknownRule', 4],
        ['team/initialize-seen', 'seen', 5],
      ]);
    });

    test('a template placeholder without a value fails the rule on that file, never the run', () => {
      const typo = defineRule({
        meta: { id: 'typo', description: 'Has a typo', defaultSeverity: 'warn', docs: 'docs/rules/typo.md', fixes: {} },
        messages: { seen: { message: 'initialize() with {{argument}}', help: 'None.' } },
        create(context) {
          for (const call of context.calls) context.report({ node: call.call, messageId: 'seen', data: { arg: 'x' } });
        },
      });
      const dir = writeTree({ 'app.js': code });
      const [report] = new Linter({ rules: [typo, custom] }).lint({ files: [path.join(dir, 'app.js')], configFor: () => defaultConfig() });
      assert.deepEqual(report.problems, ['rule typo failed: message seen of typo: no value for {{argument}}']);
      assert.equal(report.findings.length, 2, 'the other rule still reports');
    });

    test('two rules with one id are refused', () => {
      assert.throws(() => new Linter({ rules: [custom, custom] }), { message: 'two rules have the id "team/initialize-seen"' });
    });
  });
});
