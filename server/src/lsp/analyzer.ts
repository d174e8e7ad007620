// Runs the engine for the server one file at a time, so one file's failure or broken configuration stays that file's diagnostic.
import type { Diagnostic } from 'vscode-languageserver';
import type { LintCache } from '../engine/cache.js';
import { ConfigError } from '../engine/config.js';
import type { Linter } from '../engine/linter.js';
import type { Finding } from '../engine/types.js';
import type { Rule } from '../engine/rule.js';
import { configErrorDiagnostic, failureDiagnostic, findingDiagnostic, problemDiagnostic } from './diagnostics.js';
import type { DocumentPaths } from './paths.js';
import type { AnalysisStatus } from './protocol.js';
import type { Settings, SettingsStore } from './settings.js';

export interface Analysis {
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
}

export interface Target {
  file: string;
  version: number | null;
}

/**
 * Test hook, so the tests can check that a failure stays one diagnostic and the server keeps working:
 * - a path fragment: the analysis of files whose path contains it throws;
 * - `rule:<rule-id>`: that rule's run throws (every file with SDK calls gets the failure);
 * - `rule:<rule-id>:<path fragment>`: that rule fails on the files whose path contains the fragment.
 */
const TEST_THROW = process.env.CALLSTATS_LINT_TEST_THROW;
const THROWING_RULE = /^rule:([\w-]+)(?::(.+))?$/.exec(TEST_THROW ?? '');
const THROWING_FILE = THROWING_RULE ? undefined : TEST_THROW;

/** The rules for the server's Linter: undefined (all of them) unless the test hook makes one throw. */
export function serverRules(rules: readonly Rule[]): readonly Rule[] {
  if (!THROWING_RULE) return rules;
  const [, id, fragment] = THROWING_RULE;
  return rules.map((rule) => (rule.meta.id === id ? throwing(rule, fragment) : rule));
}

function throwing(rule: Rule, fragment: string | undefined): Rule {
  const error = () => new Error(`test hook CALLSTATS_LINT_TEST_THROW made ${rule.meta.id} throw`);
  return {
    ...rule,
    create(context) {
      if (fragment === undefined) throw error();
      const hit = (file: string) => file.includes(fragment);
      for (const file of new Set(context.calls.filter((c) => hit(c.file)).map((c) => c.file))) context.fail(file, error());
      rule.create({ ...context, calls: context.calls.filter((c) => !hit(c.file)) });
    },
  };
}

/** Lets queued messages ($/cancelRequest among them) in between two files of a long run. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class Analyzer {
  private readonly results = new Map<string, Analysis>();
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
  ) {}

  /** The last analysis of a file, if any. */
  get(file: string): Analysis | undefined {
    return this.results.get(file);
  }

  known(): Analysis[] {
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

  settingsFor(file: string): Promise<Settings> {
    return this.settings.get(this.paths.toUri(file));
  }

  /** Analyses one file now with its settings. Never throws. */
  analyse(target: Target, settings: Settings): Analysis {
    const { file, version } = target;
    let found: Pick<Analysis, 'findings' | 'diagnostics' | 'state' | 'detail'>;
    if (!settings.enable) {
      found = { findings: [], diagnostics: [], state: 'disabled' };
    } else {
      found = this.run(file, settings);
    }
    const previous = this.results.get(file);
    const same = previous && JSON.stringify(previous.diagnostics) === JSON.stringify(found.diagnostics);
    const analysis: Analysis = {
      file,
      uri: this.paths.toUri(file),
      version,
      resultId: same ? previous.resultId : String(++this.resultCounter),
      ...found,
    };
    this.results.set(file, analysis);
    this.stale.delete(file);
    return analysis;
  }

  private run(file: string, settings: Settings): Pick<Analysis, 'findings' | 'diagnostics' | 'state' | 'detail'> {
    try {
      const configFor = this.settings.configFor(settings);
      // Resolving this file's configuration first tells a broken configuration apart from a broken engine.
      configFor(file);
      if (THROWING_FILE && file.includes(THROWING_FILE)) throw new Error(`test hook CALLSTATS_LINT_TEST_THROW matched ${file}`);
      // The engine analyses the file with the rest of its project (setProjectFiles), so this file's
      // report is what the CLI would say about it.
      const [report] = this.linter.lint({ files: [file], configFor, cache: this.cacheFor(file) });
      const findings = report?.findings ?? [];
      const problems = report?.problems ?? [];
      const diagnostics = [...findings.map((f) => findingDiagnostic(f, (id) => this.linter.metaOf(id), (other) => this.paths.toUri(other))), ...problems.map(problemDiagnostic)];
      // A problem is a check that did not happen (a rule threw, the file could not be read): the
      // status item says so too, not only line 1 of the file.
      return problems.length ? { findings, diagnostics, state: 'failed', detail: problems.join('; ') } : { findings, diagnostics, state: 'ok' };
    } catch (error) {
      if (error instanceof ConfigError) {
        this.onConfigError(error);
        return { findings: [], diagnostics: [configErrorDiagnostic(error)], state: 'configError', detail: error.message };
      }
      const detail = error instanceof Error ? error.message : String(error);
      return { findings: [], diagnostics: [failureDiagnostic(error)], state: 'failed', detail };
    }
  }

  /**
   * Analyses several files, fetching each one's settings and yielding between files so a
   * cancellation can land. Returns undefined when `isCancelled` turned true.
   */
  async analyseMany(
    targets: Target[],
    isCancelled: () => boolean = () => false,
    onFile?: (done: number) => void,
  ): Promise<Analysis[] | undefined> {
    const out: Analysis[] = [];
    for (const target of targets) {
      const settings = await this.settingsFor(target.file);
      if (isCancelled()) return undefined;
      out.push(this.analyse(target, settings));
      onFile?.(out.length);
      await yieldToEventLoop();
      if (isCancelled()) return undefined;
    }
    return out;
  }
}

/** The status the client shows for a batch of analyses. */
export function statusOf(analyses: Analysis[], startedAt: number): AnalysisStatus {
  const bad = analyses.find((a) => a.state === 'failed') ?? analyses.find((a) => a.state === 'configError');
  return {
    state: bad ? (bad.state as 'failed' | 'configError') : 'ok',
    files: analyses.length,
    durationMs: Date.now() - startedAt,
    finishedAt: new Date().toISOString(),
    ...(bad?.detail ? { detail: bad.detail } : {}),
  };
}
