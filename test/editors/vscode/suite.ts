// Runs inside VS Code's extension host: the extension's diagnostics, quick fix, commands and task against what the CLI reports.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PROBLEM_MATCHER, RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND, TASK_NAME, TASK_TYPE } from '../../../client/src/contributions.js';

/** Written by vscode.test.ts from `callstats-lint -f json` (and -f sarif for the level) on the same folder. */
export interface Expected {
  files: {
    filePath: string;
    messages: {
      ruleId: string;
      level: 'error' | 'warning' | 'note';
      message: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      fix?: { range: [number, number]; text: string };
    }[];
  }[];
}

interface Shown {
  code: string;
  severity: string;
  range: [number, number, number, number];
  message: string;
}

const EXTENSION_ID = 'callstats-lint.callstats-lint';
const results: { name: string; error?: unknown }[] = [];

async function check(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
    results.push({ name });
    console.log(`PASS ${name}`);
  } catch (error) {
    results.push({ name, error });
    console.log(`FAIL ${name}\n${error instanceof Error ? error.stack : String(error)}`);
  }
}

/** Polls until `probe` returns something `accept`s, or returns the last value at the deadline. */
/**
 * VS Code cancels a pending code action request when the document's model changes under it; a CI run
 * on a busy machine once saw the request for a file just opened come back "Canceled". Asked again,
 * the provider answers.
 */
async function retryCanceled<T>(request: () => Thenable<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (attempt >= attempts || (error as Error)?.message !== 'Canceled') throw error;
    }
  }
}

async function poll<T>(probe: () => T, accept: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function shown(uri: vscode.Uri): Shown[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'callstats-lint')
    .map((d) => ({
      code: typeof d.code === 'object' ? String(d.code.value) : String(d.code),
      severity: vscode.DiagnosticSeverity[d.severity],
      range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] as Shown['range'],
      // The first line is the finding's message, as the CLI's JSON has it; the help follows on the next.
      message: d.message.split('\n')[0],
    }))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

/** What the task's problem matcher put in the Problems view for a file (its owner and source: callstats-lint-cli). */
function fromTask(uri: vscode.Uri): Shown[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'callstats-lint-cli')
    .map((d) => ({
      code: typeof d.code === 'object' ? String(d.code.value) : String(d.code),
      severity: vscode.DiagnosticSeverity[d.severity],
      range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] as Shown['range'],
      message: d.message,
    }))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

/** The compact format has no end position: the matcher's problem starts where the finding does. */
function expectedFromTask(messages: Expected['files'][number]['messages']): Shown[] {
  return expectedShown(messages).map((m) => ({ ...m, range: [m.range[0], m.range[1], m.range[0], m.range[1]] }));
}

function expectedShown(messages: Expected['files'][number]['messages']): Shown[] {
  return messages.map((m) => ({
    code: m.ruleId,
    severity: { error: 'Error', warning: 'Warning', note: 'Information' }[m.level],
    range: [m.line - 1, m.column - 1, m.endLine - 1, m.endColumn - 1],
    message: m.message,
  }));
}

