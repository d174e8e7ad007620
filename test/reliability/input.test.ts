// Bad input, engine and CLI: broken syntax, huge, binary and mis-encoded files, BOMs and CRLF, odd paths, loops and unreadable files.
import { RULES } from '../../server/src/rules/index.js';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ts } from 'ts-morph';
import { defaultConfig } from '../../server/src/engine/config.js';
import { applyEdits } from '../../server/src/engine/fixes.js';
import { discoverFiles } from '../../server/src/engine/files.js';
import { Linter } from '../../server/src/engine/linter.js';
import { tooLargeProblem, Workspace } from '../../server/src/engine/workspace.js';
import { lint, lintDir, positionOf, writeTree } from '../helpers/lint.js';
import { cli, jsonReport, TOO_LONG, TOO_LONG_MESSAGE } from './input-helpers.js';

const where = (r: ReturnType<typeof lint>) => r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
const MB = 1024 * 1024;
/** The fs module object the engine's bundle reads through: a spy set on it sees the engine's calls. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs = require('node:fs') as typeof fs;

/** One Linter, one file, defaults: the report of `text` given as an editor buffer (nothing is read from disk). */
function lintBuffer(linter: Linter, file: string, text: string) {
  linter.setOverlay(file, text);
  const [report] = linter.lint({ files: [file], configFor: () => defaultConfig() });
  return report;
}

describe('syntax errors', () => {
  const typed = `${TOO_LONG}function connect(pc, id) {\n  cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, \`room-\${id}\`);\n}\n`;
  const lineTwoEnd = TOO_LONG.length;

  test('a file typed character by character: no throw, no problem, the finished call keeps its finding', () => {
    const linter = new Linter({ rules: RULES });
    const file = path.join(writeTree({}), 'app.js');
    for (let i = 0; i <= typed.length; i++) {
      const report = lintBuffer(linter, file, typed.slice(0, i));
      assert.deepEqual(report.problems, [], `prefix ${i}`);
      if (i >= lineTwoEnd) {
        const found = report.findings.filter((f) => f.ruleId === 'id-max-bytes').map((f) => `${f.range.line}:${f.range.column}`);
        assert.deepEqual(found, ['2:32'], `prefix ${i}`);
      }
    }
  });

  test('every single character deleted in turn: no throw, no problem', () => {
    const linter = new Linter({ rules: RULES });
    const file = path.join(writeTree({}), 'app.ts');
    for (let i = 0; i < typed.length; i++) {
      const report = lintBuffer(linter, file, typed.slice(0, i) + typed.slice(i + 1));
      assert.deepEqual(report.problems, [], `without character ${i}`);
      if (i >= lineTwoEnd) assert.ok(report.findings.some((f) => f.ruleId === 'id-max-bytes' && f.range.line === 2), `without character ${i}`);
    }
  });

  test('unterminated strings, templates, comments, regular expressions and JSX after the call', () => {
    const tails = [
      "const s = 'abc",
      'const s = "abc\nconst t = 1;',
      'const t = `abc',
      'const t = `abc ${',
      'const t = `${`${`${',
      'const t = `${cs.initialize(',
      '/* never closed',
      'const r = /abc',
      'const r = /[/',
      "cs.initialize('app', 'secret', 'open",
      'const el = <div>{',
      '}}}}))))]]]]',
      '((((((((',
      'export default class {',
      '\\u{110000} \\uD800 #! @',
    ];
    for (const tail of tails) {
      for (const name of ['app.js', 'app.tsx']) {
        const r = lint({ [name]: `${TOO_LONG}${tail}` }, { rule: 'id-max-bytes' });
        assert.deepEqual(r.problems, {}, `${name}: ${tail}`);
        assert.deepEqual(where(r), [`${name}:2:32 id-max-bytes`], `${name}: ${tail}`);
      }
    }
  });

  test('the same openings before the call: it may be swallowed, but nothing throws and no problem is reported', () => {
    for (const head of ['const t = `', 'const s = "', '/*', 'const t = `${', 'function f( {', '<div>', 'class {']) {
      const r = lint({ 'app.js': `${head}\n${TOO_LONG}` });
      assert.deepEqual(r.problems, {}, head);
    }
  });
});

