// File discovery: which files a set of paths and globs names, and what goes wrong without crashing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { discoverFiles, isLintableFile } from '../../server/src/engine/files.js';

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder with these files (content defaults to an empty module). */
function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'callstats-lint-files-')));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Found files relative to `dir`, in posix form, for readable expectations. */
function found(dir: string, patterns: string[], cwd = dir): { files: string[]; problems: { path: string; message: string }[] } {
  const result = discoverFiles(patterns, cwd);
  return { files: result.files.map((file) => path.relative(dir, file).split(path.sep).join('/')), problems: result.problems };
}

test('isLintableFile', () => {
  const table: [string, boolean][] = [
    ['a.js', true],
    ['a.jsx', true],
    ['a.mjs', true],
    ['a.cjs', true],
    ['a.ts', true],
    ['a.tsx', true],
    ['a.mts', true],
    ['a.cts', true],
    ['a.d.ts', false],
    ['a.d.mts', false],
    ['a.d.cts', false],
    ['a.json', false],
    ['a.md', false],
    ['a.vue', true],
    ['a.svelte', true],
    ['index.html', true],
    ['page.HTM', true],
    ['a.css', false],
    ['ajs', false],
    ['/x/y/app.test.ts', true],
  ];
  for (const [file, expected] of table) assert.equal(isLintableFile(file), expected, file);
});

test('folders are walked recursively; node_modules, .git and non-source files are skipped', () => {
  const dir = tree({
    'b.ts': '',
    'a.js': '',
    'src/deep/c.tsx': '',
    'src/types.d.ts': '',
    'src/data.json': '',
    'node_modules/lib/index.js': '',
    'src/node_modules/x.js': '',
    '.git/hooks/pre-commit.js': '',
  });
  assert.deepEqual(found(dir, ['.']), { files: ['a.js', 'b.ts', 'src/deep/c.tsx'], problems: [] });
});

test('results are absolute, sorted and unique across patterns', () => {
  const dir = tree({ 'b.js': '', 'a.js': '', 'sub/c.js': '' });
  const result = discoverFiles(['sub', 'b.js', '.', 'a.js', '*.js'], dir);
  assert.deepEqual(result.files, [path.join(dir, 'a.js'), path.join(dir, 'b.js'), path.join(dir, 'sub/c.js')]);
});

test('globs match relative to cwd and keep to source files', () => {
  const dir = tree({ 'src/a.ts': '', 'src/x/b.ts': '', 'src/x/c.js': '', 'src/x/d.d.ts': '', 'lib/e.ts': '', 'src/f.md': '' });
  assert.deepEqual(found(dir, ['src/**/*.ts']).files, ['src/a.ts', 'src/x/b.ts']);
  assert.deepEqual(found(dir, ['src/*.ts']).files, ['src/a.ts']);
  assert.deepEqual(found(dir, ['**/*.{js,md}']).files, ['src/x/c.js']);
  assert.deepEqual(found(dir, ['nothing/**/*.ts']), { files: [], problems: [] });
  // A narrow glob first must not hide files from a wider pattern over the same folder.
  assert.deepEqual(found(dir, ['src/*.ts', 'src']).files, ['src/a.ts', 'src/x/b.ts', 'src/x/c.js']);
});

test('.gitignore files apply to their subtree, deeper ones win, negation re-includes', () => {
  const dir = tree({
    '.gitignore': 'build/\n*.gen.js\n',
    'a.js': '',
    'a.gen.js': '',
    'build/out.js': '',
    'sub/.gitignore': 'local.js\n!keep.gen.js\n',
    'sub/local.js': '',
    'sub/keep.gen.js': '',
    'sub/other.gen.js': '',
    'other/local.js': '',
  });
  assert.deepEqual(found(dir, ['.']).files, ['a.js', 'other/local.js', 'sub/keep.gen.js']);
  // Walking a subfolder still honours the .gitignore files above it.
  assert.deepEqual(found(dir, ['sub']).files, ['sub/keep.gen.js']);
  // Outside a git repository nothing marks where the project starts: .gitignore files above cwd do not count.
  assert.deepEqual(found(dir, ['.'], path.join(dir, 'sub')).files, ['sub/keep.gen.js', 'sub/other.gen.js']);
});

test("the git repository's root .gitignore applies when cwd is below it", () => {
  const dir = tree({ '.git/HEAD': '', '.gitignore': 'generated/\n', 'pkg/generated/x.js': '', 'pkg/y.js': '' });
  assert.deepEqual(found(dir, ['.'], path.join(dir, 'pkg')).files, ['pkg/y.js']);
});

test('a file named explicitly is linted even when ignored', () => {
  const dir = tree({ '.gitignore': 'build/\n', 'build/out.js': '', 'node_modules/m.js': '' });
  assert.deepEqual(found(dir, ['build/out.js', 'node_modules/m.js']), { files: ['build/out.js', 'node_modules/m.js'], problems: [] });
});

test('missing paths and explicitly named non-source files are problems', () => {
  const dir = tree({ 'README.md': '' });
  assert.deepEqual(found(dir, ['nope.js', 'README.md']), {
    files: [],
    problems: [
      { path: path.join(dir, 'nope.js'), message: 'no such file or directory' },
      { path: path.join(dir, 'README.md'), message: 'not a JavaScript or TypeScript file' },
    ],
  });
});

test('symlink loops end, and a file reached twice through links is listed once', () => {
  const dir = tree({ 'src/a.js': '' });
  fs.symlinkSync(dir, path.join(dir, 'src', 'loop'));
  fs.symlinkSync(path.join(dir, 'src'), path.join(dir, 'alias'));
  fs.symlinkSync(path.join(dir, 'missing.js'), path.join(dir, 'dangling.js'));
  const result = found(dir, ['.']);
  assert.equal(result.files.length, 1);
  assert.deepEqual(result.problems, []);
});

const isRoot = process.getuid?.() === 0;
test('an unreadable folder is a problem, not a crash', { skip: isRoot && 'root reads every folder' }, () => {
  const dir = tree({ 'a.js': '', 'locked/b.js': '' });
  fs.chmodSync(path.join(dir, 'locked'), 0o000);
  try {
    assert.deepEqual(found(dir, ['.']), {
      files: ['a.js'],
      problems: [{ path: path.join(dir, 'locked'), message: 'cannot read directory: permission denied' }],
    });
  } finally {
    fs.chmodSync(path.join(dir, 'locked'), 0o755);
  }
});
