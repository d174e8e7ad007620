// File discovery: which files a set of paths and globs names, and what goes wrong without crashing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { discoverFiles, isIgnoredFile, isLintableFile, type IgnoreOptions } from '../../server/src/engine/files.js';

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

/** Everything discovery tells, paths relative to `dir`. */
function discovered(dir: string, patterns: string[], options: IgnoreOptions = {}, cwd = dir) {
  const result = discoverFiles(patterns, cwd, options);
  const rel = (files: string[]) => files.map((file) => path.relative(dir, file).split(path.sep).join('/'));
  return { files: rel(result.files), ignored: rel(result.ignored), skipped: rel(result.skipped), ignoredCount: result.ignoredCount };
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

test('a file named explicitly is reported as ignored when a .gitignore covers it, and linted with --no-ignore', () => {
  const dir = tree({ '.gitignore': 'build/\n', 'build/out.js': '', 'node_modules/m.js': '' });
  // node_modules is only never walked into; named, it is linted.
  assert.deepEqual(discovered(dir, ['build/out.js', 'node_modules/m.js']), { files: ['node_modules/m.js'], ignored: ['build/out.js'], skipped: [], ignoredCount: 0 });
  assert.deepEqual(discovered(dir, ['build/out.js'], { ignore: false }), { files: ['build/out.js'], ignored: [], skipped: [], ignoredCount: 0 });
});

test('named files that are not scripts or pages are skipped; missing paths are problems', () => {
  const dir = tree({ 'README.md': '', 'a.js': '' });
  assert.deepEqual(found(dir, ['nope.js', 'README.md']), { files: [], problems: [{ path: path.join(dir, 'nope.js'), message: 'no such file or directory' }] });
  assert.deepEqual(discovered(dir, ['README.md', 'a.js']), { files: ['a.js'], ignored: [], skipped: ['README.md'], ignoredCount: 0 });
});

test('ignore patterns: globs relative to their base, a trailing slash for folders only, folders above a file count', () => {
  const dir = tree({ 'src/a.js': '', 'src/vendor.min.js': '', 'dist/b.js': '', 'lib/dist/c.js': '', 'out/d.js': '', 'out.js': '', 'src/gen/e.ts': '' });
  const configIgnores = (folder: string) => (folder.startsWith(dir) ? { base: dir, patterns: ['dist/', '**/*.min.js', 'src/gen'] } : undefined);
  assert.deepEqual(discovered(dir, ['.'], { configIgnores }), {
    files: ['lib/dist/c.js', 'out.js', 'out/d.js', 'src/a.js'],
    ignored: [],
    skipped: [],
    // src/vendor.min.js: dist/ and src/gen are left out as folders, without looking inside.
    ignoredCount: 1,
  });
  // --ignore-pattern, relative to the working folder; the configuration's still apply.
  assert.deepEqual(discovered(dir, ['.'], { configIgnores, patterns: ['out', 'lib/**'] }).files, ['out.js', 'src/a.js']);
  // A pattern names a folder, not a file of that name, when it ends with a slash.
  assert.deepEqual(discovered(dir, ['.'], { patterns: ['out.js/', 'out/'] }).files, ['dist/b.js', 'lib/dist/c.js', 'out.js', 'src/a.js', 'src/gen/e.ts', 'src/vendor.min.js']);
  // Named files: covered by the pattern, or by a folder above them.
  assert.deepEqual(discovered(dir, ['dist/b.js', 'src/gen/e.ts', 'src/a.js'], { configIgnores }), { files: ['src/a.js'], ignored: ['dist/b.js', 'src/gen/e.ts'], skipped: [], ignoredCount: 0 });
  // A named folder that is ignored: every file in it is.
  assert.deepEqual(discovered(dir, ['dist'], { configIgnores }), { files: [], ignored: [], skipped: [], ignoredCount: 1 });
  assert.deepEqual(discovered(dir, ['.'], { configIgnores, ignore: false }).files.length, 7);
  assert.equal(isIgnoredFile('dist/new.js', dir, { configIgnores }), true);
  assert.equal(isIgnoredFile('src/new.js', dir, { configIgnores }), false);
  assert.equal(isIgnoredFile('dist/new.js', dir, { configIgnores, ignore: false }), false);
});

test('.git/info/exclude applies as git applies it, in a linked work tree too; a .gitignore can re-include', () => {
  const repo = tree({ '.git/info/exclude': '# local\nscratch/\n*.local.js\n', 'scratch/a.js': '', 'b.local.js': '', 'keep.local.js': '', 'c.js': '', '.gitignore': '!keep.local.js\n' });
  assert.deepEqual(discovered(repo, ['.']).files, ['c.js', 'keep.local.js']);
  assert.deepEqual(discovered(repo, ['scratch/a.js']).ignored, ['scratch/a.js']);
  // `git worktree add` leaves a .git file pointing into the main repository, which holds info/exclude.
  const worktree = tree({ 'scratch/a.js': '', 'c.js': '' });
  fs.mkdirSync(path.join(repo, '.git', 'worktrees', 'wt'), { recursive: true });
  fs.writeFileSync(path.join(repo, '.git', 'worktrees', 'wt', 'commondir'), '../..\n');
  fs.writeFileSync(path.join(worktree, '.git'), `gitdir: ${path.join(repo, '.git', 'worktrees', 'wt')}\n`);
  assert.deepEqual(discovered(worktree, ['.']).files, ['c.js']);
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
