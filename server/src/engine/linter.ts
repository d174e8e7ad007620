// The Linter: reads files (or editor buffers), analyses the ones that can touch the SDK, runs the rules.
import type { ts } from 'ts-morph';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import type { RunResult } from './run.js';
import { ConfigError, defaultConfig } from './config.js';
import { directiveFindings, parseDirectives, suppresses, type Directive } from './directives.js';
import { lineStarts, rangeOf } from './positions.js';
import { Candidates } from './candidates.js';
import { DEFAULT_MAX_FILE_SIZE, Workspace, type SourceText } from './workspace.js';
import type { FileReport, Finding, ResolvedConfig, Severity } from './types.js';

export interface LintRequest {
  /** Absolute paths of the files to report on. Other files may be read to follow imports. */
  files: string[];
  /** Configuration for a file; may throw ConfigError, which becomes a problem of that file. */
  configFor: (file: string) => ResolvedConfig;
  /** Report callstats-lint-disable directives that suppressed nothing, at this severity. Default 'off'. */
  reportUnusedDisableDirectives?: Severity | 'off';
  /** Files over this many bytes are skipped, unless named. Default DEFAULT_MAX_FILE_SIZE (2 MB). */
  maxFileSize?: number;
  /** Files the user named (on the command line): read whatever their size. */
  namedFiles?: readonly string[];
}

export interface Hover {
  markdown: string;
  start: number;
  end: number;
}

/** The analysis modules load ts-morph and the compiler: only runs that have candidate files pay for that. */
type AnalysisModules = typeof import('./run.js');
let analysisModules: AnalysisModules | undefined;
function loadAnalysis(): AnalysisModules {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  analysisModules ??= require('./run.js') as AnalysisModules;
  return analysisModules;
}

/** Runs at most: the first, and widenings to importers of the modules the last run followed into. */
const MAX_ROUNDS = 3;

export class Linter {
  private readonly workspace = new Workspace();
  private readonly candidates = new Candidates(this.workspace);

  constructor(private readonly rules: readonly Rule[] | undefined = undefined) {}

  /** Editor buffers: text that stands in for the file on disk until cleared with undefined. */
  setOverlay(file: string, text: string | undefined): void {
    this.workspace.setOverlay(file, text);
    this.candidates.invalidate(file);
  }

  /**
   * The lintable files of a project folder (an editor's workspace folder). Requests for files in it
   * are analysed with all of them, so a file's findings do not depend on which files are open.
   */
  setProjectFiles(root: string, files: string[] | undefined): void {
    this.candidates.setProjectFiles(root, files);
  }

  /** Files changed, were created or were deleted on disk (all of them when none are named). */
  filesChanged(files: string[] = []): void {
    this.workspace.invalidateResolutions();
    for (const file of files) this.candidates.invalidate(file);
  }

  lint(request: LintRequest): FileReport[] {
    const changed = this.workspace.setLimits(request.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, request.namedFiles ?? []);
    if (changed === 'all') this.candidates.invalidateAll();
    else for (const file of changed) this.candidates.invalidate(file);
    const reports = new Map<string, FileReport>();
    const sources = new Map<string, SourceText>();
    const configs = new Map<string, ResolvedConfig | ConfigError>();
    for (const file of request.files) {
      const report: FileReport = { file, findings: [], problems: [] };
      reports.set(file, report);
      const source = this.workspace.read(file);
      sources.set(file, source);
      this.candidates.record(source);
      if (source.problem) report.problems.push(source.problem);
      const config = this.configOf(file, request.configFor, configs);
      if (config instanceof ConfigError) report.problems.push(`configuration: ${config.message}`);
    }
    // Rules run with defaults where a configuration is broken; findings in those files are dropped.
    const configFor = (file: string): ResolvedConfig => {
      const config = this.configOf(file, request.configFor, configs);
      return config instanceof ConfigError ? defaultConfig() : config;
    };
    const universe = this.candidates.universe(request.files);
    let analysed = this.candidates.select(universe);
    let result: RunResult | undefined;
    for (let round = 0; analysed.length && round < MAX_ROUNDS; round++) {
      result = loadAnalysis().runRules(this.workspace, analysed, configFor, this.rules);
      // Modules the values were followed into (a shared `session` object, say) may be changed by
      // files that import them: those join the next round.
      const known = new Set(analysed);
      const followed = new Set(result.indexed.filter((f) => !known.has(f)));
      const more = followed.size ? this.candidates.importersOf(followed, universe).filter((f) => !known.has(f)) : [];
      if (!more.length) break;
      analysed = [...analysed, ...more];
    }
    this.candidates.analysed(result ? [...new Set([...analysed, ...result.indexed])] : []);
    const directives = new Map<string, Directive[]>();
    for (const [file, source] of sources) if (!source.problem) directives.set(file, parseDirectives(source.text));
    if (result) this.collect(result, reports, directives, (file) => this.configOf(file, request.configFor, configs));
    for (const [file, list] of directives) {
      if (!list.length || this.configOf(file, request.configFor, configs) instanceof ConfigError) continue;
      reports.get(file)!.findings.push(...directiveFindings(file, sources.get(file)!.text, list, request.reportUnusedDisableDirectives ?? 'off'));
    }
    for (const report of reports.values()) {
      report.findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
    }
    return request.files.map((f) => reports.get(f)!);
  }

