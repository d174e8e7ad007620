// The Linter: reads files (or editor buffers), analyses the ones that can touch the SDK, runs the rules.
import type { ts } from 'ts-morph';
import type { Rule, RuleMeta } from './rule.js';
import { RunKeeper, hoverAt, runRules, type RunResult } from './run.js';
import type { AnalysisCache, CachedAnalysis, LintCache, RawFinding, Round } from './cache.js';
import { ConfigError, defaultConfig } from './config.js';
import { directiveFindings, parseDirectives, suppresses, type Directive } from './directives.js';
import { lineStarts, rangeOf } from './positions.js';
import { Candidates } from './candidates.js';
import { DEFAULT_MAX_FILE_SIZE, Workspace } from './workspace.js';
import type { FileReport, ResolvedConfig, Severity } from './types.js';

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
  /** Where facts and analysis results are kept across runs; none by default. */
  cache?: LintCache;
}

/** What an analysis gives: the files it parsed, its findings, and the files it could not analyse. */
interface AnalysisOutcome {
  analysed: string[];
  findings: RawFinding[];
  failures: Map<string, string>;
}

export interface Hover {
  markdown: string;
  start: number;
  end: number;
}

/** Runs at most: the first, and widenings to importers of the modules the last run followed into. */
const MAX_ROUNDS = 3;

export interface LinterOptions {
  /** The rules to run; the Linter knows no others (their ids, severities and messages come from them). */
  rules: readonly Rule[];
}

export class Linter {
  private readonly workspace = new Workspace();
  private readonly candidates = new Candidates(this.workspace);
  private readonly rules: readonly Rule[];
  /** Every rule's id, in the order given. */
  readonly ruleIds: readonly string[];
  private readonly defaultSeverity = new Map<string, Severity>();
  /** Structures of the last runs. */
  private readonly runKeeper = new RunKeeper();

  constructor(options: LinterOptions) {
    this.rules = options.rules;
    for (const rule of this.rules) {
      if (this.defaultSeverity.has(rule.meta.id)) throw new Error(`two rules have the id "${rule.meta.id}"`);
      this.defaultSeverity.set(rule.meta.id, rule.meta.defaultSeverity);
    }
    this.ruleIds = [...this.defaultSeverity.keys()];
  }

  /** The text the Linter reads for a file (a buffer's, or the disk's as read for linting); undefined when it cannot be read. */
  sourceText(file: string): string | undefined {
    const source = this.workspace.read(file);
    return source.problem ? undefined : source.text;
  }

  /** The metadata of a rule this Linter runs. */
  metaOf(ruleId: string): RuleMeta | undefined {
    return this.rules.find((rule) => rule.meta.id === ruleId)?.meta;
  }

  /** The editor buffer that stands in for a file, if any. */
  overlay(file: string): string | undefined {
    return this.workspace.overlay(file);
  }

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

  /** Files deleted, or buffers closed that no file stands behind: nothing of them is kept. */
  forget(files: string[]): void {
    for (const file of files) {
      this.workspace.forget(file);
      this.candidates.forget(file);
    }
  }

  /** Files changed, were created or were deleted on disk (all of them when none are named). */
  filesChanged(files: string[] = []): void {
    this.workspace.invalidateResolutions();
    for (const file of files) this.candidates.invalidate(file);
  }

  lint(request: LintRequest): FileReport[] {
    this.candidates.useCache(request.cache?.facts);
    try {
      return this.lintWith(request);
    } finally {
      request.cache?.facts.save();
      this.candidates.useCache(undefined);
    }
  }

