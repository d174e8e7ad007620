// What --fix may write: never outside the real paths of the folders given, never a read-only file, and a rewritten file keeps its owner, mode and hard links.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { writeTree } from '../helpers/lint.js';
import { cli, jsonReport } from './input-helpers.js';

/** id-unicode (a warning) with a safe fix on line 2: the invisible U+200B goes. */
const FIXABLE = "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice\\u200B');\n";
const FIXED = "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n";
const OUTSIDE = 'fatal: not fixed: the file is outside the paths given (a symbolic link leads there)';
const READ_ONLY = 'fatal: not fixed: the file is read-only';

/** Bytes, inode and modification time: what must not change in a file --fix leaves alone. */
const identity = (file: string): string => {
  const stat = fs.statSync(file);
  return `${createHash('sha1').update(fs.readFileSync(file)).digest('hex')} ${stat.ino} ${stat.mtimeMs}`;
};

test('--fix . never writes through a folder link that leads outside the folder: that file is reported, the others fixed', () => {
  const other = writeTree({ 'shared/ids.js': FIXABLE });
  const dir = writeTree({ 'app.js': FIXABLE, '.callstatslintrc.json': '{}' });
  fs.symlinkSync(path.join(other, 'shared'), path.join(dir, 'vendor'));
  const before = identity(path.join(other, 'shared', 'ids.js'));

  const dry = cli(dir, ['--fix-dry-run', '.']);
  assert.ok(dry.stdout.includes('+++ b/app.js') && !dry.stdout.includes('vendor'), dry.stdout);
  const run = cli(dir, ['--fix', '-f', 'json', '.']);
  assert.equal(run.code, 1);
  assert.deepEqual(jsonReport(dir, run.stdout), { 'app.js': [], 'vendor/ids.js': [OUTSIDE, '2:32 id-unicode'] });
  assert.equal(identity(path.join(other, 'shared', 'ids.js')), before);
  assert.equal(fs.readFileSync(path.join(dir, 'app.js'), 'utf8'), FIXED);

  // Named, the link's own folder is given: its files are inside it.
  assert.equal(cli(dir, ['--fix', 'vendor']).code, 0);
  assert.equal(fs.readFileSync(path.join(other, 'shared', 'ids.js'), 'utf8'), FIXED);
});

test('a file with another hard link is rewritten in place: both names show the fix, one inode, the mode kept', () => {
  const dir = writeTree({ 'app.js': FIXABLE, '.callstatslintrc.json': '{}' });
  const app = path.join(dir, 'app.js');
  const twin = path.join(writeTree({}), 'twin.js');
  fs.linkSync(app, twin);
  fs.chmodSync(app, 0o640);
  const inode = fs.statSync(app).ino;
  assert.equal(cli(dir, ['--fix', 'app.js']).code, 0);
  assert.equal(fs.readFileSync(app, 'utf8'), FIXED);
  assert.equal(fs.readFileSync(twin, 'utf8'), FIXED);
  assert.deepEqual([fs.statSync(app).ino, fs.statSync(app).nlink, fs.statSync(app).mode & 0o777], [inode, 2, 0o640]);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['.callstatslintrc.json', 'app.js'], 'no temporary file is left');
});

test('a file owned by another user keeps its owner (root rewrites it in place)', { skip: process.getuid?.() !== 0 && 'needs root to own a file as another user' }, () => {
  const dir = writeTree({ 'app.js': FIXABLE, '.callstatslintrc.json': '{}' });
  const app = path.join(dir, 'app.js');
  fs.chownSync(app, 65534, 65534);
  assert.equal(cli(dir, ['--fix', 'app.js']).code, 0);
  assert.equal(fs.readFileSync(app, 'utf8'), FIXED);
  assert.deepEqual([fs.statSync(app).uid, fs.statSync(app).gid], [65534, 65534]);
});

test('a read-only file (0444) is not rewritten, even by root: it is reported and keeps its bytes', () => {
  const dir = writeTree({ 'app.js': FIXABLE, 'ok.js': FIXABLE, '.callstatslintrc.json': '{}' });
  const app = path.join(dir, 'app.js');
  fs.chmodSync(app, 0o444);
  const before = identity(app);
  const run = cli(dir, ['--fix', '-f', 'json', '.']);
  assert.equal(run.code, 1);
  assert.deepEqual(jsonReport(dir, run.stdout), { 'app.js': [READ_ONLY, '2:32 id-unicode'], 'ok.js': [] });
  assert.equal(identity(app), before);
  assert.equal(fs.statSync(app).mode & 0o777, 0o444);
});
