// --fix and --fix-dry-run end to end: atomic writes that keep mode and line breaks, files changed on disk left alone, nothing written outside the named files, and the dry run's patch.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { main } from '../../server/src/cli.js';
import { unifiedDiff } from '../../server/src/formatters/diff.js';
import { defineRule } from '../../server/src/engine/rule.js';
import { RULES } from '../../server/src/rules/index.js';
import { ROOT, writeTree } from '../helpers/lint.js';

const BIN = path.join(ROOT, 'bin', 'callstats-lint.js');
/** A userID with a zero-width space, written in the call: id-unicode's safe fix strips it. */
const LONG = 'alice\\u200B';
const SHA1 = 'alice';
/** id-unicode (made an error by CONFIG) with a safe fix, on line 2. */
const fixable = (eol = '\n') => `const cs = new callstats();${eol}cs.initialize('app', 'secret', '${LONG}');${eol}`;
const fixed = (eol = '\n') => `const cs = new callstats();${eol}cs.initialize('app', 'secret', '${SHA1}');${eol}`;
const CONFIG = JSON.stringify({ rules: { 'id-unicode': 'error' } });
const CHANGED = 'not fixed: the file changed on disk while it was being linted';
/** fast-check runs of the unified diff property. */
export const DIFF_RUNS = 1000;

function cli(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under `dir` with its bytes, mode, inode and mtime. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    const stat = fs.lstatSync(file);
    if (stat.isFile()) out[name] = `${createHash('sha1').update(fs.readFileSync(file)).digest('hex')} ${stat.mode} ${stat.ino} ${stat.mtimeMs}`;
  }
  return out;
}

// The node:fs module object the CLI's bundled code calls through, so a test can step in at one call.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('node:fs') as typeof import('node:fs');

/**
 * Runs the CLI in this process, so tests can hook node:fs; the report goes to a file (the test
 * runner reports on standard output), standard error is captured.
 */
async function runMain(args: string[], rules = RULES): Promise<{ code: number; report: { messages: { message: string; fatal?: boolean }[] }[]; stderr: string }> {
  const output = path.join(writeTree({}), 'report.json');
  const write = process.stderr.write;
  let stderr = '';
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(['-f', 'json', '-o', output, ...args], rules);
  } finally {
    process.stderr.write = write;
  }
  return { code, report: JSON.parse(fs.readFileSync(output, 'utf8')), stderr };
}

/** Replaces `nodeFs[name]` while `body` runs. */
async function hooked<K extends 'writeFileSync' | 'readFileSync'>(name: K, hook: (original: (typeof nodeFs)[K]) => (typeof nodeFs)[K], body: () => Promise<void>): Promise<void> {
  const original = nodeFs[name];
  (nodeFs as Record<K, unknown>)[name] = hook(original.bind(nodeFs) as (typeof nodeFs)[K]);
  try {
    await body();
  } finally {
    (nodeFs as Record<K, unknown>)[name] = original;
  }
}

