// Inline suppressions: next-line and file directives, reasons after `--`, unknown rule ids, unused directives and their removal.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULE_IDS, lintSource } from '../helpers/lint.js';

const HEAD = 'const cs = new callstats();\n';
const LONG = `'${'x'.repeat(300)}'`;

describe('callstats-lint-disable-next-line', () => {
  test('suppresses the named rule on the next line only', () => {
    const code = `${HEAD}// callstats-lint-disable-next-line id-max-bytes -- legacy kiosk ID, rotated in Q3\ncs.initialize('a', 's', ${LONG});\ncs.sendUserFeedback(${LONG}, { userID: 'u', overall: 5 });\n`;
    const { findings } = lintSource(code, { rule: 'id-max-bytes' });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.line, f.column]), [['id-max-bytes', 4, 21]]);
  });

  test('several ids separated by commas, and no ids meaning every rule', () => {
    const code = `${HEAD}// callstats-lint-disable-next-line remote-userid-topology, id-max-bytes\ncs.initialize('a', 's', ${LONG});\n// callstats-lint-disable-next-line\ncs.addNewFabric(pc, ${LONG}, cs.fabricUsage.multiplex, 'room');\n`;
    assert.deepEqual(lintSource(code).findings, []);
  });

  test('another rule named does not suppress', () => {
    const code = `${HEAD}// callstats-lint-disable-next-line remote-userid-topology\ncs.initialize('a', 's', ${LONG});\n`;
    assert.deepEqual(lintSource(code).findings.map((f) => f.ruleId), ['id-max-bytes']);
  });
});

describe('callstats-lint-disable for a file', () => {
  test('suppresses the rule everywhere in the file, wherever the comment stands', () => {
    const code = `${HEAD}cs.initialize('a', 's', ${LONG});\n/* callstats-lint-disable id-max-bytes */\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, ${LONG});\n`;
    assert.deepEqual(lintSource(code, { rule: 'id-max-bytes' }).findings, []);
  });

  test('a block comment without ids suppresses every rule', () => {
    const code = `/* callstats-lint-disable */\n${HEAD}cs.initialize('a', 's', ${LONG});\n`;
    assert.deepEqual(lintSource(code).findings, []);
  });
});

describe('directive findings', () => {
  test('an unknown rule id is always reported, and suppresses nothing', () => {
    const code = `${HEAD}// callstats-lint-disable-next-line id-max-byte\ncs.initialize('a', 's', ${LONG});\n`;
    const { findings } = lintSource(code);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line, f.column, f.endColumn]),
      [
        ['unused-disable-directive', 2, 1, 48],
        ['id-max-bytes', 3, 25],
      ].map((row) => (row.length === 3 ? [...row, 25 + LONG.length] : row)),
    );
    assert.equal(findings[0].message, 'Unknown rule "id-max-byte" in a callstats-lint-disable directive');
    assert.equal(findings[0].messageId, 'unknownRule');
    assert.equal(findings[0].help, `Name a known rule: ${RULE_IDS.join(', ')}.`);
    assert.deepEqual(findings[0].fixes, []);
  });

  test('unused directives are reported only when asked, with a fix that removes the comment line', () => {
    const code = `${HEAD}// callstats-lint-disable-next-line id-max-bytes\ncs.initialize('a', 's', 'short');\n`;
    assert.deepEqual(lintSource(code).findings, []);
    const { findings } = lintSource(code, { reportUnusedDisableDirectives: 'error' });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].message, 'Unused callstats-lint-disable directive (no problems were reported from "id-max-bytes")');
    assert.deepEqual([findings[0].line, findings[0].column, findings[0].endLine, findings[0].endColumn], [2, 1, 2, 49]);
    assert.deepEqual(findings[0].fixes.map((f) => [f.title, f.kind, f.text]), [
      ['Remove the directive', 'safe', `${HEAD}cs.initialize('a', 's', 'short');\n`],
    ]);
  });

  test('a used directive is not reported; a trailing directive is removed without its line', () => {
    const used = `${HEAD}// callstats-lint-disable-next-line id-max-bytes\ncs.initialize('a', 's', ${LONG});\n`;
    assert.deepEqual(lintSource(used, { reportUnusedDisableDirectives: 'error' }).findings, []);
    const trailing = `${HEAD}cs.initialize('a', 's', 'ok'); /* callstats-lint-disable remote-userid-topology */\n`;
    const { findings } = lintSource(trailing, { reportUnusedDisableDirectives: 'warn' });
    assert.deepEqual(findings.map((f) => [f.message, f.fixes[0].text]), [
      ['Unused callstats-lint-disable directive (no problems were reported from "remote-userid-topology")', `${HEAD}cs.initialize('a', 's', 'ok'); \n`],
    ]);
  });

  test('files that never touch the SDK still have their unused directives reported', () => {
    const { findings } = lintSource('// callstats-lint-disable-next-line\nconst x = 1;\n', { reportUnusedDisableDirectives: 'error' });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.message]), [['unused-disable-directive', 'Unused callstats-lint-disable directive (no problems were reported)']]);
  });
});
