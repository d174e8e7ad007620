// Runs the engine for the server one file at a time, so one file's failure or broken configuration stays that file's diagnostic.
import type { Diagnostic, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintCache } from '../engine/cache.js';
import { ConfigError } from '../engine/config.js';
import { fixedText, safeFix } from '../engine/fixes.js';
import type { Linter } from '../engine/linter.js';
import type { FileReport, Finding, ResolvedConfig, SourceRange } from '../engine/types.js';
import { configErrorDiagnostic, failureDiagnostic, findingDiagnostic, problemDiagnostic, toRange } from './diagnostics.js';
import type { DocumentPaths } from './paths.js';
import type { AnalysisStatus } from './protocol.js';
import type { Settings, SettingsStore } from './settings.js';

export interface FileAnalysis {
  file: string;
  uri: string;
  /** The document version analysed; null when the text came from disk. */
  version: number | null;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Changes only when the diagnostics change, so pulls can answer "unchanged". */
  resultId: string;
  state: AnalysisStatus['state'] | 'disabled';
  detail?: string;
  /** The findings may have come from the cache: good to show, but their fixes are never applied. */
  fromCache?: boolean;
}

type Found = Pick<FileAnalysis, 'findings' | 'diagnostics' | 'state' | 'detail' | 'fromCache'>;

export interface Target {
  file: string;
  version: number | null;
}

