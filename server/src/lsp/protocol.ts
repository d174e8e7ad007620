// Everything the extension and the server say to each other beyond standard LSP, declared once for both sides (no imports, so both bundles can use it).
/** The settings section read with workspace/configuration (`callstatsLint.*` in VS Code). */
export const SETTINGS_SECTION = 'callstatsLint';

/** workspace/executeCommand: client (the "Lint Workspace" command) → server, to lint every file of every workspace folder. */
export const LINT_WORKSPACE_COMMAND = 'callstats-lint.lintWorkspace';

/** What LINT_WORKSPACE_COMMAND answers. */
export interface LintWorkspaceResult {
  files: number;
  findings: number;
  /** Paths discovery could not read, with the reason. */
  problems: string[];
}

/** The code action kind that applies every safe fix of a document (editor.codeActionsOnSave). */
export const FIX_ALL_KIND = 'source.fixAll.callstats-lint';

/** The comment the "Disable <rule> for this line" action inserts; the engine honours it. */
export const DISABLE_NEXT_LINE = 'callstats-lint-disable-next-line';

export interface AnalysisStatus {
  /** `ok`: analysed; `configError`: a configuration file is broken; `failed`: the engine threw. */
  state: 'ok' | 'configError' | 'failed';
  /** How many files this analysis covered. */
  files: number;
  /** Wall-clock time the analysis took. */
  durationMs: number;
  /** When it finished, ISO 8601. */
  finishedAt: string;
  /** What went wrong, for configError and failed. */
  detail?: string;
}

/**
 * callstatsLint/status: server → client after every analysis (a document, its dependents, the
 * workspace), so the language status item can show the state and the last analysis time.
 */
export const STATUS_NOTIFICATION = 'callstatsLint/status';
