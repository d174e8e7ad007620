// Human-readable output modelled on ESLint's stylish: findings grouped by file, aligned columns, a summary.
import type { FileReport, RelatedLocation, Severity } from '../engine/types.js';
import { escapeControls, printableName } from './escape.js';
import { displayPath, sortedFindings, type FormatContext } from './index.js';
import { safeFix } from '../engine/fixes.js';

type Style = 'red' | 'yellow' | 'blue' | 'dim' | 'underline' | 'bold';
const ANSI: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  dim: [2, 22],
  underline: [4, 24],
  bold: [1, 22],
};
const LABEL: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };
const COLOR: Record<Severity, Style> = { error: 'red', warn: 'yellow', info: 'blue' };

interface Row {
  line: string;
  column: string;
  severity: Severity;
  message: string;
  /** What to do, on a line of its own below the message. */
  help: string;
  ruleId: string;
  related: RelatedLocation[];
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function stylish(reports: FileReport[], ctx: FormatContext): string {
  const paint = (style: Style, text: string): string =>
    ctx.color && text ? `\u001b[${ANSI[style][0]}m${text}\u001b[${ANSI[style][1]}m` : text;
  const count: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let output = '\n';

  for (const report of reports) {
    // A file that could not be read has no location: ESLint shows such messages at 0:0.
    const rows: Row[] = report.problems.map((message) => ({
      line: '0',
      column: '0',
      severity: 'error',
      message,
      help: '',
      ruleId: '',
      related: [],
    }));
    for (const finding of sortedFindings(report.findings)) {
      rows.push({
        line: String(finding.range.line),
        column: String(finding.range.column),
        severity: finding.severity,
        message: finding.message,
        help: finding.help,
        ruleId: finding.ruleId,
        related: finding.related,
      });
      if (safeFix(finding)) {
        if (finding.severity === 'error') fixableErrors++;
        else fixableWarnings++;
      }
    }
    if (rows.length === 0) continue;
    for (const row of rows) count[row.severity]++;

    const width = (pick: (row: Row) => string): number => Math.max(...rows.map((row) => pick(row).length));
    const lineWidth = width((row) => row.line);
    const columnWidth = width((row) => row.column);
    const severityWidth = width((row) => LABEL[row.severity]);
    // ESLint drops a message's final period: the rule id follows on the same line.
    const text = (row: Row): string => escapeControls(row.message.replace(/([^ ])\.$/u, '$1'));
    // Messages are not padded to the longest one: the help below each would sit under a wide gap.
    const helpIndent = ' '.repeat(2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2);

    output += `${paint('underline', printableName(displayPath(report.file, ctx.cwd)))}\n`;
    for (const row of rows) {
      const position = paint('dim', `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`);
      const severity = paint(COLOR[row.severity], LABEL[row.severity].padEnd(severityWidth));
      output += `  ${position}  ${severity}  ${text(row)}  ${paint('dim', row.ruleId)}`.trimEnd() + '\n';
      if (row.help) output += `${helpIndent}${paint('dim', escapeControls(row.help))}\n`;
      for (const related of row.related) {
        const where = `${printableName(displayPath(related.file, ctx.cwd))}:${related.range.line}:${related.range.column}`;
        output += paint('dim', `    \u21b3 ${where} ${escapeControls(related.message)}`) + '\n';
      }
    }
    output += '\n';
  }

  const total = count.error + count.warn + count.info;
  if (total === 0) return '';
  const summaryColor: Style = count.error ? 'red' : count.warn ? 'yellow' : 'blue';
  const infos = count.info ? `, ${count.info} info` : '';
  const summary = `\u2716 ${plural(total, 'problem')} (${plural(count.error, 'error')}, ${plural(count.warn, 'warning')}${infos})`;
  output += paint('bold', paint(summaryColor, summary)) + '\n';
  if (fixableErrors + fixableWarnings > 0) {
    const fixable = `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`;
    output += paint('bold', paint(summaryColor, fixable)) + '\n';
  }
  return output;
}
