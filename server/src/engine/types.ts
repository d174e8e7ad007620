// The engine's public data: findings, fixes and configuration, shared by the CLI and the language server.

export type Severity = 'error' | 'warn' | 'info';
export type RuleSetting = Severity | 'off';

export type Topology = 'auto' | 'mesh' | 'sfu-multi-pc' | 'sfu-single-pc';
export const TOPOLOGIES: readonly Topology[] = ['auto', 'mesh', 'sfu-multi-pc', 'sfu-single-pc'];

/** Configuration as written by the user, every key optional. */
export interface UserConfig {
  topology?: Topology;
  conferenceServerIds?: string[];
  userIdMaxBytes?: number;
  rules?: Record<string, RuleSetting>;
  /** Globs of files and folders not to lint, relative to the configuration file's folder (not merged: the nearest configuration's apply). */
  ignores?: string[];
}

/** Configuration with every default filled in; what rules read. */
export interface ResolvedConfig {
  topology: Topology;
  conferenceServerIds: string[];
  userIdMaxBytes: number;
  rules: Record<string, RuleSetting>;
  /** Files the configuration came from, nearest last (for messages). */
  sources: string[];
}

/** A span of a file. Offsets are UTF-16 code units into the text; lines and columns are 1-based. */
export interface SourceRange {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation {
  file: string;
  range: SourceRange;
  message: string;
}

export interface TextEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

/** `safe` fixes are applied by `--fix` and fix-all; `suggestion` fixes are only offered. */
export interface Fix {
  title: string;
  kind: 'safe' | 'suggestion';
  isPreferred?: boolean;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  /** Which of the rule's messages this is; `message` and `help` are it filled with `data`. */
  messageId: string;
  data: Readonly<Record<string, string | number>>;
  severity: Severity;
  /** The finding rests on an inference, so it is never an error: a rule set to `error` reports it as `warn`. */
  likely: boolean;
  /** One short sentence: what is wrong with this ID here. */
  message: string;
  /** One line: what to do about it. */
  help: string;
  file: string;
  range: SourceRange;
  related: RelatedLocation[];
  fixes: Fix[];
}

/** One file's result. `problems` are files that could not be read or analysed (not rule findings). */
export interface FileReport {
  file: string;
  findings: Finding[];
  problems: string[];
}
