// The Linter: reads files (or editor buffers), analyses the ones that can touch the SDK, runs the rules.
import type { ts } from 'ts-morph';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import type { RunResult } from './run.js';
import { ConfigError, defaultConfig } from './config.js';
import { directiveFindings, parseDirectives, suppresses, type Directive } from './directives.js';
import { lineStarts, rangeOf } from './positions.js';
import { mentionsSdk, relativeImports, specifierTargets, Workspace, type SourceText } from './workspace.js';
import type { FileReport, Finding, ResolvedConfig, Severity } from './types.js';

export interface LintRequest {
  /** Absolute paths of the files to report on. Other files may be read to follow imports. */
  files: string[];
  /** Configuration for a file; may throw ConfigError, which becomes a problem of that file. */
  configFor: (file: string) => ResolvedConfig;
  /** Report callstats-lint-disable directives that suppressed nothing, at this severity. Default 'off'. */
  reportUnusedDisableDirectives?: Severity | 'off';
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
const REEXPORT = /\bexport\s*(?:\*|\{[^}]*\})\s*from\b/;

export class Linter {
  private readonly workspace = new Workspace();
  /** Relative import specifiers of each file seen in the last runs, for the pre-filter and dependentsOf. */
  private readonly importsOf = new Map<string, string[]>();

  constructor(private readonly rules: readonly Rule[] | undefined = undefined) {}

  /** Editor buffers: text that stands in for the file on disk until cleared with undefined. */
  setOverlay(file: string, text: string | undefined): void {
    this.workspace.setOverlay(file, text);
  }

  /** Files were created or deleted on disk: forget cached module resolutions. */
  filesChanged(): void {
    this.workspace.invalidateResolutions();
  }

  lint(request: LintRequest): FileReport[] {
    const reports = new Map<string, FileReport>();
    const sources = new Map<string, SourceText>();
    const configs = new Map<string, ResolvedConfig | ConfigError>();
    for (const file of request.files) {
      const report: FileReport = { file, findings: [], problems: [] };
      reports.set(file, report);
      const source = this.workspace.read(file);
      sources.set(file, source);
      if (source.problem) report.problems.push(source.problem);
      const config = this.configOf(file, request.configFor, configs);
      if (config instanceof ConfigError) report.problems.push(`configuration: ${config.message}`);
    }
    // Rules run with defaults where a configuration is broken; findings in those files are dropped.
    const configFor = (file: string): ResolvedConfig => {
      const config = this.configOf(file, request.configFor, configs);
      return config instanceof ConfigError ? defaultConfig() : config;
    };
    let candidates = this.candidates(sources);
    let result: RunResult | undefined;
    for (let round = 0; candidates.length && round < MAX_ROUNDS; round++) {
      result = loadAnalysis().runRules(this.workspace, candidates, configFor, this.rules);
      // Modules the values were followed into (a shared `session` object, say) may be changed by
      // files that import them: those join the next round.
      const analysed = new Set(candidates);
      const followed = new Set(result.indexed.filter((f) => !analysed.has(f)));
      const more = followed.size ? this.importersOf(followed, sources).filter((f) => !analysed.has(f)) : [];
      if (!more.length) break;
      candidates = [...candidates, ...more];
    }
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

  /**
   * Files worth parsing: those that name the SDK or its identifier methods, barrels that re-export
   * them, and files that import any of those (they may call a wrapper with a user ID). Everything
   * else costs only the text scan.
   */
  private candidates(sources: Map<string, SourceText>): string[] {
    const strong = new Set<string>();
    for (const [file, source] of sources) {
      if (source.problem) continue;
      this.importsOf.set(file, relativeImports(source.text));
      if (mentionsSdk(source.text)) strong.add(file);
    }
    for (let grew = true; grew; ) {
      grew = false;
      for (const [file, source] of sources) {
        if (strong.has(file) || !REEXPORT.test(source.text)) continue;
        if (this.imports(file, (target) => strong.has(target))) {
          strong.add(file);
          grew = true;
        }
      }
    }
    return [...strong, ...this.importersOf(strong, sources)];
  }

  /** Files of the request, not in `known`, that import a file in `known`. */
  private importersOf(known: Set<string>, sources: Map<string, SourceText>): string[] {
    const out: string[] = [];
    for (const file of sources.keys()) {
      if (!known.has(file) && this.imports(file, (target) => known.has(target))) out.push(file);
    }
    return out;
  }

  /** Whether `file` imports a file for which `matches` holds (checked by name: no disk access). */
  private imports(file: string, matches: (target: string) => boolean): boolean {
    return (this.importsOf.get(file) ?? []).some((specifier) => specifierTargets(specifier, file).some(matches));
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

  /** Files whose findings may change when `file` changes (they import it, directly or not). */
  dependentsOf(file: string): string[] {
    const out = new Set<string>();
    const queue = [file];
    while (queue.length) {
      const current = queue.pop()!;
      for (const importer of this.importsOf.keys()) {
        if (!out.has(importer) && importer !== file && this.imports(importer, (target) => target === current)) {
          out.add(importer);
          queue.push(importer);
        }
      }
    }
    return [...out];
  }

  hover(file: string, offset: number, configFor: (file: string) => ResolvedConfig): Hover | undefined {
    const source = this.workspace.read(file);
    if (source.problem) return undefined;
    const files = [file, ...this.dependentsOf(file)];
    return loadAnalysis().hoverAt(this.workspace, files, file, offset, configFor);
  }
}
