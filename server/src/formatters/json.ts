// ESLint's JSON result format, so tools that read `eslint -f json` output read ours unchanged.
import type { FileReport, Finding, Fix } from '../engine/types.js';
import { sortedFindings, type FormatContext } from './index.js';
import { safeFix } from '../engine/fixes.js';

interface EslintFix {
  range: [number, number];
  text: string;
}

interface EslintMessage {
  ruleId: string | null;
  /** The rule's message id, as ESLint gives it for rules that declare messages. */
  messageId?: string;
  fatal?: true;
  severity: 1 | 2;
  message: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: EslintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
}

/** ESLint's fix is one replacement in the reported file; fixes that need more cannot be expressed. */
function eslintFix(fix: Fix, file: string): EslintFix | undefined {
  const [edit] = fix.edits;
  if (fix.edits.length !== 1 || edit.file !== file) return undefined;
  return { range: [edit.start, edit.end], text: edit.newText };
}

function message(finding: Finding): EslintMessage {
  const { range } = finding;
  const out: EslintMessage = {
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    severity: finding.severity === 'error' ? 2 : 1,
    message: finding.message,
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
  return out;
}

export function toEslintResults(reports: FileReport[]): EslintResult[] {
  return reports.map((report) => {
    const findings = sortedFindings(report.findings);
    const fixable = findings.filter((finding) => safeFix(finding));
    const errors = findings.filter((finding) => finding.severity === 'error');
    const problems: EslintMessage[] = report.problems.map((problem) => ({ ruleId: null, fatal: true, severity: 2, message: problem }));
    return {
      filePath: report.file,
      messages: [...problems, ...findings.map(message)],
      suppressedMessages: [],
      errorCount: errors.length + problems.length,
      fatalErrorCount: problems.length,
      warningCount: findings.length - errors.length,
      fixableErrorCount: fixable.filter((finding) => finding.severity === 'error').length,
      fixableWarningCount: fixable.filter((finding) => finding.severity !== 'error').length,
      usedDeprecatedRules: [],
    };
  });
}

export function json(reports: FileReport[], _ctx: FormatContext): string {
  return JSON.stringify(toEslintResults(reports));
}