  private lintWith(request: LintRequest): FileReport[] {
    const changed = this.workspace.setLimits(request.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, request.namedFiles ?? []);
    if (changed === 'all') this.candidates.invalidateAll();
    else for (const file of changed) this.candidates.invalidate(file);
    const reports = new Map<string, FileReport>();
    /** Texts of the requested files that may hold suppression comments. */
    const texts = new Map<string, string>();
    const configs = new Map<string, ResolvedConfig | ConfigError>();
    for (const file of request.files) {
      const report: FileReport = { file, findings: [], problems: [] };
      reports.set(file, report);
      this.readFacts(file, report, texts);
      const config = this.configOf(file, request.configFor, configs);
      if (config instanceof ConfigError) report.problems.push(`configuration: ${config.message}`);
    }
    // Rules run with defaults where a configuration is broken; findings in those files are dropped.
    const configFor = (file: string): ResolvedConfig => {
      const config = this.configOf(file, request.configFor, configs);
      return config instanceof ConfigError ? defaultConfig() : config;
    };
    const universe = this.candidates.universe(request.files);
    const first = this.candidates.select(universe);
    const outcome = first.length ? this.analyse(first, universe, configFor, request.cache?.analyses) : undefined;
    this.candidates.analysed(outcome?.analysed ?? []);
    const directives = new Map<string, Directive[]>();
    for (const [file, text] of texts) directives.set(file, parseDirectives(text));
    if (outcome) this.collect(outcome, reports, directives, (file) => this.configOf(file, request.configFor, configs));
    for (const [file, list] of directives) {
      if (!list.length || this.configOf(file, request.configFor, configs) instanceof ConfigError) continue;
      reports.get(file)!.findings.push(...directiveFindings(file, texts.get(file)!, list, request.reportUnusedDisableDirectives ?? 'off', this.ruleIds));
    }
    for (const report of reports.values()) {
      report.findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
    }
    return request.files.map((f) => reports.get(f)!);
  }

