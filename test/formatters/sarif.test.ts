// The SARIF formatter: valid against the SARIF 2.1.0 schema, rules described inline, locations relative to the repository root, no local paths.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import type { FileReport, Finding, SourceRange } from '../../server/src/engine/types.js';
import { RULES } from '../../server/src/rules/index.js';
import { sarif } from '../../server/src/formatters/sarif.js';
import { toLintResults } from '../../server/src/formatters/results.js';
import { ROOT, writeTree } from '../helpers/lint.js';

const version: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const rules = RULES.map((rule) => rule.meta);
/** The OASIS SARIF 2.1.0 schema (rtm.5, as schemastore.org publishes it), kept offline for the test. */
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);

/** A repository with a package in a subfolder, where the run starts (a monorepo). */
const repo = writeTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'packages/my app/package.json': '{}' });
const cwd = path.join(repo, 'packages', 'my app');
const app = path.join(cwd, 'src', 'app.js');

function range(line: number, column: number, endLine: number, endColumn: number): SourceRange {
  return { start: 0, end: 0, line, column, endLine, endColumn };
}

function finding(over: Partial<Finding> & Pick<Finding, 'ruleId' | 'severity' | 'message' | 'range'>): Finding {
  return { file: app, messageId: 'm', data: {}, likely: false, help: '', related: [], fixes: [], ...over };
}

const reports: FileReport[] = [
  {
    file: app,
    findings: [
      finding({
        ruleId: 'remote-userid-topology',
        severity: 'warn',
        message: 'remoteUserID is the local userID',
        help: 'Pass the remote participant’s ID.',
        range: range(10, 5, 10, 12),
        related: [{ file: path.join(cwd, 'src', 'ids.js'), range: range(3, 7, 3, 12), message: 'the local userID' }],
      }),
      finding({ ruleId: 'id-max-bytes', severity: 'error', message: 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256', help: 'Use a shorter ID.', range: range(2, 32, 2, 47) }),
      finding({ ruleId: 'reinit-on-userid-change', severity: 'info', message: 'note', range: range(4, 1, 4, 2) }),
    ],
    problems: [],
  },
  { file: path.join(repo, 'tools', 'lib.js'), findings: [], problems: ['cannot read the file (EACCES)'] },
];

test('sarif: the log is valid SARIF 2.1.0', () => {
  const log = JSON.parse(sarif(toLintResults(reports), { cwd, rules })) as { version: string };
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.equal(log.version, '2.1.0');
});

test('sarif: no file:// URI and no path of this machine anywhere', () => {
  const text = sarif(toLintResults(reports), { cwd, rules });
  assert.doesNotMatch(text, /file:/);
  assert.equal(text.includes(repo), false, 'the repository path is not in the log');
});

test('sarif: every rule with its description, inline help from its page, and no helpUri without a homepage', () => {
  const [run] = JSON.parse(sarif(toLintResults(reports), { cwd, rules })).runs;
  assert.equal(run.tool.driver.name, 'callstats-lint');
  assert.equal(run.tool.driver.version, version);
  assert.equal(run.tool.driver.informationUri, undefined);
  assert.deepEqual(
    run.tool.driver.rules.map((r: { id: string }) => r.id),
    rules.map((r) => r.id),
  );
  for (const [i, descriptor] of run.tool.driver.rules.entries()) {
    const meta = rules[i];
    assert.deepEqual(descriptor.shortDescription, { text: meta.description });
    assert.deepEqual(descriptor.fullDescription, { text: `${meta.description}.` });
    assert.equal(descriptor.helpUri, undefined);
    assert.deepEqual(descriptor.defaultConfiguration, { level: { error: 'error', warn: 'warning', info: 'note' }[meta.defaultSeverity] });
    const page = fs.readFileSync(path.join(ROOT, meta.docs), 'utf8');
    const guide = page.slice(page.indexOf('## What the guide requires\n') + '## What the guide requires\n'.length, page.indexOf('\n## Why it matters')).trim();
    assert.ok(descriptor.help.markdown.startsWith(`## What the guide requires\n\n${guide}\n\n## Incorrect code\n\n`), `${meta.id}: markdown help`);
    assert.ok(descriptor.help.markdown.includes('\n\n## Correct code\n\n'), `${meta.id}: correct code in the help`);
    assert.ok(!descriptor.help.markdown.includes('## Why it matters'), `${meta.id}: only the sections code scanning shows`);
    assert.ok(descriptor.help.text.startsWith(`What the guide requires\n\n${guide.replace(/^```\w*\n?/gm, '')}`), `${meta.id}: text help`);
    assert.doesNotMatch(descriptor.help.text, /^```/m, `${meta.id}: no fences in the text help`);
  }
});

test('sarif: results with levels, rule indexes, message and help, locations relative to the repository root', () => {
  const [run] = JSON.parse(sarif(toLintResults(reports), { cwd, rules })).runs;
  const location = (uri: string, startLine: number, startColumn: number, endLine: number, endColumn: number) => ({
    artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
    region: { startLine, startColumn, endLine, endColumn },
  });
  assert.deepEqual(run.results, [
    {
      ruleId: 'id-max-bytes',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256. Use a shorter ID.' },
      locations: [{ physicalLocation: location('packages/my%20app/src/app.js', 2, 32, 2, 47) }],
    },
    {
      ruleId: 'reinit-on-userid-change',
      ruleIndex: 1,
      level: 'note',
      message: { text: 'note' },
      locations: [{ physicalLocation: location('packages/my%20app/src/app.js', 4, 1, 4, 2) }],
    },
    {
      ruleId: 'remote-userid-topology',
      ruleIndex: 2,
      level: 'warning',
      message: { text: 'remoteUserID is the local userID. Pass the remote participant’s ID.' },
      locations: [{ physicalLocation: location('packages/my%20app/src/app.js', 10, 5, 10, 12) }],
      relatedLocations: [{ id: 0, physicalLocation: location('packages/my%20app/src/ids.js', 3, 7, 3, 12), message: { text: 'the local userID' } }],
    },
  ]);
  assert.deepEqual(Object.keys(run.originalUriBaseIds), ['%SRCROOT%']);
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, undefined);
});

test('sarif: unreadable files are tool notifications', () => {
  const [run] = JSON.parse(sarif(toLintResults(reports), { cwd, rules })).runs;
  assert.deepEqual(run.invocations, [
    {
      executionSuccessful: false,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: 'cannot read the file (EACCES)' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'tools/lib.js', uriBaseId: '%SRCROOT%' } } }],
        },
      ],
    },
  ]);
});

test('sarif: without a repository, paths are relative to where the run started', () => {
  const plain = writeTree({ 'src/app.js': '' });
  const [run] = JSON.parse(sarif(toLintResults([{ file: path.join(plain, 'src', 'app.js'), findings: [], problems: ['x'] }]), { cwd: plain, rules })).runs;
  assert.equal(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'src/app.js');
});

test('sarif: a clean run', () => {
  const [run] = JSON.parse(sarif(toLintResults([{ file: app, findings: [], problems: [] }]), { cwd, rules })).runs;
  assert.deepEqual(run.results, []);
  assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
});
