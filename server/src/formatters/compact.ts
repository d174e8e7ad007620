// ESLint's compact format: one line per message, for editors' error parsers and grep.
import { levelOf, plural, type FormatContext, type LintResult, type MessageLevel } from './shared.js';

const TYPE: Record<MessageLevel, string> = { error: 'Error', warn: 'Warning', info: 'Info' };

export function compact(results: readonly LintResult[], _ctx: FormatContext): string {
  let output = '';
  let total = 0;
  for (const result of results) {
    for (const message of result.messages) {
      total++;
      const rule = message.ruleId ? ` (${message.ruleId})` : '';
      output += `${result.filePath}: line ${message.line ?? 0}, col ${message.column ?? 0}, ${TYPE[levelOf(message)]} - ${message.message}${rule}\n`;
    }
  }
  return total > 0 ? `${output}\n${plural(total, 'problem')}` : '';
}
