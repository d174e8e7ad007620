// When to analyse what, and how results reach the client: pushed (publishDiagnostics) or pulled (textDocument/diagnostic).
import * as fs from 'node:fs';
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type TextDocuments,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isLintableFile } from '../engine/files.js';
import type { Linter } from '../engine/linter.js';
import { statusOf, type FileAnalysis, type Analyzer, type Target } from './analyzer.js';
import type { DocumentPaths } from './paths.js';
import { STATUS_NOTIFICATION } from './protocol.js';

/** How long typing must pause before a pushed re-analysis; pulls are paced by the client itself. */
const TYPING_PAUSE_MS = 150;

function report(analysis: FileAnalysis, previousResultId: string | undefined): DocumentDiagnosticReport {
  if (analysis.resultId === previousResultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: analysis.resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId: analysis.resultId, items: analysis.diagnostics };
}

function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

export class Diagnoser {
  /** Document versions the user saved (or opened): what `run: onSave` analyses. */
  private readonly savedVersions = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped per document on every change, so a push run for an older text stops publishing. */
  private readonly generations = new Map<string, number>();
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Whether the workspace's files were discovered (by Lint Workspace or the first workspace pull). */
  workspaceScanned = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly linter: Linter,
    private readonly analyzer: Analyzer,
    private readonly paths: DocumentPaths,
    readonly pull: boolean,
    private readonly canRefresh: boolean,
  ) {}

  target(doc: TextDocument): Target | undefined {
    const file = this.paths.toFile(doc.uri, doc.languageId);
    return file ? { file, version: doc.version } : undefined;
  }

  /** The open document's target for a file, or the file on disk. */
  targetOfFile(file: string): Target {
    const doc = this.documents.get(this.paths.toUri(file));
    return { file, version: doc ? doc.version : null };
  }

  /** Opening counts as saving: `run: onSave` analyses the text as it was opened. */
  opened(doc: TextDocument): void {
    this.savedVersions.set(doc.uri, doc.version);
  }

  saved(doc: TextDocument): void {
    this.savedVersions.set(doc.uri, doc.version);
    if (!this.pull) this.schedule(doc, 0);
  }

  /** A buffer's text changed, or was opened (TextDocuments reports both). */
  changed(doc: TextDocument): void {
    const target = this.target(doc);
    if (!target) return;
    this.linter.setOverlay(target.file, doc.getText());
    this.generations.set(doc.uri, (this.generations.get(doc.uri) ?? 0) + 1);
    if (this.pull) {
      // The client pulls this document itself; the files importing it need a refresh.
      const dependents = this.linter.dependentsOf(target.file);
      for (const file of dependents) this.analyzer.markStale(file);
      if (dependents.length) this.requestRefresh();
      return;
    }
    this.schedule(doc, this.savedVersions.get(doc.uri) === doc.version ? 0 : TYPING_PAUSE_MS);
  }

  private schedule(doc: TextDocument, delay: number): void {
    clearTimeout(this.timers.get(doc.uri));
    this.timers.set(doc.uri, setTimeout(() => void this.pushDocument(doc.uri), delay));
  }

  closed(doc: TextDocument): void {
    const target = this.target(doc);
    clearTimeout(this.timers.get(doc.uri));
    this.timers.delete(doc.uri);
    this.savedVersions.delete(doc.uri);
    this.generations.delete(doc.uri);
    const untitled = target !== undefined && this.paths.isUntitled(target.file);
    this.paths.forget(doc.uri);
    if (!target) return;
    if (untitled) {
      // No file stands behind it: nothing of it is kept, and files that imported it are analysed without it.
      const dependents = this.linter.dependentsOf(target.file);
      this.linter.forget([target.file]);
      this.analyzer.forget(target.file);
      if (!this.pull) void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      void this.rediagnose(dependents);
      return;
    }
    this.linter.setOverlay(target.file, undefined);
    if (this.pull) {
      this.analyzer.markStale(target.file);
      this.requestRefresh();
      return;
    }
    this.analyzer.forget(target.file);
    void this.connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    void this.rediagnose(this.linter.dependentsOf(target.file));
  }

  private async pushDocument(uri: string): Promise<void> {
    this.timers.delete(uri);
    const doc = this.documents.get(uri);
    const file = doc && this.target(doc)?.file;
    if (!doc || !file) return;
    const settings = await this.analyzer.settingsFor(file);
    // Taken after the wait, like the generation: the analysis must carry the version it reads.
    const target = this.documents.get(uri) === doc ? this.target(doc) : undefined;
    if (!target) return;
    if (settings.run === 'onSave' && doc.version !== this.savedVersions.get(uri)) return;
    const generation = this.generations.get(uri);
    const startedAt = Date.now();
    const analyses = [this.analyzer.analyse(target, settings)];
    this.publish(analyses[0]);
    const dependents = this.linter.dependentsOf(target.file).filter((f) => this.worthUpdating(f));
    const more = await this.analyzer.analyseMany(
      dependents.map((f) => this.targetOfFile(f)),
      () => this.generations.get(uri) !== generation,
    );
    for (const analysis of more ?? []) this.publish(analysis);
    this.sendStatus([...analyses, ...(more ?? [])], startedAt);
  }

  /** Dependents worth re-analysing: open, or already showing diagnostics. */
  private worthUpdating(file: string): boolean {
    return this.documents.get(this.paths.toUri(file)) !== undefined || this.analyzer.get(file) !== undefined;
  }

  publish(analysis: FileAnalysis): void {
    void this.connection.sendDiagnostics({
      uri: analysis.uri,
      ...(analysis.version === null ? {} : { version: analysis.version }),
      diagnostics: analysis.diagnostics,
    });
  }

  sendStatus(analyses: FileAnalysis[], startedAt: number): void {
    if (analyses.length) void this.connection.sendNotification(STATUS_NOTIFICATION, statusOf(analyses, startedAt));
  }

  /** Re-analyse some files (push) or mark them and ask the client to pull again (pull). */
  async rediagnose(files: string[]): Promise<void> {
    const wanted = [...new Set(files)].filter((f) => this.worthUpdating(f));
    if (this.pull) {
      for (const file of wanted) this.analyzer.markStale(file);
      if (wanted.length) this.requestRefresh();
      return;
    }
    const startedAt = Date.now();
    const analyses = (await this.analyzer.analyseMany(wanted.map((f) => this.targetOfFile(f)))) ?? [];
    for (const analysis of analyses) this.publish(analysis);
    this.sendStatus(analyses, startedAt);
  }

  /** Settings or configuration files changed: everything shown may be wrong now. */
  rediagnoseAll(): Promise<void> {
    const open = this.documents.all().flatMap((d) => this.target(d)?.file ?? []);
    return this.rediagnose([...open, ...this.analyzer.known().map((a) => a.file)]);
  }

  /** Coalesces the refreshes of a burst of edits into one workspace/diagnostic/refresh. */
  requestRefresh(): void {
    if (!this.canRefresh || this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.connection.languages.diagnostics.refresh();
    }, 0);
  }

  /** textDocument/diagnostic. */
  async documentReport(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc) return this.closedDocumentReport(params, token);
    const file = this.target(doc)?.file;
    if (!file) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await this.analyzer.settingsFor(file);
    if (token.isCancellationRequested) throw cancelled();
    // The target is taken after the wait: edits may have landed meanwhile, and the analysis must
    // carry the version of the text it reads.
    const target = this.target(doc)!;
    let analysis = this.analyzer.get(target.file);
    const current = analysis && analysis.version === doc.version && !this.analyzer.isStale(target.file);
    // With run: onSave, edits after the last save keep showing the saved text's diagnostics.
    const mayAnalyse = settings.run === 'onType' || doc.version === this.savedVersions.get(doc.uri) || !analysis;
    if (!analysis || (!current && mayAnalyse)) {
      const startedAt = Date.now();
      analysis = this.analyzer.analyse(target, settings);
      this.sendStatus([analysis], startedAt);
    }
    return report(analysis, params.previousResultId);
  }

  /**
   * A pull for a document the client has not opened: a lintable file on disk is analysed as it is
   * there (what workspace/diagnostic reports for it); anything else has no diagnostics.
   */
  private async closedDocumentReport(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const file = params.textDocument.uri.startsWith('file:') ? this.paths.toFile(params.textDocument.uri) : undefined;
    if (!file || !isLintableFile(file) || !isRegularFile(file)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await this.analyzer.settingsFor(file);
    if (token.isCancellationRequested) throw cancelled();
    // Always analysed again: without an editor buffer, nothing tells the server the file changed
    // unless the client watches files; the engine's disk cache makes an unchanged file cheap.
    const startedAt = Date.now();
    const analysis = this.analyzer.analyse({ file, version: null }, settings);
    this.sendStatus([analysis], startedAt);
    return report(analysis, params.previousResultId);
  }

  /**
   * workspace/diagnostic: every known file that is not open (open ones are pulled one by one).
   * The first pull discovers the workspace's files through `discover`; later pulls re-analyse only
   * what went stale and answer "unchanged" for the rest.
   */
  async workspaceReport(
    params: WorkspaceDiagnosticParams,
    token: CancellationToken,
    discover: () => Promise<string[]>,
  ): Promise<WorkspaceDiagnosticReport> {
    if (!this.workspaceScanned) {
      const files = await discover();
      if (token.isCancellationRequested) throw cancelled();
      for (const file of files) if (!this.analyzer.get(file)) this.analyzer.markStale(file);
      this.workspaceScanned = true;
    }
    // Open documents are included, versioned by their buffer: a client pulls documents itself only
    // when it shows them, so an open but hidden file would otherwise have no diagnostics at all.
    const todo = this.analyzer.staleFiles();
    const startedAt = Date.now();
    const analyses = await this.analyzer.analyseMany(
      todo.map((file) => this.targetOfFile(file)),
      () => token.isCancellationRequested,
    );
    if (!analyses) throw cancelled();
    this.sendStatus(analyses, startedAt);
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = this.analyzer
      .known()
      .map((a) =>
        previous.get(a.uri) === a.resultId
          ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: a.uri, version: a.version, resultId: a.resultId }
          : { kind: DocumentDiagnosticReportKind.Full, uri: a.uri, version: a.version, resultId: a.resultId, items: a.diagnostics },
      );
    return { items };
  }
}
