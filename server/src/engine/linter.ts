// The Linter: reads files (or editor buffers), analyses the ones that can touch the SDK, runs the rules.
import type { ts } from 'ts-morph';
import { RULES } from '../rules/index.js';
import type { Draft, Rule } from '../rules/rule.js';
import { ConfigError } from './config.js';
import { lineStarts, rangeOf } from './positions.js';
import { mentionsSdk, relativeImports, Workspace, type SourceText } from './workspace.js';
import type { FileReport, Finding, ResolvedConfig, Severity } from './types.js';

export interface LintRequest {
  /** Absolute paths of the files to report on. Other files may be read to follow imports. */
  files: string[];
  /** Configuration for a file; may throw ConfigError, which becomes a problem of that file. */
  configFor: (file: string) => ResolvedConfig;
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

const DISABLE_NEXT_LINE = /\/\/\s*callstats-lint-disable-next-line\b([^\n]*)/g;

/** Rule ids disabled for each line (1-based) by `// callstats-lint-disable-next-line id[, id] -- reason`. */
function disabledLines(text: string): Map<number, Set<string> | 'all'> {
  const out = new Map<number, Set<string> | 'all'>();
  if (!text.includes('callstats-lint-disable')) return out;
  const starts = lineStarts(text);
  for (const match of text.matchAll(DISABLE_NEXT_LINE)) {
    const line = rangeOf(starts, match.index!, match.index!).line + 1;
    const ids = match[1].split('--')[0].split(',').map((s) => s.trim()).filter(Boolean);
    out.set(line, ids.length ? new Set(ids) : 'all');
  }
  return out;
}

export class Linter {
  private readonly workspace = new Workspace();
  /** Relative imports seen per file in the last runs, for dependentsOf. */
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
    const configs = new Map<string, ResolvedConfig>();
    for (const file of request.files) {
      const report: FileReport = { file, findings: [], problems: [] };
      reports.set(file, report);
      const source = this.workspace.read(file);
      sources.set(file, source);
      if (source.problem) report.problems.push(source.problem);
      try {
        configs.set(file, request.configFor(file));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        report.problems.push(`configuration: ${error.message}`);
      }
    }
    const candidates = this.candidates(sources);
    if (candidates.length) this.analyse(candidates, reports, configs, request.configFor);
    return request.files.map((f) => reports.get(f)!);
  }

  /**
   * Files worth parsing: those that name the SDK or its identifier methods, plus files that import
   * one of those (they may call a wrapper with a user ID). Everything else costs only the text scan.
   */
  private candidates(sources: Map<string, SourceText>): string[] {
    const strong = new Set<string>();
    for (const [file, source] of sources) {
      if (!source.problem && mentionsSdk(source.text)) strong.add(file);
    }
    const out = new Set(strong);
    for (const [file, source] of sources) {
      if (source.problem || strong.has(file)) continue;
      const specifiers = relativeImports(source.text);
      this.importsOf.set(file, specifiers.map((s) => this.workspace.resolve(s, file)).filter((f): f is string => !!f));
      if (this.importsOf.get(file)!.some((target) => strong.has(target))) out.add(file);
    }
    for (const file of strong) {
      const specifiers = relativeImports(sources.get(file)!.text);
      this.importsOf.set(file, specifiers.map((s) => this.workspace.resolve(s, file)).filter((f): f is string => !!f));
    }
    return [...out];
  }

  private analyse(
    candidates: string[],
    reports: Map<string, FileReport>,
    configs: Map<string, ResolvedConfig>,
    configFor: (file: string) => ResolvedConfig,
  ): void {
    const { runRules } = loadAnalysis();
    const safeConfigFor = (file: string): ResolvedConfig => {
      const known = configs.get(file);
      if (known) return known;
      const config = configFor(file);
      configs.set(file, config);
      return config;
    };
    const texts = new Map<string, { text: string; starts: number[]; disabled: Map<number, Set<string> | 'all'> }>();
    const textOf = (sourceFile: ts.SourceFile) => {
      let entry = texts.get(sourceFile.fileName);
      if (!entry) {
        const text = sourceFile.text;
        entry = { text, starts: lineStarts(text), disabled: disabledLines(text) };
        texts.set(sourceFile.fileName, entry);
      }
      return entry;
    };
    const seen = new Map<string, Finding>();
    const onDraft = (ruleId: string, draft: Draft) => {
      const sourceFile = draft.node.getSourceFile();
      const file = sourceFile.fileName;
      const report = reports.get(file);
      if (!report) return;
      let config: ResolvedConfig;
      try {
        config = safeConfigFor(file);
      } catch {
        return;
      }
      const setting = config.rules[ruleId] ?? RULES.find((r) => r.id === ruleId)!.defaultSeverity;
      if (setting === 'off') return;
      const { starts, disabled } = textOf(sourceFile);
      const range = rangeOf(starts, draft.node.getStart(), draft.node.getEnd());
      const disabledHere = disabled.get(range.line);
      if (disabledHere === 'all' || disabledHere?.has(ruleId)) return;
      const related = (draft.related ?? []).map((r) => {
        const relatedFile = r.node.getSourceFile();
        return { file: relatedFile.fileName, range: rangeOf(textOf(relatedFile).starts, r.node.getStart(), r.node.getEnd()), message: r.message };
      });
      const key = `${ruleId}\0${file}\0${range.start}\0${range.end}\0${draft.message}`;
      const existing = seen.get(key);
      if (existing) {
        for (const r of related) {
          if (!existing.related.some((e) => e.file === r.file && e.range.start === r.range.start)) existing.related.push(r);
        }
        return;
      }
      const finding: Finding = {
        ruleId,
        severity: setting as Severity,
        message: draft.message,
        file,
        range,
        related,
        fixes: (draft.fixes ?? []).map((f) => ({ ...f })),
      };
      seen.set(key, finding);
      report.findings.push(finding);
    };
    const failures = runRules(this.workspace, candidates, safeConfigFor, onDraft, this.rules);
    for (const [file, message] of failures) reports.get(file)?.problems.push(message);
    for (const report of reports.values()) {
      report.findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
    }
  }

  /** Files whose findings may change when `file` changes (they import it, directly or not). */
  dependentsOf(file: string): string[] {
    const out = new Set<string>();
    const queue = [file];
    while (queue.length) {
      const current = queue.pop()!;
      for (const [importer, targets] of this.importsOf) {
        if (!out.has(importer) && importer !== file && targets.includes(current)) {
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
