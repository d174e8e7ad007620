// The language server: LSP wiring only (capabilities, handlers); analysis is the engine's, the details are in lsp/.
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  type CodeAction,
  ExecuteCommandRequest,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type ClientCapabilities,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, ConfigResolver } from './engine/config.js';
import { LintCache, defaultCacheDirectory } from './engine/cache.js';
import { Linter } from './engine/linter.js';
import { Analyzer } from './lsp/analyzer.js';
import type { Rule } from './engine/rule.js';
import { RULES } from './rules/index.js';
import { fixAll, quickFixes, wants, type EditContext } from './lsp/codeActions.js';
import { Diagnoser, cancelled } from './lsp/diagnoser.js';
import { checkParams } from './lsp/params.js';
import { DocumentPaths, isInside, uriToFile } from './lsp/paths.js';
import { FIX_ALL_KIND, LINT_WORKSPACE_COMMAND } from './lsp/protocol.js';
import { SettingsStore } from './lsp/settings.js';
import { ProjectFiles } from './lsp/project-files.js';
import { stdioTransport } from './lsp/transport.js';
import { applyWatchedFiles } from './lsp/watchedFiles.js';
import { lintWorkspace } from './lsp/workspaceLint.js';

/**
 * Starts the server on the transport the command line names, with these rules (the built-in ones
 * unless told: a test passes its own, as a custom rule is passed to the Linter).
 */
