// Real VS Code (code-server + headless Chromium) runs test/editors/vscode/suite.ts against a copy of examples/.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';
import { ROOT, tempFolder } from '../lsp/client.js';
import type { Expected } from './vscode/suite.js';
import { copyFolder, paths, requireTools, runCommand } from './tools.js';

/** The extension to load: the unpacked .vsix that CALLSTATS_LINT_VSIX names, or one packaged now (`npm test` packages it first). */
function extensionPath(): string {
  let vsix = process.env.CALLSTATS_LINT_VSIX;
  if (!vsix) {
    vsix = path.join(tempFolder('callstats-vsix-file-'), 'callstats-lint.vsix');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const dir = tempFolder('callstats-vsix-');
  // A .vsix is a zip with the extension under extension/; python3's zipfile is on every machine here.
  execFileSync('python3', ['-m', 'zipfile', '-e', path.resolve(ROOT, vsix), dir]);
  return path.join(dir, 'extension');
}

test('VS Code: diagnostics, quick fix, Lint Workspace, the lint workspace task, Restart Server and Show Output in code-server', { timeout: 300_000 }, async (t) => {
  requireTools('node24', 'codeServer', 'playwright', 'chromium');
  const examples = path.join(ROOT, 'examples');
  const folder = copyFolder(fs.existsSync(path.join(examples, 'src')) ? examples : path.join(ROOT, 'test', 'editors', 'fixtures'), 'callstats-vscode-ws-');

  // The expectation is the CLI's answer for the same folder: the editor must say the same.
  const cliRun = (format: string) =>
    runCommand(process.execPath, [path.join(ROOT, 'bin', 'callstats-lint.js'), '-f', format, '.'], { cwd: folder, timeoutMs: 60_000 });
  const expected: Expected = { files: JSON.parse((await cliRun('json')).output) };
  // The JSON format (ESLint's) folds info into warnings; SARIF keeps the level apart.
  const sarif = JSON.parse((await cliRun('sarif')).output);
  const levels = new Map<string, string>();
  for (const result of sarif.runs[0].results) {
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    levels.set(`${path.resolve(folder, artifactLocation.uri)}:${region.startLine}:${region.startColumn}:${result.ruleId}`, result.level);
  }
  for (const file of expected.files) {
    for (const m of file.messages) m.level = levels.get(`${file.filePath}:${m.line}:${m.column}:${m.ruleId}`) as typeof m.level;
  }
  assert.ok(expected.files.some((f) => f.messages.length), 'the workspace has findings to check');
  // A task of type callstats-lint configured as docs/editors.md shows it (the suite runs it by this label).
  const configured = { type: 'callstats-lint', label: 'callstats-lint: kiosk, no warnings', paths: ['src/kiosk.js'], args: ['--max-warnings', '0'], problemMatcher: ['$callstats-lint'] };
  fs.mkdirSync(path.join(folder, '.vscode'));
  fs.writeFileSync(path.join(folder, '.vscode', 'tasks.json'), JSON.stringify({ version: '2.0.0', tasks: [configured] }, null, 2));

  // In the temp folder (kept on failure for its log), not out/: a concurrent `npm test` in the same checkout starts by emptying out/.
  const suiteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'callstats-vscode-suite-'));
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test', 'editors', 'vscode', 'suite.ts')],
    outfile: path.join(suiteDir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(suiteDir, 'expected.json'), JSON.stringify(expected));

  const run = await runCommand(
    process.execPath,
    [path.join(ROOT, 'test', 'editors', 'vscode', 'run-in-code-server.js'), extensionPath(), path.join(suiteDir, 'index.js'), folder],
    {
      env: { ...process.env, CODE_SERVER_NODE: paths.node24, CODE_SERVER_ENTRY: paths.codeServer, PLAYWRIGHT_CORE: paths.playwright, TEST_TIMEOUT_MS: '240000' },
      timeoutMs: 280_000,
    },
  );
  const log = path.join(suiteDir, 'vscode-run.log');
  fs.writeFileSync(log, run.output);
  const lines = run.output.split('\n').filter((l) => /\[ext-host \w+\] (PASS|FAIL|\d+ passed)|runner:/.test(l));
  t.diagnostic(`code-server run took ${run.ms} ms; full output in ${log}`);
  for (const line of lines) t.diagnostic(line);
  const summary = /(\d+) passed, (\d+) failed/.exec(run.output);
  assert.ok(summary, `the suite reported no result:\n${run.output.slice(-4000)}`);
  assert.equal(Number(summary[2]), 0, `failed checks (details in ${log}):\n${lines.join('\n')}`);
  assert.equal(Number(summary[1]), expected.files.length + 7);
  assert.equal(run.code, 0, run.output.slice(-4000));
  // Kept when anything failed: the log is in it.
  fs.rmSync(suiteDir, { recursive: true, force: true });
});
