// The GitHub Actions formatter: workflow commands, one line per finding, with GitHub's escaping.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding, Severity, SourceRange } from '../../server/src/engine/types.js';
import { escapeData, escapeProperty, github } from '../../server/src/formatters/github.js';
import { toLintResults } from '../../server/src/formatters/results.js';

const cwd = '/work/app';

function range(line: number, column: number, endLine: number, endColumn: number): SourceRange {
  return { start: 0, end: 0, line, column, endLine, endColumn };
}

function finding(severity: Severity, message: string, at: SourceRange, help = ''): Finding {
  return { ruleId: 'id-max-bytes', messageId: 'm', data: {}, severity, likely: false, message, help, file: '/work/app/src/app.js', range: at, related: [], fixes: [] };
}

test('github: escaping', () => {
  const table: [string, string, string][] = [
    ['plain', 'plain', 'plain'],
    ['100%', '100%25', '100%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['a:b,c', 'a:b,c', 'a%3Ab%2Cc'],
    ['%0A', '%250A', '%250A'],
  ];
  for (const [input, data, property] of table) {
    assert.equal(escapeData(input), data, input);
    assert.equal(escapeProperty(input), property, input);
  }
});

test('github: one command per finding, by severity, in reading order', () => {
  const output = github(toLintResults([
      {
        file: '/work/app/src/app.js',
        findings: [
          finding('warn', 'second', range(10, 5, 10, 12)),
          finding('error', 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256', range(2, 32, 2, 47), 'Use a shorter ID: 100% opaque.'),
          finding('info', 'multi\nline 50%', range(12, 1, 13, 2)),
        ],
        problems: [],
      },
      { file: '/work/app/clean.js', findings: [], problems: [] },
      { file: '/work/app/we,ird:name.js', findings: [], problems: ['cannot read the file (EACCES)'] },
    ]),
    { cwd, rules: [] },
  );
  assert.equal(
    output,
    [
      '::error file=src/app.js,line=2,col=32,endLine=2,endColumn=47,title=id-max-bytes::userID is 300 bytes in UTF-8 (300 characters); the limit is 256%0AUse a shorter ID: 100%25 opaque.',
      '::warning file=src/app.js,line=10,col=5,endLine=10,endColumn=12,title=id-max-bytes::second',
      '::notice file=src/app.js,line=12,col=1,endLine=13,endColumn=2,title=id-max-bytes::multi%0Aline 50%25',
      '::error file=we%2Cird%3Aname.js::cannot read the file (EACCES)',
    ].join('\n'),
  );
});

test('github: nothing to report is empty output', () => {
  assert.equal(github(toLintResults([{ file: '/work/app/a.js', findings: [], problems: [] }]), { cwd, rules: [] }), '');
});
