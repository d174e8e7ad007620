// The extension's "lint workspace" task without an editor: the problem matcher's pattern on the CLI's compact output, and which CLI it runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { findCli } from '../../client/src/cli-path.js';
import { PROBLEM_MATCHER } from '../../client/src/contributions.js';
import { ROOT, writeTree } from '../helpers/lint.js';

const BIN = path.join(ROOT, 'bin', 'callstats-lint.js');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const matcher = manifest.contributes.problemMatchers.find((m: { name: string }) => `$${m.name}` === PROBLEM_MATCHER);
// VS Code reads the pattern as a JavaScript regular expression, as here.
const pattern = new RegExp(matcher.pattern.regexp);

function cli(cwd: string, args: string[]): { code: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [BIN, '--no-cache', ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout };
}

/** What VS Code takes from a line the pattern matches (its severity names are case-insensitive). */
function problemOf(line: string): string | undefined {
  const m = pattern.exec(line);
  if (!m) return undefined;
  const group = (key: string) => m[matcher.pattern[key]];
  return `${group('file')} ${group('line')}:${group('column')} ${group('severity').toLowerCase()} ${group('code') ?? '-'} ${group('message')}`;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; info?: boolean; message: string; line?: number; column?: number }[];
}

function expectedProblems(results: JsonResult[]): string[] {
  return results.flatMap((r) =>
    r.messages.map((m) => `${r.filePath} ${m.line ?? 0}:${m.column ?? 0} ${m.severity === 2 ? 'error' : m.info ? 'info' : 'warning'} ${m.ruleId ?? '-'} ${m.message}`),
  );
}

test('the problem matcher reads every finding of the compact format on examples/, and nothing else', () => {
  const examples = path.join(ROOT, 'examples');
  assert.deepEqual(
    [matcher.owner, matcher.source, matcher.fileLocation, matcher.applyTo],
    ['callstats-lint-cli', 'callstats-lint-cli', 'absolute', 'allDocuments'],
  );
  const compact = cli(examples, ['--format', 'compact', '.']);
  assert.equal(compact.code, 1);
  const lines = compact.stdout.split('\n');
  const json = JSON.parse(cli(examples, ['--format', 'json', '.']).stdout) as JsonResult[];
  const want = expectedProblems(json);
  assert.ok(want.some((p) => p.includes('(265 characters); the limit is 256')), 'a message with parentheses of its own');
  assert.deepEqual(lines.map(problemOf).filter(Boolean), want);
  // The summary and the blank line before it are not problems.
  assert.deepEqual(lines.filter((line) => !problemOf(line)), ['', `${want.length} problems`, '']);
});

test('the problem matcher reads a problem with no rule (a broken package.json) and info findings', () => {
  const dir = writeTree({
    'bad/package.json': '{ "name": "app", // no\n}',
    'bad/a.js': 'export {};\n',
    'ok/b.js': "const cs = new callstats();\ncs.initialize('app', 'secret', user.email);\n",
  });
  const compact = cli(dir, ['--format', 'compact', '.']);
  const json = JSON.parse(cli(dir, ['--format', 'json', '.']).stdout) as JsonResult[];
  const want = expectedProblems(json);
  assert.deepEqual(
    want.map((p) => p.split(' ').slice(1, 4).join(' ')),
    ['0:0 error -', '2:32 info userid-privacy'],
  );
  assert.deepEqual(compact.stdout.split('\n').map(problemOf).filter(Boolean), want);
});

test("the task runs the callstats-lint the folder installed (found as npx finds it), else the extension's own", () => {
  const bundled = '/ext/dist/cli.js';
  const dir = writeTree({
    'app/node_modules/callstats-lint/package.json': '{ "name": "callstats-lint" }',
    'app/node_modules/callstats-lint/bin/callstats-lint.js': '',
    'app/packages/web/package.json': '{}',
    'broken/node_modules/callstats-lint/package.json': '{ "name": "callstats-lint" }',
    'plain/package.json': '{}',
  });
  const installed = path.join(dir, 'app', 'node_modules', 'callstats-lint', 'bin', 'callstats-lint.js');
  assert.deepEqual(findCli(path.join(dir, 'app'), bundled), { script: installed, from: 'workspace' });
  assert.deepEqual(findCli(path.join(dir, 'app', 'packages', 'web'), bundled), { script: installed, from: 'workspace' });
  // A package without its bin (a half-finished install) is not run.
  assert.deepEqual(findCli(path.join(dir, 'broken'), bundled), { script: bundled, from: 'bundled' });
  assert.deepEqual(findCli(path.join(dir, 'plain'), bundled), { script: bundled, from: 'bundled' });
});
