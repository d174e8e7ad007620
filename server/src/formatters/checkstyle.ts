// Checkstyle XML, as ESLint writes it: read by Jenkins' Warnings plugin and other CI dashboards.
import { levelOf, xmlEscape, type FormatContext, type LintResult, type MessageLevel } from './shared.js';

const SEVERITY: Record<MessageLevel, string> = { error: 'error', warn: 'warning', info: 'info' };

export function checkstyle(results: readonly LintResult[], _ctx: FormatContext): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const result of results) {
    lines.push(`<file name="${xmlEscape(result.filePath)}">`);
    for (const message of result.messages) {
      const rule = message.ruleId ? ` (${message.ruleId})` : '';
      const source = message.ruleId ? `callstats-lint.rules.${message.ruleId}` : '';
      lines.push(
        `<error line="${message.line ?? 0}" column="${message.column ?? 0}" severity="${SEVERITY[levelOf(message)]}" ` +
          `message="${xmlEscape(message.message + rule)}" source="${xmlEscape(source)}" />`,
      );
    }
    lines.push('</file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n');
}
