// Lint results in ESLint's shape (what `--format json` prints, what the API returns, what every formatter reads).
import type { FileReport, Finding, Fix } from '../engine/types.js';
import { safeFix } from '../engine/fixes.js';

export interface EslintFix {
  range: [number, number];
  text: string;
}

/** The other half of a finding (where a value was set, the call it reached): a callstats-lint addition to ESLint's message. */
export interface RelatedMessage {
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface LintMessage {
  /** null for a file that could not be linted (a fatal message) and for a note about the file, such as that it was ignored. */
  ruleId: string | null;
  /** The rule's message id, as ESLint gives it for rules that declare messages. */
  messageId?: string;
  /** ESLint's: 2 for errors, 1 for warnings and for info findings (ESLint has no lower severity). */
  severity: 1 | 2;
  /** true for a file that could not be read or analysed; false for a note about the file. */
  fatal?: boolean;
  /** An info finding: severity 1, yet counted in `infoCount`, never as a warning. */
  info?: true;
  message: string;
  /** One line saying what to do (a callstats-lint addition); text formats show it below the message. */
  help?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
  related?: RelatedMessage[];
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: LintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  /** Info findings (a callstats-lint addition): neither errors nor warnings. */
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The file's text, when it has messages and no `output`. */
  source?: string;
  /** The file's text after `--fix` (or `--fix-dry-run`), when fixes changed it. */
  output?: string;
  usedDeprecatedRules: never[];
}

export type MessageLevel = 'error' | 'warn' | 'info';

/** What a message counts as: fatal messages and severity 2 are errors. */
export function levelOf(message: LintMessage): MessageLevel {
  if (message.fatal || message.severity === 2) return 'error';
  return message.info ? 'info' : 'warn';
}

/** ESLint's fix is one replacement in the reported file; fixes that need more cannot be expressed. */
function eslintFix(fix: Fix, file: string): EslintFix | undefined {
  const [edit] = fix.edits;
  if (fix.edits.length !== 1 || edit.file !== file) return undefined;
  return { range: [edit.start, edit.end], text: edit.newText };
}

function messageOf(finding: Finding): LintMessage {
  const { range } = finding;
  const out: LintMessage = {
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    severity: finding.severity === 'error' ? 2 : 1,
    ...(finding.severity === 'info' ? { info: true as const } : {}),
    message: finding.message,
    ...(finding.help ? { help: finding.help } : {}),
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
  };
  const safe = safeFix(finding);
  const fix = safe && eslintFix(safe, finding.file);
  if (fix) out.fix = fix;
  const suggestions = finding.fixes.flatMap((candidate) => {
    const suggested = candidate.kind === 'suggestion' ? eslintFix(candidate, finding.file) : undefined;
    return suggested ? [{ desc: candidate.title, fix: suggested }] : [];
  });
  if (suggestions.length > 0) out.suggestions = suggestions;
  if (finding.related.length > 0) {
    out.related = finding.related.map((r) => ({ filePath: r.file, line: r.range.line, column: r.range.column, endLine: r.range.endLine, endColumn: r.range.endColumn, message: r.message }));
  }
  return out;
}

/** Findings in reading order, so every format lists them alike whatever order the rules ran in. */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.range.line - b.range.line ||
      a.range.column - b.range.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

export interface ResultTexts {
  /** The text a file was linted as, for `source`; undefined when it is not at hand. */
  source?: (file: string) => string | undefined;
  /** Fixed texts by file, for `output`. */
  output?: ReadonlyMap<string, string>;
}

/** One result per report: problems first (as fatal messages), then findings in reading order. */
export function toLintResults(reports: readonly FileReport[], texts: ResultTexts = {}): LintResult[] {
  return reports.map((report) => {
    const findings = sortedFindings(report.findings);
    const fixable = findings.filter((finding) => safeFix(finding));
    const problems: LintMessage[] = report.problems.map((problem) => ({ ruleId: null, fatal: true, severity: 2, message: problem }));
    const messages = [...problems, ...findings.map(messageOf)];
    const result: LintResult = {
      filePath: report.file,
      messages,
      suppressedMessages: [],
      errorCount: findings.filter((f) => f.severity === 'error').length + problems.length,
      fatalErrorCount: problems.length,
      warningCount: findings.filter((f) => f.severity === 'warn').length,
      infoCount: findings.filter((f) => f.severity === 'info').length,
      fixableErrorCount: fixable.filter((f) => f.severity === 'error').length,
      fixableWarningCount: fixable.filter((f) => f.severity === 'warn').length,
      usedDeprecatedRules: [],
    };
    const output = texts.output?.get(report.file);
    if (output !== undefined) result.output = output;
    else if (messages.length > 0) {
      const source = texts.source?.(report.file);
      if (source !== undefined) result.source = source;
    }
    return result;
  });
}

/** ESLint's result for a file named explicitly that an ignore pattern covers: a warning instead of a lint. */
export function ignoredResult(file: string): LintResult {
  return {
    filePath: file,
    messages: [
      {
        ruleId: null,
        fatal: false,
        severity: 1,
        message: 'File ignored because of a matching ignore pattern. Use "--no-ignore" to disable file ignore settings or use "--no-warn-ignored" to suppress this warning.',
      },
    ],
    suppressedMessages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 1,
    infoCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}