  /** Gives the pre-filter a requested file's facts; its problems go to its report, and a text that may hold directives into `texts`. */
  private readFacts(file: string, report: FileReport, texts: Map<string, string>): void {
    const { directives, source } = this.candidates.learn(file);
    if (source?.problem) report.problems.push(source.problem);
    else if (directives) texts.set(file, (source ?? this.workspace.read(file)).text);
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

  /**
   * Analyses the candidate files, widening to the importers of the modules values were followed into,
   * or takes the outcome from the cache when everything it was computed from still holds.
   */
  private analyse(first: string[], universe: string[], configFor: (file: string) => ResolvedConfig, cache: AnalysisCache | undefined): AnalysisOutcome {
    const key = cache?.keyOf(this.ruleIds, first);
    const hit = key === undefined ? undefined : cache!.load(key, this.ruleIds);
    if (hit && this.stillHolds(hit, first, universe, configFor)) {
      return { analysed: hit.analysed, findings: hit.findings, failures: new Map(hit.failures) };
    }
    const trace = cache ? this.workspace.startTrace() : undefined;
    const tracedConfigFor = (file: string): ResolvedConfig => {
      const config = configFor(file);
      trace?.set(`config\0${file}`, JSON.stringify(config));
      return config;
    };
    try {
      let analysed = first;
      let result: RunResult;
      const rounds: Round[] = [];
      for (let round = 0; ; round++) {
        // A traced run reads everything again, so the trace records all it depends on.
        result = runRules(this.workspace, analysed, tracedConfigFor, this.rules, trace ? undefined : this.runKeeper);
        // Modules the values were followed into (a shared `session` object, say) may be changed by
        // files that import them: those join the next round.
        const known = new Set(analysed);
        const followed = result.indexed.filter((f) => !known.has(f));
        const more = this.widening(followed, known, universe);
        rounds.push({ followed, more });
        if (!more.length || round + 1 === MAX_ROUNDS) break;
        analysed = [...analysed, ...more];
      }
      const outcome = { analysed: [...new Set([...analysed, ...result.indexed])], findings: this.rawFindings(result), failures: result.failures };
      if (cache && key !== undefined) cache.store(key, { trace: [...trace!], rounds, analysed: outcome.analysed, findings: outcome.findings, failures: [...outcome.failures] });
      return outcome;
    } finally {
      if (trace) this.workspace.stopTrace();
    }
  }

  /** Importers (in the universe, not yet known) of the modules a run followed into. */
  private widening(followed: string[], known: Set<string>, universe: string[]): string[] {
    return followed.length ? this.candidates.importersOf(new Set(followed), universe).filter((f) => !known.has(f)) : [];
  }

  /** Whether a cached outcome is still the answer: every observation holds, and every widening takes in the same files. */
  private stillHolds(entry: CachedAnalysis, first: string[], universe: string[], configFor: (file: string) => ResolvedConfig): boolean {
    for (const [key, seen] of entry.trace) {
      const holds = key.startsWith('config\0') ? JSON.stringify(configFor(key.slice('config\0'.length))) === seen : this.workspace.holds(key, seen);
      if (!holds) return false;
    }
    const known = new Set(first);
    for (const { followed, more } of entry.rounds) {
      const now = this.widening(followed, known, universe);
      if (now.length !== more.length || now.some((f, i) => f !== more[i])) return false;
      for (const file of more) known.add(file);
    }
    return true;
  }

  /** The run's drafts as findings with positions, before severities and suppressions; one per rule, place and message. */
  private rawFindings(result: RunResult): RawFinding[] {
    const starts = new Map<string, number[]>();
    const startsOf = (key: string, text: () => string) => {
      let entry = starts.get(key);
      if (!entry) starts.set(key, (entry = lineStarts(text())));
      return entry;
    };
    const nodeRange = (node: ts.Node) => {
      const sourceFile = node.getSourceFile();
      return rangeOf(startsOf(sourceFile.fileName, () => sourceFile.text), node.getStart(), node.getEnd());
    };
    const seen = new Map<string, RawFinding>();
    for (const reported of result.reported) {
      const { ruleId, messageId, data, message, help, likely, fixes } = reported;
      const file = reported.node.getSourceFile().fileName;
      const range = nodeRange(reported.node);
      const related = reported.related.map((r) =>
        'file' in r
          ? { file: r.file, range: rangeOf(startsOf(`read\0${r.file}`, () => this.workspace.read(r.file).text), r.start, r.end), message: r.message }
          : { file: r.node.getSourceFile().fileName, range: nodeRange(r.node), message: r.message },
      );
      const key = `${ruleId}\0${file}\0${range.start}\0${range.end}\0${message}`;
      const existing = seen.get(key);
      if (existing) {
        for (const r of related) {
          if (!existing.related.some((e) => e.file === r.file && e.range.start === r.range.start)) existing.related.push(r);
        }
        continue;
      }
      seen.set(key, { ruleId, messageId, data, message, help, likely, file, range, related, fixes });
    }
    return [...seen.values()];
  }

  /** Gives the requested files their findings, with severities from their configuration and suppressions applied. */
  private collect(
    outcome: AnalysisOutcome,
    reports: Map<string, FileReport>,
    directives: Map<string, Directive[]>,
    configOf: (file: string) => ResolvedConfig | ConfigError,
  ): void {
    for (const raw of outcome.findings) {
      const report = reports.get(raw.file);
      const config = report && configOf(raw.file);
      if (!report || !config || config instanceof ConfigError) continue;
      const configured = config.rules[raw.ruleId] ?? this.defaultSeverity.get(raw.ruleId);
      if (!configured || configured === 'off' || suppresses(directives.get(raw.file) ?? [], raw.ruleId, raw.range.line)) continue;
      // An error is a certainty: a finding that rests on an inference is reported as a warning.
      const severity = raw.likely && configured === 'error' ? 'warn' : configured;
      const { ruleId, messageId, data, likely, message, help, file, range, related, fixes } = raw;
      report.findings.push({ ruleId, messageId, data, severity, likely, message, help, file, range, related, fixes });
    }
    for (const [file, message] of outcome.failures) reports.get(file)?.problems.push(message);
  }

  /** Files whose findings may change when `file` changes: the files analysed with it, and its importers. */
  dependentsOf(file: string): string[] {
    return this.candidates.dependentsOf(file);
  }

  /** The hover at an offset of a file; with `readable`, no other file is read, so none can show (the editor's workspace folders). */
  hover(file: string, offset: number, configFor: (file: string) => ResolvedConfig, readable: (file: string) => boolean = () => true): Hover | undefined {
    return this.workspace.within(readable, () => {
      const source = this.workspace.read(file);
      if (source.problem) return undefined;
      this.candidates.record(source);
      const analysed = this.candidates.select(this.candidates.universe([file]));
      return hoverAt(this.workspace, analysed.includes(file) ? analysed : [file, ...analysed], file, offset, configFor);
    });
  }
}