describe('--fix writes safely', () => {
  test('keeps each file\'s line breaks (LF, CRLF), its byte order mark and its mode; writes by rename and leaves no temporary file', () => {
    const dir = writeTree({
      'lf.js': fixable('\n'),
      'crlf.js': fixable('\r\n'),
      'bom.js': '\uFEFF' + fixable('\r\n'),
      'tool.js': fixable(),
      'clean.js': 'export const answer = 42;\n',
      '.callstatslintrc.json': CONFIG,
    });
    fs.chmodSync(path.join(dir, 'tool.js'), 0o751);
    fs.chmodSync(path.join(dir, 'lf.js'), 0o600);
    const before = snapshot(dir);
    assert.deepEqual(cli(dir, '--fix'), { code: 0, stdout: '', stderr: '' });
    assert.equal(fs.readFileSync(path.join(dir, 'lf.js'), 'utf8'), fixed('\n'));
    assert.equal(fs.readFileSync(path.join(dir, 'crlf.js'), 'utf8'), fixed('\r\n'));
    assert.equal(fs.readFileSync(path.join(dir, 'bom.js'), 'utf8'), '\uFEFF' + fixed('\r\n'));
    assert.equal(fs.statSync(path.join(dir, 'tool.js')).mode & 0o7777, 0o751);
    assert.equal(fs.statSync(path.join(dir, 'lf.js')).mode & 0o7777, 0o600);
    const after = snapshot(dir);
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'no temporary file is left');
    assert.equal(after['clean.js'], before['clean.js'], 'a file without fixes is not touched');
    assert.notEqual(after['lf.js'].split(' ')[2], before['lf.js'].split(' ')[2], 'a fixed file is a new inode: written aside, then renamed over');
  });

  test('fixes the file a symbolic link points to, and keeps the link', () => {
    const dir = writeTree({ 'real/app.js': fixable(), '.callstatslintrc.json': CONFIG });
    fs.symlinkSync(path.join(dir, 'real', 'app.js'), path.join(dir, 'link.js'));
    assert.equal(cli(dir, '--fix', 'link.js').code, 0);
    assert.ok(fs.lstatSync(path.join(dir, 'link.js')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'real', 'app.js'), 'utf8'), fixed());
  });

  test('a file that is not valid UTF-8 is not rewritten (its other bytes would be lost)', () => {
    const dir = writeTree({ '.callstatslintrc.json': CONFIG });
    const bytes = Buffer.concat([Buffer.from(fixable()), Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    fs.writeFileSync(path.join(dir, 'latin1.js'), bytes);
    const result = cli(dir, '--fix', '-f', 'json');
    assert.ok(fs.readFileSync(path.join(dir, 'latin1.js')).equals(bytes), 'the bytes are unchanged');
    assert.equal(result.code, 1);
  });

  test('a file that changes on disk while it is written is left as the other writer saved it, and reported', async () => {
    const dir = writeTree({ 'app.js': fixable(), '.callstatslintrc.json': CONFIG });
    const file = path.join(dir, 'app.js');
    const theirs = `// saved by an editor meanwhile\n${fixable()}`;
    let result: Awaited<ReturnType<typeof runMain>> | undefined;
    // The moment the CLI has written its temporary file, another program saves app.js.
    await hooked(
      'writeFileSync',
      (original) =>
        ((target: fs.PathOrFileDescriptor, data: string, options?: fs.WriteFileOptions) => {
          original(target, data, options);
          if (typeof target === 'string' && target.endsWith('.tmp')) original(file, theirs);
        }) as typeof nodeFs.writeFileSync,
      async () => {
        result = await runMain(['--fix', file]);
      },
    );
    assert.equal(fs.readFileSync(file, 'utf8'), theirs);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.callstatslintrc.json', 'app.js'], 'the temporary file is removed');
    assert.equal(result!.code, 1);
    const [report] = result!.report;
    assert.ok(report.messages.some((m) => m.fatal && m.message === CHANGED), JSON.stringify(report));
  });

  test('a file that changes on disk between the lint and the fix is not fixed, and reported', async () => {
    const dir = writeTree({ 'app.js': fixable(), '.callstatslintrc.json': CONFIG });
    const file = path.join(dir, 'app.js');
    const theirs = `${fixable()}// saved by an editor meanwhile\n`;
    let result: Awaited<ReturnType<typeof runMain>> | undefined;
    let reads = 0;
    // The first read of app.js is the lint's (or --fix's own): another program saves the file right then.
    await hooked(
      'readFileSync',
      (original) =>
        ((target: fs.PathOrFileDescriptor, options?: unknown) => {
          const text = (original as (t: fs.PathOrFileDescriptor, o?: unknown) => string | Buffer)(target, options);
          if (target === file && reads++ === 0) nodeFs.writeFileSync(file, theirs);
          return text;
        }) as typeof nodeFs.readFileSync,
      async () => {
        result = await runMain(['--fix', file]);
      },
    );
    assert.ok(reads > 0, 'the file was read');
    assert.equal(fs.readFileSync(file, 'utf8'), theirs);
    const [report] = result!.report;
    assert.ok(report.messages.some((m) => m.fatal && m.message === CHANGED), JSON.stringify(report));
    assert.equal(result!.code, 1);
  });

  test('never writes outside the named files: a fix that also edits an imported file is left out whole', async () => {
    const dir = writeTree({ 'app.js': `import { ID } from './lib.js';\n${fixable()}`, 'lib.js': "export const ID = 'lib';\n", '.callstatslintrc.json': CONFIG });
    const app = path.join(dir, 'app.js');
    const lib = path.join(dir, 'lib.js');
    // No rule's fix edits another file today; this one does, to prove --fix would refuse it.
    const crossFile = defineRule({
      meta: { id: 'cross-file', description: 'Edits two files', defaultSeverity: 'warn', docs: 'docs/rules/cross-file.md', fixes: { both: { title: 'edit both', kind: 'safe' } } },
      messages: { edits: { message: 'test: a finding whose fix edits the imported lib.js', help: 'Apply the fix.' } },
      create(context) {
        for (const call of context.calls) {
          if (call.file !== app || call.method.name !== 'initialize' || call.call.getSourceFile().text.startsWith('// edited')) continue;
          context.report({
            node: call.call,
            messageId: 'edits',
            fixes: [{ fixId: 'both', isPreferred: true, edits: [{ file: app, start: 0, end: 0, newText: '// edited\n' }, { file: lib, start: 0, end: 0, newText: '// edited\n' }] }],
          });
        }
      },
    });
    const rules = [...RULES, crossFile];
    const libBefore = snapshot(dir)['lib.js'];
    const only = await runMain(['--fix', app], rules);
    assert.equal(snapshot(dir)['lib.js'], libBefore, 'lib.js, not named, is untouched');
    assert.equal(fs.readFileSync(app, 'utf8'), `import { ID } from './lib.js';\n${fixed()}`, "app.js gets its own fixes, not the cross-file fix's half");
    const [report] = only.report;
    assert.ok(report.messages.some((m) => m.message.startsWith('test: a finding')), 'the finding remains reported');

    // Named too, lib.js is fixed with app.js.
    await runMain(['--fix', app, lib], rules);
    assert.ok(fs.readFileSync(lib, 'utf8').startsWith('// edited\n'));
    assert.ok(fs.readFileSync(app, 'utf8').startsWith('// edited\n'));
  });
});

