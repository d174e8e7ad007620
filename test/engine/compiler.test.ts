// The compiler's V8 code cache, seen from real processes: written after a run that parsed, used by the next, damage ignored.
import { RULES } from '../../server/src/rules/index.js';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { codeCacheState, setCodeCacheDirectory, type CodeCacheState } from '../../server/src/engine/code-cache.js';
import { defaultConfig } from '../../server/src/engine/config.js';
import { Linter } from '../../server/src/engine/linter.js';

/** Set in the child processes this file starts of itself: the cache folder ('' for none) and what to do. */
const CHILD_DIR = 'CALLSTATS_LINT_TEST_CODE_CACHE_DIR';
const CHILD_TASK = 'CALLSTATS_LINT_TEST_CODE_CACHE_TASK';

interface ChildReport {
  /** Before anything loaded the compiler. */
  before: CodeCacheState;
  /** Once the compiler had loaded (or the lint had run). */
  loaded: CodeCacheState;
  /** At exit, after the cache was written when it had to be. */
  atExit: CodeCacheState;
  /** What the compiler made of `callstats.initialize(...)`, proving it works whatever the cache held. */
  parsed?: string;
}

/** The child's side: parses with the compiler (or lints a file, for `lint:<file>`), and reports what the cache did. */
function child(dir: string, task: string): void {
  const report: Partial<ChildReport> = { before: codeCacheState() };
  setCodeCacheDirectory(dir || undefined);
  if (task.startsWith('lint:')) {
    new Linter({ rules: RULES }).lint({ files: [task.slice('lint:'.length)], configFor: defaultConfig });
  } else {
    // The compiler loads on first use of `ts`, after the folder is set (compiler.ts is CommonJS: its export is a getter).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ts } = require('../../server/src/engine/compiler.js') as { ts: typeof import('ts-morph').ts };
    const sourceFile = ts.createSourceFile('app.ts', 'callstats.initialize(appId, secret, localUserId);', ts.ScriptTarget.Latest, true);
    const [statement] = sourceFile.statements;
    const call = ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression) ? statement.expression : undefined;
    report.parsed = call ? `${call.expression.getText(sourceFile)}/${call.arguments.length}` : ts.SyntaxKind[statement.kind];
  }
  report.loaded = codeCacheState();
  // Registered after the compiler's own exit handler, so this one sees whether the cache got written.
  process.on('exit', () => process.stdout.write(JSON.stringify({ ...report, atExit: codeCacheState() })));
}