/** Lets queued messages ($/cancelRequest among them) in between two files of a long run. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class Analyzer {
  private readonly results = new Map<string, FileAnalysis>();
  /** Files whose last analysis may be out of date (a file they import changed). */
  private readonly stale = new Set<string>();
  private resultCounter = 0;

  constructor(
    private readonly linter: Linter,
    private readonly settings: SettingsStore,
    private readonly paths: DocumentPaths,
    private readonly onConfigError: (error: ConfigError) => void,
    /** The cache to use for a file's analysis, if any. */
    private readonly cacheFor: (file: string) => LintCache | undefined = () => undefined,
    /** The open document of a file: positions are taken from its text (a BOM in it is a character like any other). */
    private readonly documentOf: (file: string) => TextDocument | undefined = () => undefined,
    /** Resolves when a file may be analysed: once its folder's files are known, or have taken too long. */
    private readonly ready: (file: string) => Promise<void> = async () => undefined,
  ) {}

  /** The last analysis of a file, if any. */
  get(file: string): FileAnalysis | undefined {
    return this.results.get(file);
  }

  known(): FileAnalysis[] {
    return [...this.results.values()];
  }

  forget(file: string): void {
    this.results.delete(file);
    this.stale.delete(file);
  }

  markStale(file: string): void {
    this.stale.add(file);
  }

  isStale(file: string): boolean {
    return this.stale.has(file);
  }

  staleFiles(): string[] {
    return [...this.stale];
  }

  /** A file's settings, once it may be analysed (see `ready`): every analysis asks for them first. */
  async settingsFor(file: string): Promise<Settings> {
    const [settings] = await Promise.all([this.settings.get(this.paths.toUri(file)), this.ready(file)]);
    return settings;
  }

  /** Analyses one file now with its settings. Never throws. */
  analyse(target: Target, settings: Settings): FileAnalysis {
    return this.analyseGroup([target], settings)[0];
  }

  /**
   * Analyses files that share settings in one engine run, as the CLI lints them all at once (one run
   * per file would analyse the project once per file). Never throws: a file whose configuration is
   * broken gets that diagnostic, and should the run throw, each file is analysed alone, so one
   * file's failure stays that file's diagnostic.
   */
  analyseGroup(targets: Target[], settings: Settings): FileAnalysis[] {
    const found = new Map<string, Found>();
    if (!settings.enable) return targets.map((target) => this.record(target, { findings: [], diagnostics: [], state: 'disabled' }));
    let configFor: (file: string) => ResolvedConfig;
    try {
      configFor = this.settings.configFor(settings);
    } catch (error) {
      return targets.map((target) => this.record(target, this.failure(error)));
    }
    const lintable: string[] = [];
    for (const { file } of targets) {
      try {
        // Resolving each file's configuration first tells a broken configuration apart from a broken engine.
        configFor(file);
        lintable.push(file);
      } catch (error) {
        found.set(file, this.failure(error));
      }
    }
    for (const [file, result] of this.run(lintable, configFor)) found.set(file, result);
    return targets.map((target) => this.record(target, found.get(target.file)!));
  }

  /** The engine's reports of files as diagnostics; when the run throws, each file alone. */
  private run(files: string[], configFor: (file: string) => ResolvedConfig): Map<string, Found> {
    const out = new Map<string, Found>();
    if (!files.length) return out;
    // The engine analyses the files with the rest of their project (setProjectFiles), so each
    // report is what the CLI would say about the file.
    const cache = this.cacheFor(files[0]);
    try {
      for (const report of this.linter.lint({ files, configFor, cache })) out.set(report.file, this.found(report, cache !== undefined));
    } catch (error) {
      if (files.length === 1) out.set(files[0], this.failure(error));
      else for (const file of files) for (const [f, result] of this.run([file], configFor)) out.set(f, result);
    }
    return out;
  }

  private found(report: FileReport, fromCache: boolean): Found {
    const { findings, problems } = report;
    const rangeIn = (file: string, range: SourceRange): Range => {
      const doc = this.documentOf(file);
      return doc ? { start: doc.positionAt(range.start), end: doc.positionAt(range.end) } : toRange(range);
    };
    const diagnostics = [...findings.map((f) => findingDiagnostic(f, (id) => this.linter.metaOf(id), (other) => this.paths.toUri(other), rangeIn)), ...problems.map(problemDiagnostic)];
    // A problem is a check that did not happen (a rule threw, the file could not be read): the
    // status item says so too, not only line 1 of the file.
    return problems.length ? { findings, diagnostics, state: 'failed', detail: problems.join('; '), fromCache } : { findings, diagnostics, state: 'ok', fromCache };
  }

  private failure(error: unknown): Found {
    if (error instanceof ConfigError) {
      this.onConfigError(error);
      return { findings: [], diagnostics: [configErrorDiagnostic(error)], state: 'configError', detail: error.message };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { findings: [], diagnostics: [failureDiagnostic(error)], state: 'failed', detail };
  }

  private record(target: Target, found: Found): FileAnalysis {
    const { file, version } = target;
    const previous = this.results.get(file);
    const same = previous && JSON.stringify(previous.diagnostics) === JSON.stringify(found.diagnostics);
    const analysis: FileAnalysis = { file, uri: this.paths.toUri(file), version, resultId: same ? previous.resultId : String(++this.resultCounter), ...found };
    this.results.set(file, analysis);
    this.stale.delete(file);
    return analysis;
  }

  /**
   * Analyses several files: their settings fetched in one request, then one engine run per set of
   * files with the same settings, yielding in between so a cancellation can land. Returns undefined
   * when `isCancelled` turned true.
   */
  async analyseMany(targets: Target[], isCancelled: () => boolean = () => false, onFiles?: (done: number) => void): Promise<FileAnalysis[] | undefined> {
    const [settings] = await Promise.all([this.settings.getMany(targets.map((target) => this.paths.toUri(target.file))), ...targets.map((target) => this.ready(target.file))]);
    if (isCancelled()) return undefined;
    const groups = new Map<string, { settings: Settings; targets: Target[] }>();
    targets.forEach((target, i) => {
      const key = JSON.stringify(settings[i]);
      const group = groups.get(key) ?? { settings: settings[i], targets: [] };
      group.targets.push(target);
      groups.set(key, group);
    });
    const out: FileAnalysis[] = [];
    for (const group of groups.values()) {
      out.push(...this.analyseGroup(group.targets, group.settings));
      onFiles?.(out.length);
      await yieldToEventLoop();
      if (isCancelled()) return undefined;
    }
    return out;
  }

  /**
   * The analysed text with its safe fixes applied as `--fix` applies them (the same fixes, passes and
   * syntax check, see fixedText): what fix-all makes of the document. `text` when there is nothing to fix.
   */
  fixedText(analysis: FileAnalysis, text: string, settings: Settings): string {
    if (!analysis.findings.some((finding) => safeFix(finding))) return text;
    try {
      const request = { files: [analysis.file], configFor: this.settings.configFor(settings) };
      return fixedText(this.linter, request, { file: analysis.file, findings: analysis.findings, problems: [] }, text);
    } catch {
      // A configuration broken meanwhile: its diagnostic says so, and fix-all has nothing to offer.
      return text;
    }
  }

}

/** The status the client shows for a batch of analyses. */
export function statusOf(analyses: FileAnalysis[], startedAt: number): AnalysisStatus {
  const bad = analyses.find((a) => a.state === 'failed') ?? analyses.find((a) => a.state === 'configError');
  return {
    state: bad ? (bad.state as 'failed' | 'configError') : 'ok',
    files: analyses.length,
    durationMs: Date.now() - startedAt,
    finishedAt: new Date().toISOString(),
    ...(bad?.detail ? { detail: bad.detail } : {}),
  };
}
