// GitHub Actions workflow commands: one annotation per finding on the pull request's diff.
import { escapeControls, printableName } from './escape.js';
import { levelOf, repositoryPath, type FormatContext, type LintResult, type MessageLevel } from './shared.js';

const COMMAND: Record<MessageLevel, string> = { error: 'error', warn: 'warning', info: 'notice' };

/** GitHub's escaping for a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also lose `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function github(results: readonly LintResult[], ctx: FormatContext): string {
  const lines: string[] = [];
  for (const result of results) {
    // A quoted name (one with control characters) matches no file of the diff, but can never end the
    // command; messages keep their line breaks, which escapeData encodes as GitHub reads them.
    const file = escapeProperty(printableName(repositoryPath(result.filePath, ctx.cwd)));
    for (const message of result.messages) {
      const command = COMMAND[levelOf(message)];
      if (message.line === undefined) {
        lines.push(`::${command} file=${file}::${escapeData(escapeControls(message.message, true))}`);
        continue;
      }
      const where = `file=${file},line=${message.line},col=${message.column},endLine=${message.endLine},endColumn=${message.endColumn}`;
      // The help on a line of its own: the annotation shows both.
      const text = message.help ? `${message.message}\n${message.help}` : message.message;
      lines.push(`::${command} ${where},title=${escapeProperty(message.ruleId ?? '')}::${escapeData(escapeControls(text, true))}`);
    }
  }
  return lines.join('\n');
}