const childDir = process.env[CHILD_DIR];
if (childDir !== undefined) {
  child(childDir, process.env[CHILD_TASK] ?? 'parse');
} else {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'callstats-compiler-'));
  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  /** Runs this file as a child process with the given cache folder ('' for none). */
  const run = (dir: string, options: { task?: string; execArgv?: string[]; cwd?: string } = {}): ChildReport => {
    const env: NodeJS.ProcessEnv = { ...process.env, [CHILD_DIR]: dir, [CHILD_TASK]: options.task ?? 'parse' };
    delete env.NODE_TEST_CONTEXT; // the child is a plain script, not a test file of this run
    delete env.NODE_OPTIONS;
    const result = spawnSync(process.execPath, [...(options.execArgv ?? []), __filename], { env, cwd: options.cwd ?? temp, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as ChildReport;
  };
  /** The folder's files, cache files and anything left behind (temporary files) alike. */
  const listing = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
  const only = (dir: string): string => {
    const files = listing(dir);
    assert.equal(files.length, 1, `one cache file, got ${files.join(', ')}`);
    assert.match(files[0], new RegExp(`^typescript-${process.version.replace(/\./g, '\\.')}-${process.arch}-[0-9a-f]{16}\\.v8cache$`));
    return path.join(dir, files[0]);
  };
  const PARSED = 'callstats.initialize/3';
  let serial = 0;
  const freshDir = () => path.join(temp, `project-${++serial}`, 'node_modules', '.cache', 'callstats-lint');

  test('writing a cache keeps the 4 most recent of the folder: those of Node versions and flags gone by are dropped', () => {
    const dir = freshDir();
    fs.mkdirSync(dir, { recursive: true });
    const old = ['a', 'b', 'c', 'd', 'e'].map((tag, i) => {
      const file = path.join(dir, `typescript-v0.0.${i}-x64-${tag.repeat(16)}.v8cache`);
      fs.writeFileSync(file, 'an old cache');
      fs.utimesSync(file, new Date(2020, 0, i + 1), new Date(2020, 0, i + 1));
      return path.basename(file);
    });
    fs.writeFileSync(path.join(dir, 'facts.json'), '{}');
    assert.equal(run(dir).atExit, 'written');
    const kept = listing(dir);
    assert.equal(kept.length, 5);
    assert.deepEqual(kept.filter((f) => old.includes(f)), old.slice(2));
    assert.ok(kept.includes('facts.json'));
  });

  test('a run that parses writes the cache at exit, into a folder it creates; the next run uses it and leaves it alone', () => {
    const dir = freshDir();
    assert.deepEqual(run(dir), { before: 'unloaded', loaded: 'missing', parsed: PARSED, atExit: 'written' });
    const file = only(dir);
    const written = fs.readFileSync(file);
    assert.ok(written.length > 100_000, `a cache of the parser's code, got ${written.length} bytes`);
    assert.deepEqual(run(dir), { before: 'unloaded', loaded: 'used', parsed: PARSED, atExit: 'used' });
    assert.deepEqual(fs.readFileSync(only(dir)), written);
  });

  for (const [damage, spoil] of [
    ['truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['garbage in the middle', (bytes: Buffer) => Buffer.concat([bytes.subarray(0, 4096), Buffer.alloc(8192, 0xa5), bytes.subarray(4096 + 8192)])],
    ['empty', () => Buffer.alloc(0)],
    ['not a cache at all', () => Buffer.from('{"hello": "world"}\n')],
  ] as const) {
    test(`a damaged cache (${damage}) is ignored: the run parses correctly and rewrites it`, () => {
      const dir = freshDir();
      run(dir);
      const file = only(dir);
      const good = fs.readFileSync(file);
      fs.writeFileSync(file, spoil(good));
      assert.deepEqual(run(dir), { before: 'unloaded', loaded: 'rejected', parsed: PARSED, atExit: 'written' });
      assert.ok(fs.readFileSync(only(dir)).length > 100_000);
      assert.equal(run(dir).loaded, 'used');
    });
  }

  test('each set of V8 flags has its own cache; one that V8 refuses (made under other flags) is replaced by one it takes', () => {
    const dir = freshDir();
    run(dir);
    const plain = only(dir);
    const made = fs.readFileSync(plain);
    assert.deepEqual(run(dir, { execArgv: ['--no-opt'] }), { before: 'unloaded', loaded: 'missing', parsed: PARSED, atExit: 'written' });
    const [other] = listing(dir).filter((name) => path.join(dir, name) !== plain);
    assert.ok(other, 'a second cache file, for --no-opt');
    fs.copyFileSync(plain, path.join(dir, other));
    assert.deepEqual(run(dir, { execArgv: ['--no-opt'] }), { before: 'unloaded', loaded: 'rejected', parsed: PARSED, atExit: 'written' });
    assert.equal(run(dir, { execArgv: ['--no-opt'] }).loaded, 'used');
    assert.equal(run(dir).loaded, 'used');
    assert.deepEqual(fs.readFileSync(plain), made);
  });

  test('without a folder nothing is read or written', () => {
    const cwd = path.join(temp, `project-${++serial}`);
    fs.mkdirSync(cwd);
    assert.deepEqual(run('', { cwd }), { before: 'unloaded', loaded: 'off', parsed: PARSED, atExit: 'off' });
    assert.deepEqual(listing(cwd), []);
  });

  test('a folder that cannot be made (a file stands in its way) costs nothing: the run succeeds without a cache', () => {
    const blocker = path.join(temp, `blocker-${++serial}`);
    fs.writeFileSync(blocker, 'not a folder');
    assert.deepEqual(run(path.join(blocker, 'cache')), { before: 'unloaded', loaded: 'missing', parsed: PARSED, atExit: 'missing' });
    assert.equal(fs.readFileSync(blocker, 'utf8'), 'not a folder');
  });

  test('a lint of files that never mention the SDK does not load the compiler; one that does, does', () => {
    const dir = freshDir();
    const project = path.resolve(dir, '..', '..', '..');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'plain.js'), 'export const answer = 42;\n');
    fs.writeFileSync(path.join(project, 'app.js'), "const cs = new callstats();\ncs.initialize('app', 'secret', '');\n");
    assert.deepEqual(run(dir, { task: `lint:${path.join(project, 'plain.js')}` }), { before: 'unloaded', loaded: 'unloaded', atExit: 'unloaded' });
    assert.deepEqual(listing(dir), []);
    assert.deepEqual(run(dir, { task: `lint:${path.join(project, 'app.js')}` }), { before: 'unloaded', loaded: 'missing', atExit: 'written' });
    only(dir);
  });
}