export async function run(): Promise<void> {
  const expected = JSON.parse(fs.readFileSync(path.join(__dirname, 'expected.json'), 'utf8')) as Expected;
  const withFindings = expected.files.filter((f) => f.messages.length > 0);

  await check('the extension activates when a JavaScript or TypeScript file opens', async () => {
    await vscode.window.showTextDocument(vscode.Uri.file(withFindings[0].filePath));
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    assert.ok(await poll(() => extension.isActive, Boolean), 'active');
  });

  const matched = new Set<string>();
  for (const file of expected.files) {
    await check(`diagnostics of ${path.basename(file.filePath)} are the CLI's`, async () => {
      const uri = vscode.Uri.file(file.filePath);
      // Opened but not shown: its diagnostics must still arrive (through the workspace report).
      await vscode.workspace.openTextDocument(uri);
      const want = expectedShown(file.messages);
      const got = await poll(() => shown(uri), (d) => JSON.stringify(d) === JSON.stringify(want));
      assert.deepEqual(got, want);
      matched.add(file.filePath);
    });
  }

  // A file whose diagnostics matched, so this check is about the quick fix alone.
  const fileWithFix = withFindings.find((f) => matched.has(f.filePath) && f.messages.some((m) => m.fix));
  await check('the quick fix applies the same edit as the CLI --fix', async () => {
    assert.ok(fileWithFix, 'a finding with a safe fix in the workspace');
    const message = fileWithFix.messages.find((m) => m.fix)!;
    const fix = message.fix!;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(fileWithFix.filePath));
    await vscode.window.showTextDocument(document);
    const before = document.getText();
    const range = new vscode.Range(message.line - 1, message.column - 1, message.endLine - 1, message.endColumn - 1);
    const actions = await retryCanceled(() =>
      vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value),
    );
    const titles = actions.map((a) => a.title).join(', ');
    assert.ok(actions.some((a) => a.title === `Disable ${message.ruleId} for this line`), `a "disable" action; got ${titles}`);
    const matching = actions.find((a) => {
      const edits = a.edit?.get(document.uri) ?? [];
      return (
        edits.length === 1 &&
        document.offsetAt(edits[0].range.start) === fix.range[0] &&
        document.offsetAt(edits[0].range.end) === fix.range[1] &&
        edits[0].newText === fix.text
      );
    });
    assert.ok(matching, `an action with the CLI's fix; got ${titles}`);
    assert.ok(await vscode.workspace.applyEdit(matching.edit!));
    assert.equal(document.getText(), before.slice(0, fix.range[0]) + fix.text + before.slice(fix.range[1]));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(document.getText(), before);
  });

  await check('"Callstats Lint: Lint Workspace" lints every file', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('callstats-lint.lintWorkspace'), 'the command is registered');
    const result = await vscode.commands.executeCommand<{ files: number; findings: number }>('callstats-lint.lintWorkspace');
    assert.deepEqual(result, {
      files: expected.files.length,
      findings: expected.files.reduce((n, f) => n + f.messages.length, 0),
      problems: [],
    });
  });

  await check('the "lint workspace" task runs the CLI in the .vsix and its problems reach the Problems view', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: TASK_TYPE });
    const task = tasks.find((t) => t.name === TASK_NAME && t.source === 'callstats-lint');
    assert.ok(task, `the task is provided; got ${tasks.map((t) => `${t.source}: ${t.name}`).join(', ')}`);
    assert.deepEqual(task.problemMatchers, [PROBLEM_MATCHER]);
    const execution = task.execution as vscode.ProcessExecution;
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // The workspace has not installed callstats-lint, so the extension's own command line runs.
    assert.deepEqual(execution.args.slice(0, 4), [path.join(extension.extensionPath, 'dist', 'cli.js'), '--format', 'compact', '.']);
    const ended = new Promise<number | undefined>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the task did not end within 60 s')), 60_000);
      const listener = vscode.tasks.onDidEndTaskProcess((event) => {
        if (event.execution.task.definition.type !== TASK_TYPE) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(event.exitCode);
      });
    });
    await vscode.tasks.executeTask(task);
    assert.equal(await ended, 1, 'the exit code of a run with errors');
    for (const file of expected.files) {
      const uri = vscode.Uri.file(file.filePath);
      const want = expectedFromTask(file.messages);
      const got = await poll(() => fromTask(uri), (d) => JSON.stringify(d) === JSON.stringify(want));
      assert.deepEqual(got, want, path.basename(file.filePath));
    }
  });

  await check('a callstats-lint task in tasks.json runs with its paths and args', async () => {
    // src/kiosk.js has one warning and no error: only --max-warnings 0 makes the run exit with 1.
    const label = 'callstats-lint: kiosk, no warnings';
    const tasks = await vscode.tasks.fetchTasks({ type: TASK_TYPE });
    const task = tasks.find((t) => t.name === label);
    assert.ok(task, `the configured task is listed; got ${tasks.map((t) => t.name).join(', ')}`);
    assert.deepEqual([task.definition.paths, task.definition.args], [['src/kiosk.js'], ['--max-warnings', '0']]);
    const ended = new Promise<number | undefined>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the task did not end within 60 s')), 60_000);
      const listener = vscode.tasks.onDidEndTaskProcess((event) => {
        if (event.execution.task.name !== label) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(event.exitCode);
      });
    });
    await vscode.tasks.executeTask(task);
    assert.equal(await ended, 1);
    // A run replaces the matcher's problems: now only those of src/kiosk.js remain.
    const kiosk = expected.files.find((f) => f.filePath.endsWith(`${path.sep}src${path.sep}kiosk.js`))!;
    const want = [[kiosk.filePath, expectedFromTask(kiosk.messages)]];
    const withProblems = () =>
      vscode.languages
        .getDiagnostics()
        .filter(([, diagnostics]) => diagnostics.some((d) => d.source === 'callstats-lint-cli'))
        .map(([uri]) => [uri.fsPath, fromTask(uri)]);
    assert.deepEqual(await poll(withProblems, (got) => JSON.stringify(got) === JSON.stringify(want)), want);
  });

  await check('"Callstats Lint: Show Output" shows the server\'s output channel', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(SHOW_OUTPUT_COMMAND), 'the command is registered');
    // VS Code opens an output channel as a document (scheme output) once the Output view shows it.
    const channel = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'output' && d.uri.path.includes('Callstats Lint')).map((d) => d.uri.path);
    assert.deepEqual(channel(), [], 'not shown before');
    await vscode.commands.executeCommand(SHOW_OUTPUT_COMMAND);
    const shownChannel = await poll(channel, (paths) => paths.length > 0);
    assert.equal(shownChannel.length, 1, `the channel is shown; output documents: ${shownChannel.join(', ')}`);
  });

  await check('"Callstats Lint: Restart Server" restarts the server: its diagnostics go, then come back', async () => {
    const file = withFindings[0];
    const uri = vscode.Uri.file(file.filePath);
    await vscode.window.showTextDocument(uri);
    const want = expectedShown(file.messages);
    assert.deepEqual(await poll(() => shown(uri), (d) => JSON.stringify(d) === JSON.stringify(want)), want, 'before the restart');
    const counts: number[] = [];
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) counts.push(shown(uri).length);
    });
    try {
      await vscode.commands.executeCommand(RESTART_SERVER_COMMAND);
      const got = await poll(() => shown(uri), (d) => counts.includes(0) && JSON.stringify(d) === JSON.stringify(want));
      assert.ok(counts.includes(0), `the old server's diagnostics were cleared; counts seen: ${counts.join(', ')}`);
      assert.deepEqual(got, want, 'the new server reports them again');
    } finally {
      listener.dispose();
    }
  });

  const failed = results.filter((r) => r.error !== undefined).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${results.length} VS Code checks failed`);
}
