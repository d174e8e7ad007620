// The compiler loads only when a file needs parsing, seen from real processes: a lint of files that never touch the SDK never loads it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { defaultConfig } from '../../server/src/engine/config.js';
import { Linter } from '../../server/src/engine/linter.js';
import { RULES } from '../../server/src/rules/index.js';

/** Set in the child processes this file starts of itself: the file to lint. */
const CHILD_FILE = 'CALLSTATS_LINT_TEST_COMPILER_LINT';
/** Whether TypeScript's compiler file is loaded in this process. */
const compilerLoaded = () => Object.keys(require.cache).some((file) => file.endsWith(`${path.sep}typescript.js`));

const childFile = process.env[CHILD_FILE];
if (childFile !== undefined) {
  const before = compilerLoaded();
  const [report] = new Linter({ rules: RULES }).lint({ files: [childFile], configFor: defaultConfig });
  process.stdout.write(JSON.stringify({ before, after: compilerLoaded(), findings: report.findings.map((f) => f.ruleId) }));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callstats-compiler-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const lintInChild = (file: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env, [CHILD_FILE]: file };
    delete env.NODE_TEST_CONTEXT; // the child is a plain script, not a test file of this run
    const result = spawnSync(process.execPath, [__filename], { env, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as { before: boolean; after: boolean; findings: string[] };
  };

  test('a lint of files that never mention the SDK does not load the compiler; one that does, does', () => {
    fs.writeFileSync(path.join(dir, 'plain.js'), 'export const answer = 42;\n');
    fs.writeFileSync(path.join(dir, 'app.js'), "const cs = new callstats();\ncs.initialize('app', 'secret', '');\n");
    assert.deepEqual(lintInChild(path.join(dir, 'plain.js')), { before: false, after: false, findings: [] });
    assert.deepEqual(lintInChild(path.join(dir, 'app.js')), { before: false, after: true, findings: ['id-empty'] });
  });
}