describe('large files', () => {
  /** A minified bundle of at least `bytes`, using the SDK at its very end. */
  function bundle(bytes: number): string {
    const chunk = '!function(e,t){var n=e.length,r=0;for(;r<n;r++)t(e[r],r)}(window.items||[],function(a,b){return a+b});var q={a:1,b:"two",c:[3,4,5]};';
    return `var cs=new callstats();${chunk.repeat(Math.ceil(bytes / chunk.length))}cs.initialize('app','secret','${'x'.repeat(300)}');`;
  }

  test('the size note: rounded sizes, exact bytes where rounding would hide the excess', () => {
    const tail = 'limit for files found in folders (name the file to lint it, or raise --max-file-size)';
    assert.equal(tooLargeProblem(20 * MB, 2 * MB), `skipped: 20.0 MB is over the 2 MB ${tail}`);
    assert.equal(tooLargeProblem(2 * MB + 1, 2 * MB), `skipped: 2097153 bytes is over the 2 MB (2097152 bytes) ${tail}`);
    assert.equal(tooLargeProblem(50_000, 10 * 1024), `skipped: 48.8 kB is over the 10 kB ${tail}`);
    assert.equal(tooLargeProblem(1500, 1000), `skipped: 1.5 kB is over the 1000 bytes ${tail}`);
    assert.equal(tooLargeProblem(12, 10), `skipped: 12 bytes is over the 10 bytes ${tail}`);
  });

  test('a 20 MB bundle found in a folder is skipped on its size alone: never read, the other files linted', () => {
    const dir = writeTree({ 'src/app.js': TOO_LONG });
    const big = path.join(dir, 'dist/app.min.js');
    fs.mkdirSync(path.dirname(big));
    fs.writeFileSync(big, bundle(20 * MB));
    const reads: string[] = [];
    const { readFileSync, openSync } = nodeFs;
    nodeFs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      reads.push(String(file));
      return (readFileSync as (...a: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.readFileSync;
    nodeFs.openSync = ((file: fs.PathLike, ...rest: unknown[]) => {
      reads.push(String(file));
      return (openSync as (...a: unknown[]) => number)(file, ...rest);
    }) as typeof fs.openSync;
    let r: ReturnType<typeof lintDir>;
    try {
      r = lintDir(dir, ['dist/app.min.js', 'src/app.js']);
    } finally {
      nodeFs.readFileSync = readFileSync;
      nodeFs.openSync = openSync;
    }
    assert.ok(reads.includes(path.join(dir, 'src/app.js')), 'the spy sees the engine read the small file');
    assert.ok(!reads.includes(big), 'the bundle is never opened');
    assert.deepEqual(r.problems, { 'dist/app.min.js': [tooLargeProblem(fs.statSync(big).size, 2 * MB)] });
    assert.match(r.problems['dist/app.min.js'][0], /^skipped: 20\.0 MB is over the 2 MB limit for files found in folders \(name the file to lint it, or raise --max-file-size\)$/);
    assert.deepEqual(where(r), ['app.js:2:32 id-max-bytes']);
  });

  test('a named file is read whatever its size; an editor buffer is never skipped for its size', () => {
    const dir = writeTree({});
    const big = path.join(dir, 'app.min.js');
    const text = bundle(3 * MB);
    fs.writeFileSync(big, text);
    const workspace = new Workspace();
    assert.match(workspace.read(big).problem ?? '', /^skipped: 3\.0 MB is over the 2 MB limit/);
    workspace.setLimits(2 * MB, [big]);
    assert.deepEqual(workspace.read(big), { file: big, text });
    workspace.setLimits(2 * MB, []);
    workspace.setOverlay(big, text);
    assert.deepEqual(workspace.read(big), { file: big, text });
  });

  test('the limit and named files, through the Linter: skipped, then linted when named or the limit is raised', () => {
    const dir = writeTree({ 'bundle.js': bundle(50_000) });
    const file = path.join(dir, 'bundle.js');
    const size = fs.statSync(file).size;
    const linter = new Linter({ rules: RULES });
    const run = (maxFileSize: number, namedFiles: string[] = []) => {
      const [report] = linter.lint({ files: [file], configFor: () => defaultConfig(), maxFileSize, namedFiles });
      return { problems: report.problems, findings: report.findings.map((f) => `${f.range.line}:${f.range.column} ${f.ruleId}`) };
    };
    const found = [`1:${size - 303} id-max-bytes`];
    assert.deepEqual(run(10 * 1024), { problems: [tooLargeProblem(size, 10 * 1024)], findings: [] });
    assert.deepEqual(run(10 * 1024, [file]), { problems: [], findings: found });
    assert.deepEqual(run(10 * 1024), { problems: [tooLargeProblem(size, 10 * 1024)], findings: [] });
    assert.deepEqual(run(size), { problems: [], findings: found });
    assert.deepEqual(run(size - 1), { problems: [tooLargeProblem(size, size - 1)], findings: [] });
  });

  test('CLI --max-file-size: found files over it are noted and skipped, named ones linted; bad sizes exit 2', () => {
    const dir = writeTree({ 'src/app.js': TOO_LONG, 'dist/bundle.js': bundle(30_000) });
    fs.writeFileSync(path.join(dir, 'dist/huge.js'), bundle(20 * MB));
    const size = fs.statSync(path.join(dir, 'dist/bundle.js')).size;
    const hugeSize = fs.statSync(path.join(dir, 'dist/huge.js')).size;
    const column = size - 303;

    const byDefault = cli(dir, ['--format', 'json', '.']);
    assert.equal(byDefault.code, 1);
    assert.deepEqual(jsonReport(dir, byDefault.stdout), {
      'dist/bundle.js': [`1:${column} id-max-bytes`],
      'dist/huge.js': [`fatal: ${tooLargeProblem(hugeSize, 2 * MB)}`],
      'src/app.js': ['2:32 id-max-bytes'],
    });
    assert.match(byDefault.stdout, /skipped: 20\.0 MB is over the 2 MB limit for files found in folders \(name the file to lint it, or raise --max-file-size\)/);

    const lowered = cli(dir, ['--format', 'json', '--max-file-size', '20kB', 'src', 'dist/bundle.js', 'dist/*.js']);
    assert.deepEqual(jsonReport(dir, lowered.stdout), {
      'dist/bundle.js': [`1:${column} id-max-bytes`],
      'dist/huge.js': [`fatal: ${tooLargeProblem(hugeSize, 20 * 1024)}`],
      'src/app.js': ['2:32 id-max-bytes'],
    });
    const globbed = cli(dir, ['--format', 'json', '--max-file-size=20KB', 'dist/*.js']);
    assert.deepEqual(jsonReport(dir, globbed.stdout), {
      'dist/bundle.js': [`fatal: ${tooLargeProblem(size, 20 * 1024)}`],
      'dist/huge.js': [`fatal: ${tooLargeProblem(hugeSize, 20 * 1024)}`],
    });
    for (const limit of [`${size}`, '0.03mb', '1MB', '2 MB']) {
      const raised = cli(dir, ['--format', 'json', '--max-file-size', limit, 'dist/bundle*.js', 'src']);
      assert.deepEqual(jsonReport(dir, raised.stdout), { 'dist/bundle.js': [`1:${column} id-max-bytes`], 'src/app.js': ['2:32 id-max-bytes'] }, limit);
    }
    const justUnder = cli(dir, ['--format', 'json', '--max-file-size', `${size - 1}`, 'dist/bundle*.js']);
    assert.deepEqual(jsonReport(dir, justUnder.stdout), { 'dist/bundle.js': [`fatal: ${tooLargeProblem(size, size - 1)}`] });
    for (const bad of ['big', '0', '-1', '1.5', '2GB', '', '0kB', '1e6']) {
      const run = cli(dir, [`--max-file-size=${bad}`, 'src']);
      assert.deepEqual(run, { code: 2, stdout: '', stderr: `callstats-lint: --max-file-size must be a size such as 2000000, 500kB or 8MB (got "${bad}")\n` }, bad);
    }
    assert.match(cli(dir, ['--help']).stdout, /--max-file-size SIZE/);
  });
});

describe('binary files', () => {
  const BINARY = 'skipped: a binary file (it has NUL bytes in its first 8 kB)';
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from(TOO_LONG)]);

  test('NUL bytes in the first 8 kB: skipped with a note, named or not, never parsed; a later NUL is code', () => {
    const dir = writeTree({ 'app.js': TOO_LONG, 'late.js': `${TOO_LONG}/*${'a'.repeat(9000)}*/\0\n` });
    fs.writeFileSync(path.join(dir, 'logo.js'), png);
    fs.writeFileSync(path.join(dir, 'edge.js'), `${' '.repeat(8 * 1024 - 1)}\0${TOO_LONG}`);
    const r = lintDir(dir, ['logo.js', 'late.js', 'edge.js', 'app.js']);
    assert.deepEqual(r.problems, { 'logo.js': [BINARY], 'edge.js': [BINARY] });
    assert.deepEqual(where(r), ['late.js:2:32 id-max-bytes', 'app.js:2:32 id-max-bytes']);
    const linter = new Linter({ rules: RULES });
    const named = linter.lint({ files: [path.join(dir, 'logo.js')], configFor: () => defaultConfig(), namedFiles: [path.join(dir, 'logo.js')] });
    assert.deepEqual(named.map((x) => x.problems), [[BINARY]]);
  });

  test('an editor buffer holding a NUL is skipped the same way', () => {
    const report = lintBuffer(new Linter({ rules: RULES }), path.join(writeTree({}), 'app.js'), `\0${TOO_LONG}`);
    assert.deepEqual(report, { file: report.file, findings: [], problems: [BINARY] });
  });

  test('CLI: the binary file is noted, the run goes on', () => {
    const dir = writeTree({ 'src/app.js': TOO_LONG });
    fs.writeFileSync(path.join(dir, 'src/logo.js'), png);
    const run = cli(dir, ['--format', 'json', '.']);
    assert.equal(run.code, 1);
    assert.deepEqual(jsonReport(dir, run.stdout), { 'src/app.js': ['2:32 id-max-bytes'], 'src/logo.js': [`fatal: ${BINARY}`] });
  });
});

