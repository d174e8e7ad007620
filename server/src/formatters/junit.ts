// JUnit XML, as ESLint writes it: one test suite per file, one failing test case per message (Jenkins, GitLab).
import * as path from 'node:path';
import { levelOf, xmlEscape, type FormatContext, type LintResult, type MessageLevel } from './shared.js';

const TYPE: Record<MessageLevel, string> = { error: 'Error', warn: 'Warning', info: 'Info' };

/** The file's path without its extension, as ESLint's junit format names a test case's class. */
function classnameOf(file: string): string {
  const { dir, name } = path.parse(file);
  return path.join(dir, name);
}

/** Escaped inside CDATA too, as ESLint does: then no text can end the section early. */
const cdata = (text: string): string => `<![CDATA[${xmlEscape(text)}]]>`;

export function junit(results: readonly LintResult[], _ctx: FormatContext): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites>'];
  for (const result of results) {
    const name = xmlEscape(result.filePath);
    const classname = xmlEscape(classnameOf(result.filePath));
    const { messages } = result;
    lines.push(`<testsuite package="org.callstats-lint" time="0" tests="${messages.length || 1}" errors="${messages.length}" name="${name}">`);
    if (messages.length === 0) lines.push(`<testcase time="0" name="${name}" classname="${classname}" />`);
    for (const message of messages) {
      const type = message.fatal ? 'error' : 'failure';
      const rule = message.ruleId ? ` (${message.ruleId})` : '';
      const text = `line ${message.line ?? 0}, col ${message.column ?? 0}, ${TYPE[levelOf(message)]} - ${message.message}${rule}`;
      lines.push(
        `<testcase time="0" name="org.callstats-lint.${xmlEscape(message.ruleId ?? 'unknown')}" classname="${classname}">` +
          `<${type} message="${xmlEscape(message.message)}">${cdata(text)}</${type}></testcase>`,
      );
    }
    lines.push('</testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n');
}