export function startServer(rules: readonly Rule[] = RULES): void {
  // --stdio gets the transport that survives malformed input (lsp/transport.ts); for --node-ipc (the
  // VS Code client) and --socket=N the library picks the transport from argv.
  const stdio = process.argv.includes('--stdio') ? stdioTransport() : undefined;
  const connection = stdio ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer) : createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const linter = new Linter({ rules });
  const project = new ProjectFiles(linter, (folder, truncated, early) => {
    if (truncated) {
      const message = `callstats-lint: ${folder} holds more files than an app; its files are checked with the modules they import, not with the whole folder`;
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
    }
    diagnoser.workspaceScanned = false;
    // Files analysed before the folder's files were known are analysed again with all of them.
    if (early) void diagnoser.rediagnoseAll();
  }, () => {
    // The configuration's `ignores`, read afresh for each discovery; a broken configuration ignores nothing (its error shows on the files).
    const resolver = new ConfigResolver({ ruleIds: linter.ruleIds });
    return (folder) => {
      try {
        return resolver.ignoresFor(folder);
      } catch {
        return undefined;
      }
    };
  });

  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  const paths = new DocumentPaths(() => folders[0] ?? process.cwd());
  const settings = new SettingsStore(connection, () => capabilities.workspace?.configuration === true, linter.ruleIds);
  const shownConfigErrors = new Set<string>();
  const analyzer = new Analyzer(linter, settings, paths, (error) => {
    // Once per distinct error: every file of the folder hits the same broken configuration.
    if (shownConfigErrors.has(error.message)) return;
    shownConfigErrors.add(error.message);
    // A notification, not showMessageRequest: nothing to answer, and the analysis need not wait.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `callstats-lint: ${error.message}` });
  }, firstLintCache, (file) => documents.get(paths.toUri(file)), (file) => project.ready(file));
  let diagnoser: Diagnoser;

  /**
   * The first analysis in a workspace folder uses the folder's cache (node_modules/.cache/callstats-lint,
   * shared with the CLI's format), so a project opened before shows diagnostics without a full analysis.
   * Later analyses follow the buffers as they are typed and keep everything in memory instead.
   */
  const cachedFolders = new Set<string>();
  function firstLintCache(file: string): LintCache | undefined {
    const folder = project.folderOf(file);
    if (!folder || cachedFolders.has(folder)) return undefined;
    cachedFolders.add(folder);
    const directory = defaultCacheDirectory(folder);
    return directory ? new LintCache(directory) : undefined;
  }

  const editContext: EditContext = {
    openDocument: (file) => documents.get(paths.toUri(file)),
    toUri: (file) => paths.toUri(file),
  };

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    // A folder no local path stands for (another scheme, `file://host/share`) is not analysed.
    folders = uris.flatMap((uri) => uriToFile(uri) ?? []);
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    diagnoser = new Diagnoser(connection, documents, linter, analyzer, paths, pull, capabilities.workspace?.diagnostics?.refreshSupport === true);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(pull ? { diagnosticProvider: { identifier: 'callstats-lint', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [LINT_WORKSPACE_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'callstats-lint' },
    };
  });

  connection.onInitialized(() => {
    project.setFolders(folders);
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: `**/${CONFIG_FILE}` },
          { globPattern: '**/package.json' },
          { globPattern: '**/.gitignore' },
          { globPattern: '**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts,html,htm,vue,svelte}' },
        ],
      });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.flatMap((f) => uriToFile(f.uri) ?? []));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.flatMap((f) => uriToFile(f.uri) ?? [])];
        project.setFolders(folders);
        diagnoser.workspaceScanned = false;
        void diagnoser.rediagnoseAll();
      });
    }
  });

  documents.onDidOpen((e) => diagnoser.opened(e.document));
  documents.onDidChangeContent((e) => diagnoser.changed(e.document));
  documents.onDidSave((e) => diagnoser.saved(e.document));
  documents.onDidClose((e) => diagnoser.closed(e.document));

  connection.onDidChangeConfiguration((change) => {
    settings.reset(change.settings);
    void diagnoser.rediagnoseAll();
  });

  connection.onDidChangeWatchedFiles(({ changes }) =>
    applyWatchedFiles(changes, {
      connection,
      documents,
      linter,
      project,
      analyzer,
      diagnoser,
      settings,
      configChanged() {
        settings.forgetConfigFiles();
        shownConfigErrors.clear();
        void diagnoser.rediagnoseAll();
      },
    }),
  );

  connection.languages.diagnostics.on((params, token) => {
    checkParams('textDocument/diagnostic', params);
    return diagnoser.documentReport(params, token);
  });
  connection.languages.diagnostics.onWorkspace((params, token) =>
    diagnoser.workspaceReport(params, token, async () => (await project.allFiles()).files),
  );

  /** The analysis of an open document for its current text (code actions must not use stale offsets). */
  async function currentAnalysis(uri: string) {
    const doc = documents.get(uri);
    const file = doc && diagnoser.target(doc)?.file;
    if (!doc || !file) return undefined;
    const last = analyzer.get(file);
    // Fixes are taken from a fresh analysis, never from the cache.
    if (last && last.version === doc.version && !analyzer.isStale(file) && !last.fromCache) return { doc, analysis: last };
    const fileSettings = await analyzer.settingsFor(file);
    // The target is taken after the wait: the analysis must carry the version of the text it reads.
    const target = documents.get(uri) === doc ? diagnoser.target(doc) : undefined;
    return target && { doc, analysis: analyzer.analyse(target, fileSettings) };
  }

  connection.onCodeAction(async (params, token) => {
    checkParams('textDocument/codeAction', params, ['range', 'context']);
    const current = await currentAnalysis(params.textDocument.uri);
    if (token.isCancellationRequested) throw cancelled();
    if (!current) return [];
    const only = params.context.only;
    const actions = wants(only, CodeActionKind.QuickFix) ? quickFixes(current.analysis, current.doc, params.range, editContext) : [];
    let all: CodeAction | undefined;
    if (wants(only, FIX_ALL_KIND)) {
      const fileSettings = await analyzer.settingsFor(current.analysis.file);
      if (token.isCancellationRequested) throw cancelled();
      // The fix loop analyses the text it fixes, so it must be the one analysed: a newer edit gets no fix-all.
      if (documents.get(params.textDocument.uri)?.version === current.analysis.version) {
        all = fixAll(current.doc, analyzer.fixedText(current.analysis, current.doc.getText(), fileSettings));
      }
    }
    return all ? [...actions, all] : actions;
  });

  connection.onHover(async (params, token) => {
    checkParams('textDocument/hover', params, ['position']);
    const doc = documents.get(params.textDocument.uri);
    const target = doc && diagnoser.target(doc);
    if (!doc || !target) return null;
    const fileSettings = await analyzer.settingsFor(target.file);
    if (token.isCancellationRequested) throw cancelled();
    if (!fileSettings.enable || documents.get(params.textDocument.uri) !== doc) return null;
    try {
      // Nothing outside the workspace folders is read for a hover, so nothing of it is shown.
      const readable = (file: string) => isInside(file, folders.length ? folders : [path.dirname(target.file)]);
      const hover = linter.hover(target.file, doc.offsetAt(params.position), settings.configFor(fileSettings), readable);
      if (!hover) return null;
      return {
        contents: { kind: 'markdown', value: hover.markdown },
        range: { start: doc.positionAt(hover.start), end: doc.positionAt(hover.end) },
      };
    } catch {
      // A hover is a nicety; a broken configuration or engine error already shows as a diagnostic.
      return null;
    }
  });

  // Not onExecuteCommand: its progress helper removes workDoneToken from the params before the
  // handler can tell whether the client supplied one.
  connection.onRequest(ExecuteCommandRequest.type, async (params, token) => {
    if (params.command !== LINT_WORKSPACE_COMMAND) return null;
    // Without a client-supplied token, ask the client to create one so the user still sees progress.
    const progress =
      params.workDoneToken === undefined && capabilities.window?.workDoneProgress
        ? await connection.window.createWorkDoneProgress()
        : connection.window.attachWorkDoneProgress(params.workDoneToken);
    if (token.isCancellationRequested) throw cancelled();
    return lintWorkspace(connection, project, diagnoser, analyzer, token, progress);
  });

  documents.listen(connection);
  connection.listen();
}
