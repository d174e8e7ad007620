// The VS Code extension: starts the language server over IPC, shows its state in a language status item, offers
// the "lint workspace" task (the command line with the $callstats-lint problem matcher) and the commands to
// restart the server and show its output.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LINT_WORKSPACE_COMMAND, SETTINGS_SECTION, STATUS_NOTIFICATION, type AnalysisStatus } from '../../server/src/lsp/protocol.js';
import { findCli } from './cli-path.js';
import { PROBLEM_MATCHER, RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND, TASK_NAME, TASK_TYPE } from './contributions.js';

// Pages and components too: their <script> blocks are linted (VS Code itself knows html; vue and svelte come with their extensions).
const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'html', 'vue', 'svelte'];
const SELECTOR = LANGUAGES.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

let client: LanguageClient | undefined;

interface LintTaskDefinition extends vscode.TaskDefinition {
  /** Paths or globs to lint, relative to the folder (default: the whole folder). */
  paths?: string[];
  /** More command-line options, such as `--max-warnings 0` (not `--format`: the problem matcher reads the compact format). */
  args?: string[];
}

/**
 * The task for one workspace folder: the command line run with the extension host's own Node.js
 * (ELECTRON_RUN_AS_NODE makes VS Code's executable behave as Node.js), in the folder.
 */
function lintTask(folder: vscode.WorkspaceFolder, definition: LintTaskDefinition, bundled: string): vscode.Task {
  const cli = findCli(folder.uri.fsPath, bundled);
  const args = [cli.script, '--format', 'compact', ...(definition.args ?? []), ...(definition.paths?.length ? definition.paths : ['.'])];
  const execution = new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task(definition, folder, TASK_NAME, 'callstats-lint', execution, [PROBLEM_MATCHER]);
  task.group = vscode.TaskGroup.Build;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent };
  return task;
}

function registerTasks(context: vscode.ExtensionContext): void {
  const bundled = context.asAbsolutePath(path.join('dist', 'cli.js'));
  const provider: vscode.TaskProvider = {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => lintTask(folder, { type: TASK_TYPE }, bundled)),
    // A task from tasks.json: its folder, or the first one for a workspace-wide task.
    resolveTask: (task) => {
      const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
      if (task.definition.type !== TASK_TYPE || !folder) return undefined;
      return lintTask(folder, task.definition as LintTaskDefinition, bundled);
    },
  };
  context.subscriptions.push(vscode.tasks.registerTaskProvider(TASK_TYPE, provider));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    // The client pulls on open only unless told otherwise; the server decides what onSave means.
    diagnosticPullOptions: { onChange: true, onSave: true },
    // Tells the server when settings change; it then reads them per resource itself.
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  client = new LanguageClient('callstats-lint', 'Callstats Lint', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('callstats-lint.status', SELECTOR);
  status.name = 'Callstats Lint';
  status.text = 'callstats-lint: starting';
  // The server's command is registered by the language client; the item offers it.
  status.command = { title: 'Lint Workspace', command: LINT_WORKSPACE_COMMAND };
  context.subscriptions.push(status);

  client.onDidChangeState(({ newState }) => {
    if (newState === State.Stopped) {
      status.text = 'callstats-lint: stopped';
      status.severity = vscode.LanguageStatusSeverity.Error;
    } else if (newState === State.Starting) {
      status.text = 'callstats-lint: starting';
      status.severity = vscode.LanguageStatusSeverity.Information;
    } else if (newState === State.Running) {
      status.text = 'callstats-lint: ready';
    }
  });
  client.onNotification(STATUS_NOTIFICATION, (analysis: AnalysisStatus) => showStatus(status, analysis));

  registerTasks(context);
  // Resolves once the new server runs; its diagnostics then come as they did from the first.
  context.subscriptions.push(vscode.commands.registerCommand(RESTART_SERVER_COMMAND, () => client?.restart()));
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => client?.outputChannel.show(true)));

  await client.start();
}

function showStatus(item: vscode.LanguageStatusItem, analysis: AnalysisStatus): void {
  const when = new Date(analysis.finishedAt).toLocaleTimeString();
  const files = `${analysis.files} file${analysis.files === 1 ? '' : 's'}`;
  if (analysis.state === 'ok') {
    item.text = '$(check) callstats-lint';
    item.severity = vscode.LanguageStatusSeverity.Information;
  } else {
    item.text = analysis.state === 'configError' ? '$(error) callstats-lint: configuration error' : '$(error) callstats-lint: failed';
    item.severity = vscode.LanguageStatusSeverity.Error;
  }
  item.detail = `Last analysis ${when}: ${files} in ${analysis.durationMs} ms${analysis.detail ? ` (${analysis.detail})` : ''}`;
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
