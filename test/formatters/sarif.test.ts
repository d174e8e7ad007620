// The SARIF formatter: the properties SARIF 2.1.0 requires and GitHub code scanning reads, checked by hand (no schema offline).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { FileReport, SourceRange } from '../../server/src/engine/types.js';
import { RULES } from '../../server/src/rules/index.js';
import { sarif } from '../../server/src/formatters/sarif.js';
import { toLintResults } from '../../server/src/formatters/results.js';

const cwd = '/work/my app';
const app = '/work/my app/src/app.js';
const version: string = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).version;

function range(line: number, column: number, endLine: number, endColumn: number): SourceRange {
  return { start: 0, end: 0, line, column, endLine, endColumn };
}

const reports: FileReport[] = [
  {
    file: app,
    findings: [
      {
        ruleId: 'remote-userid-topology',
        severity: 'warn',
        message: 'remoteUserID is the local userID',
        file: app,
        range: range(10, 5, 10, 12),
        related: [{ file: '/work/my app/src/ids.js', range: range(3, 7, 3, 12), message: 'the local userID' }],
        fixes: [],
      },
      {
        ruleId: 'id-max-bytes',
        severity: 'error',
        message: 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256',
        file: app,
        range: range(2, 32, 2, 47),
        related: [],
        fixes: [],
      },
      {
        ruleId: 'reinit-on-userid-change',
        severity: 'info',
        message: 'note',
        file: app,
        range: range(4, 1, 4, 2),
        related: [],
        fixes: [],
      },
    ],
    problems: [],
  },
  { file: '/outside/lib.js', findings: [], problems: ['cannot read the file (EACCES)'] },
];

test('sarif: log, run and tool', () => {
  const log = JSON.parse(sarif(toLintResults(reports), { cwd }));
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const [run] = log.runs;
  assert.equal(run.tool.driver.name, 'callstats-lint');
  assert.equal(run.tool.driver.version, version);
  assert.ok(new URL(run.tool.driver.informationUri).protocol, 'informationUri is an absolute URI');
  assert.deepEqual(
    run.tool.driver.rules,
    RULES.map((rule) => ({
      id: rule.id,
      shortDescription: { text: rule.description },
      helpUri: rule.docsUrl,
      defaultConfiguration: { level: rule.defaultSeverity === 'warn' ? 'warning' : rule.defaultSeverity === 'info' ? 'note' : 'error' },
    })),
  );
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/my%20app/' } });
});

test('sarif: results with levels, rule indexes, relative locations and related locations', () => {
  const [run] = JSON.parse(sarif(toLintResults(reports), { cwd })).runs;
  const location = (uri: string, startLine: number, startColumn: number, endLine: number, endColumn: number) => ({
    artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
    region: { startLine, startColumn, endLine, endColumn },
  });
  assert.deepEqual(run.results, [
    {
      ruleId: 'id-max-bytes',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256' },
      locations: [{ physicalLocation: location('src/app.js', 2, 32, 2, 47) }],
    },
    {
      ruleId: 'reinit-on-userid-change',
      ruleIndex: 1,
      level: 'note',
      message: { text: 'note' },
      locations: [{ physicalLocation: location('src/app.js', 4, 1, 4, 2) }],
    },
    {
      ruleId: 'remote-userid-topology',
      ruleIndex: 2,
      level: 'warning',
      message: { text: 'remoteUserID is the local userID' },
      locations: [{ physicalLocation: location('src/app.js', 10, 5, 10, 12) }],
      relatedLocations: [{ id: 0, physicalLocation: location('src/ids.js', 3, 7, 3, 12), message: { text: 'the local userID' } }],
    },
  ]);
  for (const result of run.results) {
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
  }
});

test('sarif: unreadable files are tool notifications, with absolute URIs outside the source root', () => {
  const [run] = JSON.parse(sarif(toLintResults(reports), { cwd })).runs;
  assert.deepEqual(run.invocations, [
    {
      executionSuccessful: false,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: 'cannot read the file (EACCES)' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///outside/lib.js' } } }],
        },
      ],
    },
  ]);
});

test('sarif: a clean run', () => {
  const [run] = JSON.parse(sarif(toLintResults([{ file: app, findings: [], problems: [] }]), { cwd })).runs;
  assert.deepEqual(run.results, []);
  assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
});
