// IDs held by TypeScript enum members and namespace constants: followed like any constant, in one file and across imports.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint, lintSource, rangeOfText } from '../helpers/lint.js';

const HEAD = 'declare const callstats: any;\nconst cs = new callstats();\nconst pc = new RTCPeerConnection();\n';

/** Rule, range and kinds of fixes of each finding, for exact comparison. */
function summary(result: ReturnType<typeof lint>) {
  return result.findings.map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, severity: f.severity, fixes: f.fixes.map((x) => x.kind) }));
}

describe('enum members', () => {
  test('a string member used as the userID: its literal is the finding, and cleaning it is only a suggestion', () => {
    const code = `${HEAD}enum Ids { User = 'user-\u200Bone', Room = 'room' }\ncs.initialize('app', 'secret', Ids.User);\n`;
    const result = lintSource(code, { name: 'app.ts', rule: 'id-unicode' });
    assert.deepEqual(summary(result), [{ ruleId: 'id-unicode', messageId: 'invisible', file: 'app.ts', ...rangeOfText(code, "'user-\u200Bone'"), severity: 'warn', fixes: ['suggestion'] }]);
    assert.equal(result.findings[0].fixes[0].text, code.replace('user-\u200Bone', 'user-one'));
  });

  test("a const enum member, and E['member']", () => {
    const code = `${HEAD}const enum Room { Lobby = '' }\ncs.addNewFabric(pc, 'peer', 'multiplex', Room.Lobby);\ncs.addNewFabric(pc, 'peer', 'multiplex', Room['Lobby']);\n`;
    const result = lintSource(code, { name: 'app.ts', rule: 'id-empty' });
    assert.deepEqual(
      result.findings.map((f) => [f.messageId, f.line, f.column, f.related.map((r) => [r.line, r.column])]),
      [
        ['empty', 5, 42, [[4, 27]]],
        ['empty', 6, 42, [[4, 27]]],
      ],
    );
  });

  test('members of merged enum declarations are found in either', () => {
    const code = `${HEAD}enum Ids { A = 'a' }\nenum Ids { User = '${'x'.repeat(300)}' }\ncs.initialize('app', 'secret', Ids.User);\n`;
    const result = lintSource(code, { name: 'app.ts', rule: 'id-max-bytes' });
    assert.deepEqual(summary(result).map((f) => [f.messageId, f.line, f.column, f.severity]), [['bytes', 5, 19, 'error']]);
  });

  test('a member without an initializer is a number the linter does not follow: no finding', () => {
    const code = `${HEAD}enum Seat { First, Second }\nexport function join(room: string) {\n  cs.initialize('app', 'secret', Seat.Second);\n  cs.addNewFabric(pc, Seat.First, 'multiplex', room);\n}\n`;
    assert.deepEqual(summary(lintSource(code, { name: 'app.ts' })), []);
  });

  test('an enum exported from another module', () => {
    const ids = `export enum Ids { User = '${'é'.repeat(130)}' }\n`;
    const result = lint({ 'ids.ts': ids, 'app.ts': `import { Ids } from './ids';\n${HEAD}cs.initialize('app', 'secret', Ids.User);\n` }, { rule: 'id-max-bytes' });
    assert.deepEqual(summary(result).map((f) => [f.messageId, f.file, f.line, f.column, f.severity]), [['bytes', 'ids.ts', 1, 26, 'error']]);
    assert.equal(result.findings[0].data.bytes, 260);
  });
});

describe('namespace constants', () => {
  test('an exported constant, a nested namespace and a dotted one', () => {
    const code = [
      HEAD,
      "namespace Config { export const USER = ' bob'; export namespace Inner { export const ROOM = ''; } }",
      "namespace App.Ids { export const PEER = '' }",
      "cs.initialize('app', 'secret', Config.USER);",
      "cs.addNewFabric(pc, App.Ids.PEER, 'multiplex', Config.Inner.ROOM);",
      '',
    ].join('\n');
    const result = lintSource(code, { name: 'app.ts' });
    assert.deepEqual(
      summary(result).map((f) => [f.ruleId, f.messageId, f.line, f.column]),
      [
        ['id-unicode', 'leadingSpace', 5, 40],
        ['id-empty', 'empty', 8, 21],
        ['id-empty', 'empty', 8, 48],
      ],
    );
  });

  test('merged namespaces, a namespace exported from another module, and a namespace function that returns the ID', () => {
    const config = "export namespace Config { export const A = 'a'; }\nexport namespace Config { export const USER = 'bob\\u200B'; export function room() { return ''; } }\n";
    const app = `import { Config } from './config';\n${HEAD}cs.initialize('app', 'secret', Config.USER);\ncs.addNewFabric(pc, 'peer', 'multiplex', Config.room());\n`;
    const result = lint({ 'config.ts': config, 'app.ts': app });
    assert.deepEqual(
      summary(result).map((f) => [f.ruleId, f.messageId, f.file, f.line, f.column]),
      [
        ['id-unicode', 'invisible', 'config.ts', 2, 47],
        ['id-empty', 'returned', 'app.ts', 6, 42],
      ],
    );
  });

  test('a constant the namespace does not export is not its member: no finding', () => {
    const code = `${HEAD}namespace Config { const USER = ''; export const OTHER = 'x'; }\ncs.initialize('app', 'secret', (Config as any).USER);\n`;
    assert.deepEqual(summary(lintSource(code, { name: 'app.ts', rule: 'id-empty' })), []);
  });
});
