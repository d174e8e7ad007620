// Human-readable output modelled on ESLint's stylish: findings grouped by file, aligned columns, a summary.
import { escapeControls, printableName } from './escape.js';
import { displayPath, levelOf, painter, plural, type FormatContext, type LintResult, type MessageLevel, type Style } from './shared.js';

const LABEL: Record<MessageLevel, string> = { error: 'error', warn: 'warning', info: 'info' };
const COLOR: Record<MessageLevel, Style> = { error: 'red', warn: 'yellow', info: 'blue' };

export function stylish(results: readonly LintResult[], ctx: FormatContext): string {
  const paint = painter(ctx.color);
  const count: Record<MessageLevel, number> = { error: 0, warn: 0, info: 0 };
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let output = '\n';

  for (const result of results) {
    if (result.messages.length === 0) continue;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    // A file that could not be read has no location: ESLint shows such messages at 0:0.
    const rows = result.messages.map((message) => ({
      line: String(message.line ?? 0),
      column: String(message.column ?? 0),
      level: levelOf(message),
      // ESLint drops a message's final period: the rule id follows on the same line.
      text: escapeControls(message.message.replace(/([^ ])\.$/u, '$1')),
      help: escapeControls(message.help ?? ''),
      ruleId: message.ruleId ?? '',
      related: message.related ?? [],
    }));
    for (const row of rows) count[row.level]++;

    const width = (pick: (row: (typeof rows)[number]) => string): number => Math.max(...rows.map((row) => pick(row).length));
    const lineWidth = width((row) => row.line);
    const columnWidth = width((row) => row.column);
    const levelWidth = width((row) => LABEL[row.level]);
    // Messages are not padded to the longest one: the help below each would sit under a wide gap.
    const helpIndent = ' '.repeat(2 + lineWidth + 1 + columnWidth + 2 + levelWidth + 2);

    output += `${paint('underline', printableName(displayPath(result.filePath, ctx.cwd)))}\n`;
    for (const row of rows) {
      const position = paint('dim', `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`);
      const level = paint(COLOR[row.level], LABEL[row.level].padEnd(levelWidth));
      output += `  ${position}  ${level}  ${row.text}  ${paint('dim', row.ruleId)}`.trimEnd() + '\n';
      if (row.help) output += `${helpIndent}${paint('dim', row.help)}\n`;
      for (const related of row.related) {
        const where = `${printableName(displayPath(related.filePath, ctx.cwd))}:${related.line}:${related.column}`;
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
