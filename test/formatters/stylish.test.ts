// The stylish formatter: exact text for synthetic reports, with and without colours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileReport, Finding, SourceRange } from '../../server/src/engine/types.js';
import { stylish } from '../../server/src/formatters/stylish.js';
import { toLintResults } from '../../server/src/formatters/results.js';

const cwd = '/work/app';
const app = '/work/app/src/app.js';

function range(line: number, column: number, endLine: number, endColumn: number): SourceRange {
  return { start: 0, end: 0, line, column, endLine, endColumn };
}

function finding(over: Partial<Finding> & Pick<Finding, 'ruleId' | 'severity' | 'message' | 'range'>): Finding {
  return { file: app, messageId: 'm', data: {}, likely: false, help: '', related: [], fixes: [], ...over };
}

const tooLong = finding({
  ruleId: 'id-max-bytes',
  severity: 'error',
  message: 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256',
  help: 'Use a shorter opaque ID.',
  range: range(2, 32, 2, 47),
  fixes: [{ title: 'Replace the value with its SHA-1 hex digest', kind: 'safe', edits: [{ file: app, start: 59, end: 74, newText: "'abc'" }] }],
});
const remote = finding({
  ruleId: 'remote-userid-topology',
  severity: 'warn',
  message: 'remoteUserID is the local userID.',
  range: range(10, 5, 10, 12),
  related: [{ file: app, range: range(3, 7, 3, 12), message: 'the local userID is set here' }],
});
const reinit = finding({
  ruleId: 'reinit-on-userid-change',
  severity: 'info',
  message: 'userID may change',
  range: range(4, 1, 4, 9),
});

const cases: { name: string; reports: FileReport[]; expected: string }[] = [
  { name: 'no reports', reports: [], expected: '' },
  { name: 'only clean files', reports: [{ file: app, findings: [], problems: [] }], expected: '' },
  {
    name: 'one error with a safe fix, its help below the message',
    reports: [{ file: app, findings: [tooLong], problems: [] }],
    expected: [
      '',
      'src/app.js',
      '  2:32  error  userID is 300 bytes in UTF-8 (300 characters); the limit is 256  id-max-bytes',
      '               Use a shorter opaque ID.',
      '',
      '\u2716 1 problem (1 error, 0 warnings)',
      '  1 error and 0 warnings potentially fixable with the `--fix` option.',
      '',
    ].join('\n'),
  },
  {
    name: 'sorted rows, aligned positions, messages not padded, related locations, final period dropped, info counted',
    reports: [
      { file: app, findings: [remote, tooLong, reinit], problems: [] },
      { file: '/work/app/src/clean.js', findings: [], problems: [] },
      { file: '/elsewhere/lib.js', findings: [], problems: ['cannot read the file (EACCES)'] },
    ],
    expected: [
      '',
      'src/app.js',
      '   2:32  error    userID is 300 bytes in UTF-8 (300 characters); the limit is 256  id-max-bytes',
      '                  Use a shorter opaque ID.',
      '   4:1   info     userID may change  reinit-on-userid-change',
      '  10:5   warning  remoteUserID is the local userID  remote-userid-topology',
      '    \u21b3 src/app.js:3:7 the local userID is set here',
      '',
      '/elsewhere/lib.js',
      '  0:0  error  cannot read the file (EACCES)',
      '',
      '\u2716 4 problems (2 errors, 1 warning, 1 info)',
      '  1 error and 0 warnings potentially fixable with the `--fix` option.',
      '',
    ].join('\n'),
  },
  {
    name: 'warnings only',
    reports: [{ file: app, findings: [remote], problems: [] }],
    expected: [
      '',
      'src/app.js',
      '  10:5  warning  remoteUserID is the local userID  remote-userid-topology',
      '    \u21b3 src/app.js:3:7 the local userID is set here',
      '',
      '\u2716 1 problem (0 errors, 1 warning)',
      '',
    ].join('\n'),
  },
];

for (const { name, reports, expected } of cases) {
  test(`stylish: ${name}`, () => {
    assert.equal(stylish(toLintResults(reports), { cwd, rules: [] }), expected);
  });
}

test('stylish: colours only when asked', () => {
  const plain = stylish(toLintResults([{ file: app, findings: [tooLong], problems: [] }]), { cwd, color: false, rules: [] });
  assert.doesNotMatch(plain, /\u001b\[/);
  const coloured = stylish(toLintResults([{ file: app, findings: [tooLong], problems: [] }]), { cwd, color: true, rules: [] });
  assert.equal(
    coloured.split('\n')[2],
    '  \u001b[2m2:32\u001b[22m  \u001b[31merror\u001b[39m  userID is 300 bytes in UTF-8 (300 characters); the limit is 256  \u001b[2mid-max-bytes\u001b[22m',
  );
  assert.equal(coloured.split('\n')[3], '               \u001b[2mUse a shorter opaque ID.\u001b[22m');
  assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), plain);
});
