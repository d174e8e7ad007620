// Fixes never lose code: every fix alone and --fix's loop parse, keep line breaks, reach a fixpoint and are idempotent, on the docs, the example app, edge cases and generated programs.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { defaultConfig } from '../../server/src/engine/config.js';
import { fixFiles, MAX_FIX_PASSES } from '../../server/src/engine/fixes.js';
import { Linter } from '../../server/src/engine/linter.js';
import { defineRule, type DraftFix } from '../../server/src/engine/rule.js';
import { lintSource, writeTree } from '../helpers/lint.js';
import { checkFixLoop, checkFixture, crlf, docsFixtures, EDGE_FIXTURES, exampleFixture, generatedFixture, mutatedExampleFixture, type Checked, type Fixture } from './fix-corpus.js';

/** fast-check runs of the generated-program property (each lints, fixes and re-lints a program). */
export const GENERATED_RUNS = 150;
/** fast-check runs of --fix on the mutated example app (each lints the app, fixes it, and lints and fixes it again). */
export const MUTATED_RUNS = 200;

function checkAll(fixtures: Fixture[]): Checked {
  const total: Checked = { findings: 0, singleFixes: 0, fixedFiles: 0 };
  for (const fixture of fixtures) {
    const checked = checkFixture(fixture);
    total.findings += checked.findings;
    total.singleFixes += checked.singleFixes;
    total.fixedFiles += checked.fixedFiles;
  }
  return total;
}

describe('fixes never lose code', () => {
  test('docs/rules examples, LF and CRLF, with and without a conference server configured', (t) => {
    const docs = docsFixtures();
    assert.ok(docs.length >= 50, `found ${docs.length} docs fixtures`);
    const total = checkAll([...docs, ...docs.map(crlf)]);
    assert.ok(total.singleFixes > 0 && total.fixedFiles > 0, 'the docs exercise fixes');
    t.diagnostic(`${docs.length * 2} fixtures, ${total.findings} findings, ${total.singleFixes} single fixes and editor actions, ${total.fixedFiles} files fixed`);
  });

  test('the example app, LF and CRLF, with unused directives reported', (t) => {
    const total = checkAll([exampleFixture(), crlf(exampleFixture())]);
    assert.ok(total.fixedFiles > 0, 'the example app has safe fixes');
    t.diagnostic(`${total.findings} findings, ${total.singleFixes} single fixes and editor actions, ${total.fixedFiles} files fixed`);
  });

  for (const fixture of [...EDGE_FIXTURES, ...EDGE_FIXTURES.map(crlf)]) {
    test(`edge case: ${fixture.name}`, () => {
      checkFixture(fixture);
    });
  }

  test(`generated programs: random IDs, quote styles, line breaks, wrappers and files (${GENERATED_RUNS} runs)`, (t) => {
    let findings = 0;
    let singleFixes = 0;
    fc.assert(
      fc.property(generatedFixture, (fixture) => {
        const checked = checkFixture(fixture);
        findings += checked.findings;
        singleFixes += checked.singleFixes;
      }),
      { numRuns: GENERATED_RUNS, includeErrorInReport: true },
    );
    t.diagnostic(`${findings} findings, ${singleFixes} single fixes and editor actions`);
  });

  test(`--fix on the example app with random literals and directives changed: parses, code outside literals and comments untouched, a second --fix changes nothing (${MUTATED_RUNS} runs)`, (t) => {
    const total = { literals: 0, comments: 0, files: 0, runs: 0, fixedRuns: 0 };
    fc.assert(
      fc.property(mutatedExampleFixture, (fixture) => {
        const checked = checkFixLoop(fixture);
        total.literals += checked.literals;
        total.comments += checked.comments;
        total.files += checked.files;
        total.runs++;
        if (checked.files) total.fixedRuns++;
      }),
      { numRuns: MUTATED_RUNS, includeErrorInReport: true },
    );
    // The example app alone has one literal --fix cleans (support.js): the mutations must reach the fix too, in one run of five at least.
    assert.ok(total.literals >= total.runs * 1.2, `only ${total.literals} literals cleaned in ${total.runs} runs`);
    t.diagnostic(`${total.fixedRuns} of ${total.runs} runs fixed something: ${total.files} files, ${total.literals} literals cleaned, ${total.comments} files with only directives removed`);
  });
});