describe('encodings, byte order marks and line endings', () => {
  /** What an editor shows for these bytes: the WHATWG UTF-8 decoder, replacement on, the BOM kept. */
  const asEditorsDecode = (bytes: Buffer) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  test('Latin-1 and invalid UTF-8: decoded with U+FFFD, analysed, columns right after the bad bytes', () => {
    const bad = [
      Buffer.from([0xe9]), // Latin-1 é
      Buffer.from([0x80]), // a lone continuation byte
      Buffer.from([0xe2, 0x82]), // a truncated 3-byte sequence
      Buffer.from([0xc0, 0xaf]), // an overlong encoding of "/"
      Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate
      Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]), // a 5-byte form
      Buffer.from([0xff, 0xfe]),
    ];
    for (const bytes of bad) {
      const file = Buffer.concat([
        Buffer.from('// caf'),
        bytes,
        Buffer.from('\nconst cs = new callstats(); /* '),
        bytes,
        Buffer.from(" */ cs.initialize('app', 'secret', 'x'.repeat(300));\n"),
      ]);
      const dir = writeTree({});
      fs.writeFileSync(path.join(dir, 'app.js'), file);
      const r = lintDir(dir, ['app.js']);
      const text = asEditorsDecode(file);
      assert.ok(text.includes('\uFFFD'));
      assert.deepEqual(r.problems, {}, bytes.toString('hex'));
      const at = positionOf(text, "'x'.repeat(300)");
      assert.deepEqual(where(r), [`app.js:${at.line}:${at.column} id-max-bytes`], bytes.toString('hex'));
      assert.equal(r.reports[0].findings[0].range.start, text.indexOf("'x'.repeat(300)"));
    }
  });

  test('a Latin-1 file is never rewritten by --fix (its undecodable bytes would be lost)', () => {
    const dir = writeTree({});
    const file = path.join(dir, 'app.js');
    const bytes = Buffer.from("const cs = new callstats(); // caf\u00e9\ncs.initialize('app', 'secret', ' user ');\n", 'latin1');
    fs.writeFileSync(file, bytes);
    const run = cli(dir, ['--format', 'json', '--fix', 'app.js']);
    assert.ok(fs.readFileSync(file).equals(bytes));
    assert.deepEqual(jsonReport(dir, run.stdout)['app.js'].filter((m) => !m.startsWith('fatal')), ['2:32 id-unicode']);
  });

  test("the compiler keeps a leading BOM in the tree's text and starts the first token after it", () => {
    const sourceFile = ts.createSourceFile('a.js', '\uFEFFconst a = 1;', ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    assert.equal(sourceFile.text.charCodeAt(0), 0xfeff);
    assert.equal(sourceFile.statements[0].getStart(), 1);
  });

  const FIXABLE = "new callstats().initialize('app', 'secret', ' alice ');\nnew callstats().initialize('app', 'secret', ' bob ');\n";

  test('a BOM: columns as editors show them (line 1 too), offsets into the text on disk, fixes keep the BOM', () => {
    for (const [name, withoutBom] of [
      ['app.js', FIXABLE],
      ['app.ts', FIXABLE],
      ['page.html', `<script>${FIXABLE}</script>\n`],
      ['crlf.js', FIXABLE.replace(/\n/g, '\r\n')],
    ]) {
      const r = lint({ [name]: `\uFEFF${withoutBom}` }, { rule: 'id-unicode' });
      const raw = r.reports[0].findings.filter((f) => f.ruleId === 'id-unicode');
      const onDisk = fs.readFileSync(path.join(r.dir, name), 'utf8');
      assert.equal(onDisk.charCodeAt(0), 0xfeff);
      const shown = withoutBom.replace(/\r\n/g, '\n');
      assert.deepEqual(
        r.findings.map((f) => ({ line: f.line, column: f.column, endColumn: f.endColumn })),
        ["' alice '", "' bob '"].map((needle) => ({ ...positionOf(shown, needle), endColumn: positionOf(shown, needle).column + needle.length })),
        name,
      );
      const [alice, bob] = raw;
      assert.equal(alice.range.start, onDisk.indexOf("' alice '"), name);
      assert.equal(bob.range.start, onDisk.indexOf("' bob '"), name);
      assert.equal(r.findings[0].fixes[0].text, onDisk.replace("' alice '", "'alice'"), name);
      assert.equal(applyEdits(onDisk, alice.fixes[0].edits).text, onDisk.replace("' alice '", "'alice'"), name);
    }
  });

  test('a BOM through the CLI: the JSON columns skip it and --fix keeps it', () => {
    const dir = writeTree({ 'app.js': `\uFEFF${FIXABLE}` });
    const report = cli(dir, ['--format', 'json', 'app.js']);
    assert.deepEqual(jsonReport(dir, report.stdout), { 'app.js': ['1:45 id-unicode', '2:45 id-unicode'] });
    const fixed = cli(dir, ['--fix', 'app.js']);
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'app.js'), 'utf8'), `\uFEFF${FIXABLE.replace(/' (alice|bob) '/g, "'$1'")}`);
  });

  test('CRLF, lone CR and mixed line endings: exact lines and columns, offsets into the text as it is', () => {
    const lines = ['// header', 'const cs = new callstats();', "cs.initialize('app', 'secret', 'x'.repeat(300));", "cs.addNewFabric(pc, ' bob ', cs.fabricUsage.multiplex, 'room');", ''];
    for (const [label, text] of [
      ['CRLF', lines.join('\r\n')],
      ['CR', lines.join('\r')],
      ['mixed', `${lines[0]}\r\n${lines[1]}\n${lines[2]}\r${lines[3]}\r\n`],
    ]) {
      const r = lint({ 'app.js': text });
      assert.deepEqual(r.problems, {}, label);
      assert.deepEqual(
        r.reports[0].findings
          .filter((f) => f.ruleId === 'id-max-bytes' || f.ruleId === 'id-unicode')
          .map((f) => `${f.range.line}:${f.range.column}-${f.range.endLine}:${f.range.endColumn} ${f.range.start} ${f.ruleId}`),
        [`3:32-3:47 ${text.indexOf("'x'.repeat")} id-max-bytes`, `4:21-4:28 ${text.indexOf("' bob '")} id-unicode`],
        label,
      );
    }
  });

  test('CRLF: --fix changes the literal and keeps every CRLF', () => {
    const text = `// header\r\n${FIXABLE.replace(/\n/g, '\r\n')}`;
    const dir = writeTree({ 'app.js': text });
    const run = cli(dir, ['--fix', 'app.js']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const fixed = fs.readFileSync(path.join(dir, 'app.js'), 'utf8');
    assert.equal(fixed, text.replace(/' (alice|bob) '/g, "'$1'"));
    assert.equal(fixed.match(/\r\n/g)?.length, 3);
    assert.doesNotMatch(fixed, /[^\r]\n/);
  });

  test('empty and blank files: no findings, no problems, exit 0', () => {
    const files = { 'empty.js': '', 'bom.js': '\uFEFF', 'blank.ts': '\n\n\r\n', 'spaces.mjs': '   \t ', 'semicolon.cjs': ';', 'empty.html': '', 'script.vue': '<script></script>' };
    const r = lint(files);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.problems, {});
    assert.deepEqual(cli(r.dir, ['.']), { code: 0, stdout: '', stderr: '' });
  });
});

