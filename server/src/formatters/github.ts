// GitHub Actions workflow commands: one annotation per finding on the pull request's diff.
import type { FileReport, Severity } from '../engine/types.js';
import { escapeControls, printableName } from './escape.js';
import { displayPath, sortedFindings, type FormatContext } from './index.js';

const COMMAND: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'notice' };

/** GitHub's escaping for a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also lose `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function github(reports: FileReport[], ctx: FormatContext): string {
  const lines: string[] = [];
  for (const report of reports) {
    // A quoted name (one with control characters) matches no file of the diff, but can never end the
    // command; messages keep their line breaks, which escapeData encodes as GitHub reads them.
    const file = escapeProperty(printableName(displayPath(report.file, ctx.cwd).split('\\').join('/')));
    for (const problem of report.problems) lines.push(`::error file=${file}::${escapeData(escapeControls(problem, true))}`);
    for (const finding of sortedFindings(report.findings)) {
      const { line, column, endLine, endColumn } = finding.range;
      const where = `file=${file},line=${line},col=${column},endLine=${endLine},endColumn=${endColumn}`;
      // The help on a line of its own: the annotation shows both.
      const text = finding.help ? `${finding.message}\n${finding.help}` : finding.message;
      lines.push(`::${COMMAND[finding.severity]} ${where},title=${escapeProperty(finding.ruleId)}::${escapeData(escapeControls(text, true))}`);
    }
  }
  return lines.join('\n');
}