/** The fixes of the one finding of `ruleId` in `code`, as kind and fixed text. */
function fixesOf(code: string, ruleId: string, options: Parameters<typeof lintSource>[1] = {}): { kind: string; text: string }[] {
  const findings = lintSource(code, { ...options, rule: ruleId }).findings;
  assert.equal(findings.length, 1, `one ${ruleId} finding in:\n${code}`);
  return findings[0].fixes.map((fix) => ({ kind: fix.kind, text: fix.text }));
}

describe('fixes that used to break the code, exact output', () => {
  const head = "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\nconst pc = new RTCPeerConnection();\n";
  const send = "{ remoteEndpointType: cs.endpointType.server, fabricTransmissionDirection: cs.transmissionDirection.sendonly }";

  test("the conference-server fix of a shorthand { remoteUserID } keeps the key (was `{ 'sfu-1' }`)", () => {
    const code = `${head}cs.addNewFabric(pc, 'sfu-1', cs.fabricUsage.multiplex, 'room-42', ${send});\nexport function rename(remoteUserID) { cs.setIdentifiers({ remoteUserID }, pc); }\n`;
    assert.deepEqual(fixesOf(code, 'remote-userid-topology', { config: { conferenceServerIds: ['sfu-1'] } }), [
      { kind: 'suggestion', text: code.replace('({ remoteUserID }', "({ remoteUserID: 'sfu-1' }") },
    ]);
  });

  test('the participant suggestion for a shorthand { remoteUserID } keeps the key (was `{ peerId }`)', () => {
    const code = `${head}export function call(peerId) {\n  const remoteUserID = 'alice';\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, 'room-42', { remoteEndpointType: cs.endpointType.peer });\n  cs.setIdentifiers({ remoteUserID }, pc);\n}\n`;
    assert.deepEqual(fixesOf(code, 'remote-userid-topology'), [{ kind: 'suggestion', text: code.replace('({ remoteUserID }', '({ remoteUserID: peerId }') }]);
  });

  test('"call initialize() again" after an unbraced if body gets braces, so the else still parses', () => {
    const code = "const cs = new callstats();\nlet userID = 'guest';\ncs.initialize('app', 'secret', userID);\nexport function login(id, ok) {\n  if (ok) userID = id;\n  else console.log('no');\n}\n";
    assert.deepEqual(fixesOf(code, 'reinit-on-userid-change'), [
      { kind: 'suggestion', text: code.replace('if (ok) userID = id;', "if (ok) { userID = id;\n  cs.initialize('app', 'secret', userID); }") },
    ]);
  });

  test('"call initialize() again" inserts its line with the line break of the line it follows (CRLF)', () => {
    const code = "const cs = new callstats();\r\nlet userID = 'guest';\r\ncs.initialize('app', 'secret', userID);\r\nexport function login(id) {\r\n  userID = id;\r\n}\r\n";
    assert.deepEqual(fixesOf(code, 'reinit-on-userid-change'), [
      { kind: 'suggestion', text: code.replace('  userID = id;\r\n', "  userID = id;\r\n  cs.initialize('app', 'secret', userID);\r\n") },
    ]);
  });

  test('"remove the directive" is offered for comments only, never for look-alikes in strings, templates or JSX text', () => {
    const code = 'const a = "// callstats-lint-disable-next-line id-empty -- in a string"; const z = a;\nconst b = `/* callstats-lint-disable id-empty */`;\n// callstats-lint-disable-next-line id-empty\nconst d = 1;\n';
    const r = lintSource(code, { reportUnusedDisableDirectives: 'error' });
    assert.deepEqual(
      r.findings.map((f) => ({ line: f.line, fixes: f.fixes.map((x) => x.text) })),
      [
        { line: 1, fixes: [] },
        { line: 2, fixes: [] },
        { line: 3, fixes: [code.replace('// callstats-lint-disable-next-line id-empty\n', '')] },
      ],
    );
    const jsx = lintSource('export const A = () => <div>// callstats-lint-disable-next-line id-empty</div>;\n', { name: 'app.jsx', reportUnusedDisableDirectives: 'error' });
    assert.deepEqual(jsx.findings.map((f) => f.fixes.length), [0]);
  });
});

