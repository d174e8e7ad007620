// The VS Code extension: starts the language server over IPC, shows its state in a language status item.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LINT_WORKSPACE_COMMAND, SETTINGS_SECTION, STATUS_NOTIFICATION, type AnalysisStatus } from '../../server/src/lsp/protocol.js';

// Pages and components too: their <script> blocks are linted (VS Code itself knows html; vue and svelte come with their extensions).
const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'html', 'vue', 'svelte'];
const SELECTOR = LANGUAGES.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

let client: LanguageClient | undefined;

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
    }
  });
  client.onNotification(STATUS_NOTIFICATION, (analysis: AnalysisStatus) => showStatus(status, analysis));

  await client.start();
  status.text = 'callstats-lint: ready';
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