describe('--fix-dry-run', () => {
  test('prints a unified diff, leaves every file as it was, and exits as --fix would on the fixed result', () => {
    const dir = writeTree({
      'src/a.js': fixable(),
      'src/crlf.js': fixable('\r\n'),
      'clean.js': 'export const answer = 42;\n',
      '.callstatslintrc.json': CONFIG,
    });
    const before = snapshot(dir);
    assert.equal(cli(dir).code, 1, 'without fixes the id-unicode errors fail the run');
    const dry = cli(dir, '--fix-dry-run');
    assert.deepEqual(snapshot(dir), before, 'nothing on disk changed');
    assert.equal(dry.code, 0, 'the fixed result has no errors');
    const line = (text: string, eol: string) => `${text}${eol}`;
    assert.equal(
      dry.stdout,
      [
        '--- a/src/a.js\n',
        '+++ b/src/a.js\n',
        '@@ -1,2 +1,2 @@\n',
        line(' const cs = new callstats();', '\n'),
        line(`-cs.initialize('app', 'secret', '${LONG}');`, '\n'),
        line(`+cs.initialize('app', 'secret', '${SHA1}');`, '\n'),
        '--- a/src/crlf.js\n',
        '+++ b/src/crlf.js\n',
        '@@ -1,2 +1,2 @@\n',
        line(' const cs = new callstats();', '\r\n'),
        line(`-cs.initialize('app', 'secret', '${LONG}');`, '\r\n'),
        line(`+cs.initialize('app', 'secret', '${SHA1}');`, '\r\n'),
      ].join(''),
    );
    assert.equal(dry.stderr, '', 'the report of what would remain is empty');
  });

  test('the exit code counts what the fixes leave: an error without a fix still fails', () => {
    const dir = writeTree({ 'a.js': `${fixable()}cs.initialize('app', 'secret', 'y'.repeat(300));\n`, '.callstatslintrc.json': CONFIG });
    const dry = cli(dir, '--fix-dry-run', '--format', 'json');
    assert.equal(dry.code, 1);
    assert.match(dry.stdout, /^--- a\/a\.js\n\+\+\+ b\/a\.js\n@@ /);
    const [report] = JSON.parse(dry.stderr) as { errorCount: number }[];
    assert.equal(report.errorCount, 1, 'the report, on standard error, counts the unfixed error only');
  });

  test('its patch, applied with patch -p1, gives exactly what --fix writes', { skip: spawnSync('patch', ['--version']).status !== 0 && 'no patch program' }, () => {
    const files = {
      'a.js': `// a header\n\n\n\n\n\n${fixable()}\n\n\n\n\n\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'remote-peer', cs.fabricUsage.multiplex, 'room-42');\ncs.initialize('app', 'secret', '${'z'.repeat(257)}');`,
      'b.js': `${fixable('\r\n')}// the end, no line break`,
      'c.html': `<script>\r\n${fixable('\r\n')}</script>\r\n`,
      '.callstatslintrc.json': CONFIG,
    };
    const dryDir = writeTree(files);
    const fixDir = writeTree(files);
    const dry = cli(dryDir, '--fix-dry-run');
    cli(fixDir, '--fix');
    const patch = spawnSync('patch', ['-p1', '--binary', '--no-backup-if-mismatch'], { cwd: dryDir, input: dry.stdout, encoding: 'utf8' });
    assert.equal(patch.status, 0, patch.stdout + patch.stderr);
    for (const name of ['a.js', 'b.js', 'c.html']) {
      assert.equal(fs.readFileSync(path.join(dryDir, name), 'utf8'), fs.readFileSync(path.join(fixDir, name), 'utf8'), name);
    }
    assert.notEqual(fs.readFileSync(path.join(fixDir, 'a.js'), 'utf8'), files['a.js'], 'the fixes changed a.js');
  });

  test('cannot be combined with --fix', () => {
    const dir = writeTree({ 'a.js': fixable() });
    assert.deepEqual(cli(dir, '--fix', '--fix-dry-run'), { code: 2, stdout: '', stderr: 'callstats-lint: --fix and --fix-dry-run cannot be used together\n' });
  });
});