describe('the fix loop', () => {
  test('holds back a safe fix that would add a syntax error, in every file it edits, and applies the others', () => {
    const dir = writeTree({ 'app.js': "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n", 'lib.js': 'export const x = 1;\n', '.callstatslintrc.json': '{}' });
    const app = path.join(dir, 'app.js');
    const lib = path.join(dir, 'lib.js');
    // A rule with a bug: its first fix opens a parenthesis it never closes (and edits lib.js too).
    const buggy = defineRule({
      meta: { id: 'buggy', description: 'Has a bug', defaultSeverity: 'warn', docs: 'docs/rules/buggy.md', fixes: { breaks: { title: 'breaks', kind: 'safe' }, fine: { title: 'fine', kind: 'safe' } } },
      messages: { breaks: { message: 'test: breaks', help: 'None.' }, fine: { message: 'test: fine', help: 'None.' } },
      create(context) {
        for (const call of context.calls) {
          if (call.call.getSourceFile().text.startsWith('// ok')) continue;
          const end = call.call.getEnd();
          const breaks: DraftFix<'breaks'> = { fixId: 'breaks', edits: [{ file: app, start: end, end, newText: ' (' }, { file: lib, start: 0, end: 0, newText: '// touched\n' }] };
          const fine: DraftFix<'fine'> = { fixId: 'fine', edits: [{ file: app, start: 0, end: 0, newText: '// ok\n' }] };
          context.report({ node: call.call, messageId: 'breaks', fixes: [breaks] });
          context.report({ node: call.call.expression, messageId: 'fine', fixes: [fine] });
        }
      },
    });
    const linter = new Linter({ rules: [buggy] });
    const request = { files: [app, lib], configFor: () => defaultConfig() };
    const original = new Map(request.files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
    const outcome = fixFiles(linter, request, linter.lint(request), (file) => original.get(file));
    assert.deepEqual(outcome.rejected.map((fix) => fix.title), ['breaks']);
    assert.deepEqual([...outcome.fixed], [[app, `// ok\n${original.get(app)}`]], 'lib.js is not touched by the held-back fix');
  });

  test(`stops after ${MAX_FIX_PASSES} passes when a fix keeps re-triggering`, () => {
    const dir = writeTree({ 'app.js': "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n", '.callstatslintrc.json': '{}' });
    const app = path.join(dir, 'app.js');
    const forever = defineRule({
      meta: { id: 'forever', description: 'Fixes forever', defaultSeverity: 'warn', docs: 'docs/rules/forever.md', fixes: { again: { title: 'again', kind: 'safe' } } },
      messages: { again: { message: 'test: again', help: 'None.' } },
      create(context) {
        for (const call of context.calls) context.report({ node: call.call, messageId: 'again', fixes: [{ fixId: 'again', edits: [{ file: app, start: 0, end: 0, newText: '// again\n' }] }] });
      },
    });
    const linter = new Linter({ rules: [forever] });
    const request = { files: [app], configFor: () => defaultConfig() };
    const text = fs.readFileSync(app, 'utf8');
    const outcome = fixFiles(linter, request, linter.lint(request), () => text);
    assert.equal(outcome.passes, MAX_FIX_PASSES);
    assert.equal(outcome.fixed.get(app), '// again\n'.repeat(MAX_FIX_PASSES) + text);
  });
});
