// The CI recipes (examples/ci/, .pre-commit-hooks.yaml, the README's CI section): their exact commands, run with the real bin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import * as yaml from 'js-yaml';
import picomatch from 'picomatch';
import { LINTABLE } from '../../server/src/engine/files.js';
import { ROOT, writeTree } from '../helpers/lint.js';

const BIN = path.join(ROOT, 'bin', 'callstats-lint.js');
const WORKFLOW = path.join(ROOT, 'examples', 'ci', 'github-actions.yml');
const LINT_STAGED = path.join(ROOT, 'examples', 'ci', 'lint-staged.config.mjs');
const HOOKS = path.join(ROOT, '.pre-commit-hooks.yaml');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A recipe's command as the shell would split it (the recipes quote nothing), with `npx callstats-lint`
 * or `callstats-lint` run as this checkout's bin, in `cwd`, with `extra` arguments appended.
 */
function runCommand(command: string, cwd: string, extra: string[] = []): Run {
  const words = command.trim().split(/\s+/);
  const start = words[0] === 'npx' ? 1 : 0;
  assert.equal(words[start], 'callstats-lint', `runs the CLI: ${command}`);
  const result = spawnSync(process.execPath, [BIN, ...words.slice(start + 1), ...extra], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The fenced blocks of a Markdown text in a section (`## title` up to the next `## `), as [info string, text]. */
function fencedBlocks(markdown: string, section: string): [string, string][] {
  const start = markdown.indexOf(`\n## ${section}\n`);
  assert.ok(start >= 0, `the README has a "${section}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  const body = markdown.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/^```(\S*)\n([\s\S]*?)^```$/gm)].map((m) => [m[1], m[2]]);
}

/** examples/ as a repository of its own, the way the workflow sees a checkout. */
function examplesRepository(): string {
  const dir = writeTree({ '.git/HEAD': 'ref: refs/heads/main\n' }, 'callstats-lint-ci-');
  fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true, filter: (source) => path.basename(source) !== 'node_modules' });
  return dir;
}

interface JsonMessage {
  ruleId: string;
  severity: number;
  info?: boolean;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function jsonReport(cwd: string): { filePath: string; messages: JsonMessage[] }[] {
  const run = runCommand('callstats-lint . --format json --no-cache', cwd);
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout);
}

const workflow = yaml.load(fs.readFileSync(WORKFLOW, 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; permissions: Record<string, string>; steps: Step[] }>;
};
const [job] = Object.values(workflow.jobs);
const upload = (of: typeof job): Step => of.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
const stepRunning = (format: string): Step => {
  const step = job.steps.find((s) => s.run?.includes(`--format ${format}`));
  assert.ok(step, `a step runs --format ${format}`);
  return step;
};

test('GitHub Actions: on pull requests, checkout, setup-node, install, annotations, SARIF written and uploaded even when the lint fails', () => {
  assert.deepEqual(Object.keys(workflow.on), ['pull_request']);
  assert.equal(Object.keys(workflow.jobs).length, 1);
  assert.equal(job['runs-on'], 'ubuntu-latest');
  assert.deepEqual(job.permissions, { contents: 'read', 'security-events': 'write' });
  const uses = job.steps.filter((s) => s.uses).map((s) => s.uses!.split('@')[0]);
  assert.deepEqual(uses, ['actions/checkout', 'actions/setup-node', 'github/codeql-action/upload-sarif']);
  assert.deepEqual(
    job.steps.filter((s) => s.run).map((s) => s.run),
    ['npm ci', 'npx callstats-lint . --format github', 'npx callstats-lint . --format sarif --output-file callstats-lint.sarif'],
  );
  const install = job.steps.find((s) => s.run === 'npm ci')!;
  const annotate = stepRunning('github');
  const sarif = stepRunning('sarif');
  const uploadStep = upload(job);
  const order = [install, annotate, sarif, uploadStep].map((s) => job.steps.indexOf(s));
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'install, annotate, write SARIF, upload, in that order');
  // A failing lint step skips the steps after it unless their condition says always().
  assert.equal(annotate.if, undefined);
  for (const step of [sarif, uploadStep]) assert.equal(step.if, `always() && steps.${install.id}.outcome == 'success'`);
  // The upload reads the file the SARIF step writes.
  assert.equal(uploadStep.with?.sarif_file, /--output-file (\S+)/.exec(sarif.run!)![1]);
});

test("GitHub Actions: the workflow's commands on examples/ give one annotation per finding and a valid SARIF log", () => {
  const repo = examplesRepository();
  const messages = jsonReport(repo).flatMap((r) => r.messages.map((m) => ({ ...m, file: path.relative(repo, r.filePath) })));
  assert.ok(messages.some((m) => m.severity === 2), 'the examples have errors');
  const level = (m: JsonMessage) => (m.severity === 2 ? 'error' : m.info ? 'notice' : 'warning');

  const annotations = runCommand(stepRunning('github').run!, repo);
  // Errors fail the step, so the pull request's check fails too.
  assert.equal(annotations.code, 1);
  assert.equal(annotations.stderr, '');
  const lines = annotations.stdout.trimEnd().split('\n');
  const ANNOTATION = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([a-z-]+)::(.+)$/;
  for (const line of lines) assert.match(line, ANNOTATION);
  assert.deepEqual(
    lines.map((line) => ANNOTATION.exec(line)!.slice(1, 8).join(' ')),
    messages.map((m) => [level(m), m.file, m.line, m.column, m.endLine, m.endColumn, m.ruleId].join(' ')),
  );
  assert.deepEqual(
    lines.map((line) => ANNOTATION.exec(line)![8].split('%0A')[0]),
    messages.map((m) => m.message),
  );

  const sarifStep = stepRunning('sarif');
  const written = runCommand(sarifStep.run!, repo);
  assert.deepEqual(written, { code: 1, stdout: '', stderr: '' });
  type Result = { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] };
  const log: { runs: { results: Result[] }[] } = JSON.parse(fs.readFileSync(path.join(repo, String(upload(job).with!.sarif_file)), 'utf8'));
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const { results } = log.runs[0];
  const where = (file: string, line: number, column: number, rule: string) => `${file}:${line}:${column} ${rule}`;
  assert.deepEqual(
    results.map((r) => where(r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine, r.locations[0].physicalLocation.region.startColumn, r.ruleId)).sort(),
    messages.map((m) => where(m.file, m.line, m.column, m.ruleId)).sort(),
  );
});

test("README: the CI section's workflow is examples/ci/github-actions.yml", () => {
  const file = fs.readFileSync(WORKFLOW, 'utf8');
  const blocks = fencedBlocks(README, 'CI').filter(([info]) => info === 'yaml').map(([, text]) => text);
  assert.ok(blocks.includes(file), 'the workflow block equals the file');
});

/** A staged change of mixed files: one script with an error, a clean TypeScript module, and files that are not scripts. */
const STAGED: Record<string, string> = {
  'src/app.js': "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(300));\n",
  'src/ids.ts': "export const ROOM: string = 'room-1';\n",
  'README.md': '# app\n',
  'package.json': '{ "name": "app" }\n',
  'styles/site.css': 'body { margin: 0; }\n',
};
const REPORT = [
  '',
  'src/app.js',
  '  2:32  error  userID is 300 bytes in UTF-8 (300 characters); the limit is 256  id-max-bytes',
  '               Use a shorter opaque ID, such as a SHA-1 hex digest of the value (40 bytes).',
  '    \u21b3 src/app.js:2:1 used as the userID of initialize() here',
  '',
  '\u2716 1 problem (1 error, 0 warnings)',
  '',
  '',
].join('\n');
const note = (file: string) => `callstats-lint: ${file}: skipped, not a JavaScript or TypeScript file or a page with scripts\n`;
const NOTES = ['README.md', 'package.json', 'styles/site.css'].map(note).join('');

const hooks = yaml.load(fs.readFileSync(HOOKS, 'utf8')) as { id: string; language: string; entry: string; args?: string[]; files: string; pass_filenames: boolean; require_serial: boolean }[];

test('pre-commit: the hook runs the CLI on the staged scripts as pre-commit runs it, and the CLI skips other files with a note', () => {
  assert.deepEqual(
    hooks.map((h) => h.id),
    ['callstats-lint'],
  );
  const [hook] = hooks;
  assert.equal(hook.language, 'node');
  assert.equal(hook.entry, 'callstats-lint');
  assert.equal(hook.pass_filenames, true);
  assert.equal(hook.require_serial, true);
  // pre-commit matches `files` with Python's re.search; (?i) is the flag the CLI's own pattern has.
  assert.equal(hook.files, `(?i)${LINTABLE.source}`);
  assert.equal(LINTABLE.flags, 'i');
  const selects = new RegExp(hook.files.replace(/^\(\?i\)/, ''), 'i');

  const repo = writeTree(STAGED, 'callstats-lint-pre-commit-');
  const staged = Object.keys(STAGED);
  const passed = staged.filter((file) => selects.test(file));
  assert.deepEqual(passed, ['src/app.js', 'src/ids.ts']);
  // pre-commit runs the entry, then the hook's args, then the files (relative to the repository root) in the root.
  const run = runCommand(hook.entry, repo, [...(hook.args ?? []), ...passed, '--no-cache']);
  assert.deepEqual(run, { code: 1, stdout: REPORT, stderr: '' });
  // A hook configured to pass every file (files: '', or `always_run`) still lints only the scripts.
  const everything = runCommand(hook.entry, repo, [...(hook.args ?? []), ...staged, '--no-cache']);
  assert.deepEqual(everything, { code: 1, stdout: REPORT, stderr: NOTES });
  // Nothing to lint among the files named: the commit goes through.
  assert.deepEqual(runCommand(hook.entry, repo, ['README.md', 'package.json', '--no-cache']), { code: 0, stdout: '', stderr: note('README.md') + note('package.json') });
});

test('lint-staged: the config runs the CLI on the staged scripts by absolute path; other files named are skipped with a note', async () => {
  const config = (await import(pathToFileURL(LINT_STAGED).href)).default as Record<string, string>;
  const repo = writeTree(STAGED, 'callstats-lint-lint-staged-');
  const staged = Object.keys(STAGED);
  const [[glob, command], ...others] = Object.entries(config);
  assert.deepEqual(others, []);
  assert.equal(command, 'callstats-lint --max-warnings 0');
  // lint-staged matches a glob without a slash against the base name (micromatch's matchBase), with dot files.
  const matches = picomatch(glob, { basename: true, dot: true });
  assert.deepEqual(staged.filter((file) => matches(file)), ['src/app.js', 'src/ids.ts']);
  for (const file of ['a.mjs', 'a.cjs', 'a.jsx', 'a.mts', 'a.cts', 'a.tsx', 'page.html', 'page.htm', 'App.vue', 'App.svelte']) {
    assert.equal(matches(`src/${file}`), LINTABLE.test(file), file);
  }
  const absolute = (files: string[]) => files.map((file) => path.join(repo, file));
  const run = runCommand(command, repo, ['--no-cache', ...absolute(staged.filter((file) => matches(file)))]);
  assert.deepEqual(run, { code: 1, stdout: REPORT, stderr: '' });
  // A catch-all glob (`"*": ...`) passes every staged file.
  assert.deepEqual(runCommand(command, repo, ['--no-cache', ...absolute(staged)]), { code: 1, stdout: REPORT, stderr: NOTES });
  // Warnings fail the commit too (--max-warnings 0); the same file clean passes.
  fs.writeFileSync(path.join(repo, 'src', 'app.js'), "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(300)); // callstats-lint-disable-line id-max-bytes\n");
  assert.deepEqual(runCommand(command, repo, ['--no-cache', ...absolute(['src/app.js', 'README.md'])]), { code: 0, stdout: '', stderr: note('README.md') });
  fs.writeFileSync(path.join(repo, 'src', 'warn.js'), "const cs = new callstats();\ncs.on('error', () => {});\n");
  const warned = runCommand(command, repo, ['--no-cache', ...absolute(['src/warn.js'])]);
  assert.deepEqual([warned.code, warned.stdout.split('\n')[2], warned.stderr], [
    1,
    "  2:7  warning  callstats.js rejects on('error'), so this handler is never called  removed-api",
    'callstats-lint found too many warnings (maximum: 0).\n',
  ]);
});

test("README: the CI section's pre-commit and lint-staged snippets are the files'", async () => {
  const blocks = fencedBlocks(README, 'CI');
  const preCommit = blocks.map(([, text]) => text).find((text) => text.includes('repos:'));
  assert.ok(preCommit, 'a .pre-commit-config.yaml snippet');
  const config = yaml.load(preCommit) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
  assert.deepEqual(
    config.repos.flatMap((r) => r.hooks.map((h) => h.id)),
    hooks.map((h) => h.id),
  );
  const lintStaged = (await import(pathToFileURL(LINT_STAGED).href)).default;
  const json = blocks.filter(([info]) => info === 'json').map(([, text]) => JSON.parse(text));
  assert.deepEqual(
    json.find((j) => j['lint-staged'])?.['lint-staged'],
    lintStaged,
    'the package.json form of examples/ci/lint-staged.config.mjs',
  );
  assert.ok(blocks.some(([, text]) => text === fs.readFileSync(LINT_STAGED, 'utf8')), 'the config file itself');
});
