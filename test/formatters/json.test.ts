// The JSON formatter: ESLint's result format, exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileReport, Finding, SourceRange } from '../../server/src/engine/types.js';
import { json } from '../../server/src/formatters/json.js';
import { toLintResults } from '../../server/src/formatters/results.js';

const app = '/work/app/src/app.js';
const ctx = { cwd: '/work/app', rules: [] };

function range(line: number, column: number, endLine: number, endColumn: number): SourceRange {
  return { start: 0, end: 0, line, column, endLine, endColumn };
}

const tooLong: Finding = {
  ruleId: 'id-max-bytes',
  messageId: 'bytes',
  data: { label: 'userID', bytes: 300, chars: 300, limit: 256 },
  severity: 'error',
  likely: false,
  message: 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256',
  help: 'Use a shorter ID.',
  file: app,
  range: range(2, 32, 2, 47),
  related: [],
  fixes: [
    { title: 'Truncate the literal to the limit', kind: 'suggestion', edits: [{ file: app, start: 59, end: 74, newText: "'xx'" }] },
    { title: 'Replace the value with its SHA-1 hex digest', kind: 'safe', edits: [{ file: app, start: 59, end: 74, newText: "'abc'" }] },
  ],
};
const remote: Finding = {
  ruleId: 'remote-userid-topology',
  messageId: 'local',
  data: {},
  severity: 'warn',
  likely: true,
  message: 'remoteUserID is the local userID',
  help: 'Pass the remote ID.',
  file: app,
  range: range(10, 5, 10, 12),
  related: [{ file: app, range: range(3, 7, 3, 12), message: 'set here' }],
  // Two edits, or an edit in another file, cannot be written as an ESLint fix: left out.
  fixes: [
    {
      title: 'Use the conference server ID',
      kind: 'suggestion',
      edits: [
        { file: app, start: 1, end: 2, newText: 'a' },
        { file: app, start: 5, end: 6, newText: 'b' },
      ],
    },
    { title: 'Elsewhere', kind: 'safe', edits: [{ file: '/work/app/src/other.js', start: 0, end: 0, newText: 'x' }] },
  ],
};
const note: Finding = { ...remote, ruleId: 'reinit-on-userid-change', messageId: 'reassigned', severity: 'info', message: 'note', range: range(1, 1, 1, 2), fixes: [] };

test('json: one entry per file, ESLint fields, messages in reading order', () => {
  const reports: FileReport[] = [
    { file: app, findings: [remote, tooLong, note], problems: [] },
    { file: '/work/app/src/clean.js', findings: [], problems: [] },
    { file: '/work/app/src/locked.js', findings: [], problems: ['cannot read the file (EACCES)'] },
  ];
  assert.deepEqual(JSON.parse(json(toLintResults(reports), ctx)), [
    {
      filePath: app,
      messages: [
        { ruleId: 'reinit-on-userid-change', messageId: 'reassigned', severity: 1, info: true, message: 'note', help: 'Pass the remote ID.', line: 1, column: 1, endLine: 1, endColumn: 2, related: [{ filePath: app, line: 3, column: 7, endLine: 3, endColumn: 12, message: 'set here' }] },
        {
          ruleId: 'id-max-bytes',
          messageId: 'bytes',
          severity: 2,
          message: 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256',
          help: 'Use a shorter ID.',
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 47,
          fix: { range: [59, 74], text: "'abc'" },
          suggestions: [{ desc: 'Truncate the literal to the limit', fix: { range: [59, 74], text: "'xx'" } }],
        },
        { ruleId: 'remote-userid-topology', messageId: 'local', severity: 1, message: 'remoteUserID is the local userID', help: 'Pass the remote ID.', line: 10, column: 5, endLine: 10, endColumn: 12, related: [{ filePath: app, line: 3, column: 7, endLine: 3, endColumn: 12, message: 'set here' }] },
      ],
      suppressedMessages: [],
      errorCount: 1,
      fatalErrorCount: 0,
      warningCount: 1,
      infoCount: 1,
      fixableErrorCount: 1,
      fixableWarningCount: 1,
      usedDeprecatedRules: [],
    },
    {
      filePath: '/work/app/src/clean.js',
      messages: [],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      infoCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    },
    {
      filePath: '/work/app/src/locked.js',
      messages: [{ ruleId: null, fatal: true, severity: 2, message: 'cannot read the file (EACCES)' }],
      suppressedMessages: [],
      errorCount: 1,
      fatalErrorCount: 1,
      warningCount: 0,
      infoCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    },
  ]);
});

test('json: compact, like eslint -f json', () => {
  assert.equal(json(toLintResults([]), ctx), '[]');
  assert.equal(
    json(toLintResults([{ file: app, findings: [], problems: [] }]), ctx),
    `[{"filePath":"${app}","messages":[],"suppressedMessages":[],"errorCount":0,"fatalErrorCount":0,"warningCount":0,"infoCount":0,"fixableErrorCount":0,"fixableWarningCount":0,"usedDeprecatedRules":[]}]`,
  );
});