  private configOf(
    file: string,
    configFor: (file: string) => ResolvedConfig,
    cache: Map<string, ResolvedConfig | ConfigError>,
  ): ResolvedConfig | ConfigError {
    let config = cache.get(file);
    if (!config) {
      try {
        config = configFor(file);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        config = error;
      }
      cache.set(file, config);
    }
    return config;
  }

  /** Turns the run's drafts into findings of the requested files, with severities, suppressions and positions. */
  private collect(
    result: RunResult,
    reports: Map<string, FileReport>,
    directives: Map<string, Directive[]>,
    configOf: (file: string) => ResolvedConfig | ConfigError,
  ): void {
    const texts = new Map<string, { starts: number[] }>();
    const textOf = (sourceFile: ts.SourceFile) => {
      let entry = texts.get(sourceFile.fileName);
      if (!entry) {
        entry = { starts: lineStarts(sourceFile.text) };
        texts.set(sourceFile.fileName, entry);
      }
      return entry;
    };
    const seen = new Map<string, Finding>();
    for (const { ruleId, draft } of result.drafts) {
      const sourceFile = draft.node.getSourceFile();
      const file = sourceFile.fileName;
      const report = reports.get(file);
      const config = report && configOf(file);
      if (!report || !config || config instanceof ConfigError) continue;
      const setting = config.rules[ruleId] ?? RULES.find((r) => r.id === ruleId)!.defaultSeverity;
      if (setting === 'off') continue;
      const { starts } = textOf(sourceFile);
      const range = rangeOf(starts, draft.node.getStart(), draft.node.getEnd());
      if (suppresses(directives.get(file) ?? [], ruleId, range.line)) continue;
      const related = (draft.related ?? []).map((r) => {
        if ('file' in r) return { file: r.file, range: rangeOf(this.lineStartsOf(r.file), r.start, r.end), message: r.message };
        const relatedFile = r.node.getSourceFile();
        return { file: relatedFile.fileName, range: rangeOf(textOf(relatedFile).starts, r.node.getStart(), r.node.getEnd()), message: r.message };
      });
      const key = `${ruleId}\0${file}\0${range.start}\0${range.end}\0${draft.message}`;
      const existing = seen.get(key);
      if (existing) {
        for (const r of related) {
          if (!existing.related.some((e) => e.file === r.file && e.range.start === r.range.start)) existing.related.push(r);
        }
        continue;
      }
      const finding: Finding = { ruleId, severity: setting, message: draft.message, file, range, related, fixes: draft.fixes ?? [] };
      seen.set(key, finding);
      report.findings.push(finding);
    }
    for (const [file, message] of result.failures) reports.get(file)?.problems.push(message);
  }

  private lineStartsOf(file: string): number[] {
    return lineStarts(this.workspace.read(file).text);
  }

  /** Files whose findings may change when `file` changes: the files analysed with it, and its importers. */
  dependentsOf(file: string): string[] {
    return this.candidates.dependentsOf(file);
  }

  hover(file: string, offset: number, configFor: (file: string) => ResolvedConfig): Hover | undefined {
    const source = this.workspace.read(file);
    if (source.problem) return undefined;
    this.candidates.record(source);
    const analysed = this.candidates.select(this.candidates.universe([file]));
    return loadAnalysis().hoverAt(this.workspace, analysed.includes(file) ? analysed : [file, ...analysed], file, offset, configFor);
  }
}