describe('paths', () => {
  test('spaces and non-ASCII in folder and file names', () => {
    const names = ['my app/src/café ☕/call stats.js', 'my app/src/日本語.ts', 'my app/src/ÅNGSTRÖM #1 (copy).jsx', 'my app/src/emoji 🙂/$money%20.mjs'];
    const dir = writeTree(Object.fromEntries(names.map((n) => [n, TOO_LONG])));
    const expected = Object.fromEntries([...names].sort().map((n) => [n, ['2:32 id-max-bytes']]));
    for (const args of [['my app'], ['my app/**/*.{js,ts,jsx,mjs}'], names, ['.']]) {
      const run = cli(dir, ['--format', 'json', ...args]);
      assert.equal(run.code, 1, args.join(' '));
      assert.deepEqual(jsonReport(dir, run.stdout), expected, args.join(' '));
    }
    const stylish = cli(dir, [names[0]]);
    assert.ok(stylish.stdout.startsWith(`\n${names[0]}\n  2:32  error`), stylish.stdout);
  });

  test('paths with glob characters that exist are taken as they are (pages/[id].js)', () => {
    const names = ['pages/[id].js', 'pages/[id]/[...slug].js', 'pages/(group)/a{b}.js', 'pages/!bang?.js'];
    const dir = writeTree({ ...Object.fromEntries(names.map((n) => [n, TOO_LONG])), 'pages/i.js': TOO_LONG });
    for (const [args, expected] of [
      [['pages/[id].js'], ['pages/[id].js']],
      [['pages/[id]'], ['pages/[id]/[...slug].js']],
      [['pages/(group)/a{b}.js', 'pages/!bang?.js'], ['pages/!bang?.js', 'pages/(group)/a{b}.js']],
      [['pages/[ix].js'], ['pages/i.js']],
    ]) {
      const run = cli(dir, ['--format', 'json', ...args]);
      assert.deepEqual(Object.keys(jsonReport(dir, run.stdout)), expected, args.join(' '));
    }
  });

  test('symlink loops: discovery terminates and lists each file once', () => {
    const dir = writeTree({ 'src/app.js': TOO_LONG, 'src/deep/b.js': 'export const b = 1;\n' });
    fs.symlinkSync('.', path.join(dir, 'src/loop'));
    fs.symlinkSync('..', path.join(dir, 'src/deep/up'));
    fs.symlinkSync(dir, path.join(dir, 'src/deep/root'));
    fs.symlinkSync('self.js', path.join(dir, 'src/self.js'));
    fs.symlinkSync('pong', path.join(dir, 'src/ping'));
    fs.symlinkSync('ping', path.join(dir, 'src/pong'));
    for (const pattern of ['.', 'src', 'src/loop/loop/deep', '**/*.js', 'src/deep/up/**']) {
      const found = discoverFiles([pattern], dir);
      assert.equal(found.files.length, 2, pattern);
      assert.deepEqual(found.problems, [], pattern);
    }
    const run = cli(dir, ['--format', 'json', '.']);
    assert.deepEqual(jsonReport(dir, run.stdout), { 'src/app.js': ['2:32 id-max-bytes'], 'src/deep/b.js': [] });
    const named = cli(dir, ['src/self.js']);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /No files matching the pattern "src\/self\.js" were found \(cannot read path: ELOOP\)/);
  });

  test('unreadable files and folders (EACCES): noted, the run goes on', (t) => {
    const dir = writeTree({ 'open.js': TOO_LONG, 'locked.js': TOO_LONG, 'locked-dir/inner.js': TOO_LONG });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'locked.js'), 0o000);
    fs.chmodSync(path.join(dir, 'locked-dir'), 0o000);
    // root reads everything: the CLI then runs as `nobody`, for whom the modes hold.
    const asRoot = process.getuid?.() === 0;
    const nobody = asRoot ? spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }) : undefined;
    const uid = nobody && nobody.status === 0 ? Number(nobody.stdout.trim()) : undefined;
    if (asRoot && uid === undefined) {
      t.skip('running as root without a "nobody" user: file modes cannot be tested');
      return;
    }
    const options = asRoot ? { uid, gid: uid } : {};
    const probe = cli(dir, ['--version'], options);
    if (probe.code !== 0) {
      t.skip(`the CLI cannot run as uid ${uid} here (${probe.stderr.trim().split('\n')[0]})`);
      return;
    }
    const run = cli(dir, ['--format', 'json', '.'], options);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(jsonReport(dir, run.stdout), {
      'locked-dir': ['fatal: cannot read directory: permission denied'],
      'locked.js': ['fatal: cannot read the file (EACCES)'],
      'open.js': ['2:32 id-max-bytes'],
    });
  });

  test('a directory named like a file (src/app.js/): walked, resolved as a folder import, a problem when asked for as a file', () => {
    const dir = writeTree({
      'src/app.js/index.js': TOO_LONG,
      'src/main.js': "import { cs } from './app.js';\ncs.initialize('app', 'secret', '');\n",
    });
    for (const args of [['.'], ['src/app.js'], ['src/**/*.js']]) {
      const run = cli(dir, ['--format', 'json', ...args]);
      assert.equal(jsonReport(dir, run.stdout)['src/app.js/index.js']?.[0], '2:32 id-max-bytes', args.join(' '));
    }
    assert.equal(new Workspace().resolve('./app.js', path.join(dir, 'src/main.js')), path.join(dir, 'src/app.js/index.js'));
    const r = lintDir(dir, ['src/app.js', 'src/main.js']);
    assert.deepEqual(r.problems, { 'src/app.js': ['not a regular file'] });
  });
});

test('a file deleted between discovery and reading, and a path that is a FIFO: problems, not throws', () => {
  const dir = writeTree({ 'app.js': TOO_LONG });
  const fifo = path.join(dir, 'pipe.js');
  const made = spawnSync('mkfifo', [fifo]);
  const r = lintDir(dir, ['gone.js', 'app.js', ...(made.status === 0 ? ['pipe.js'] : [])]);
  assert.deepEqual(r.problems, { 'gone.js': ['cannot read the file (ENOENT)'], ...(made.status === 0 ? { 'pipe.js': ['not a regular file'] } : {}) });
  assert.deepEqual(where(r), ['app.js:2:32 id-max-bytes']);
  assert.equal(r.findings[0].message, TOO_LONG_MESSAGE);
});