/** Applies a unified diff of one file the way `patch` does, strictly: every context and removed line must match. */
function applyPatch(before: string, patch: string): string {
  const lines = before.split(/(?<=\n)/).filter((line) => line !== '');
  const body = patch.split(/(?<=\n)/);
  assert.match(body[0], /^--- a\//);
  assert.match(body[1], /^\+\+\+ b\//);
  const out: string[] = [];
  let cursor = 0;
  for (let i = 2; i < body.length; ) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$/.exec(body[i++]);
    assert.ok(header, `hunk header: ${JSON.stringify(body[i - 1])}`);
    const oldLength = header[2] === undefined ? 1 : Number(header[2]);
    const start = oldLength === 0 ? Number(header[1]) : Number(header[1]) - 1;
    out.push(...lines.slice(cursor, start));
    cursor = start;
    while (i < body.length && /^[ +-]/.test(body[i])) {
      const kind = body[i][0];
      let line = body[i++].slice(1);
      if (body[i] === '\\ No newline at end of file\n') {
        line = line.slice(0, -1);
        i++;
      }
      if (kind !== '+') assert.equal(lines[cursor++], line, 'context and removed lines match');
      if (kind !== '-') out.push(line);
    }
  }
  return [...out, ...lines.slice(cursor)].join('');
}

describe('unified diffs', () => {
  const line = fc.constantFrom('a', 'b', 'c', '', 'const x = 1;', '  y();').chain((text) => fc.constantFrom(`${text}\n`, `${text}\r\n`));
  const file = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('', 'last line without a break'));

  test(`applied, they give the new text (${DIFF_RUNS} runs)`, () => {
    fc.assert(
      fc.property(file, file, ([a, aEnd], [b, bEnd]) => {
        const before = a.join('') + aEnd;
        const after = b.join('') + bEnd;
        const patch = unifiedDiff('dir/file.js', before, after);
        if (before === after) return assert.equal(patch, '');
        assert.equal(applyPatch(before, patch), after);
      }),
      { numRuns: DIFF_RUNS, includeErrorInReport: true },
    );
  });

  test('past 1000 changed lines the diff is still exact (one replacement hunk)', () => {
    const before = Array.from({ length: 1500 }, (_, i) => `old ${i}\n`).join('');
    const after = Array.from({ length: 1500 }, (_, i) => `new ${i}\n`).join('');
    assert.equal(applyPatch(before, unifiedDiff('f.js', before, after)), after);
  });
});
