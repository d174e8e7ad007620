// Inline suppressions: `// callstats-lint-disable-next-line <id>[, <id>] -- reason` and `/* callstats-lint-disable <id> */` for a file.
import { RULE_IDS } from '../rules/ids.js';
import { lineStarts, rangeOf } from './positions.js';
import type { Finding, Severity } from './types.js';

/** The pseudo rule id of findings about the directives themselves. */
export const DIRECTIVE_RULE_ID = 'unused-disable-directive';

export interface Directive {
  kind: 'next-line' | 'file';
  /** The rule ids it names; empty means every rule. */
  ids: string[];
  /** The line it suppresses (next-line directives). */
  line: number;
  /** The comment's span. */
  start: number;
  end: number;
  used: Set<string>;
}

// Anchored at the comment opener and bounded by the line or the comment's end: no backtracking blow-up.
const DIRECTIVE = /\/\/[ \t]*callstats-lint-disable-next-line\b([^\r\n]*)|\/\*[ \t]*callstats-lint-disable\b((?:[^*]|\*(?!\/))*)\*\//g;

function parseIds(text: string): string[] {
  return text
    .split('--')[0]
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseDirectives(text: string): Directive[] {
  if (!text.includes('callstats-lint-disable')) return [];
  const starts = lineStarts(text);
  const out: Directive[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index!;
    const end = start + match[0].length;
    const nextLine = match[1] !== undefined;
    out.push({
      kind: nextLine ? 'next-line' : 'file',
      ids: parseIds(nextLine ? match[1] : match[2]),
      line: rangeOf(starts, start, start).line + 1,
      start,
      end,
      used: new Set(),
    });
  }
  return out;
}

/** Whether a finding of `ruleId` on `line` is suppressed; marks the directive that suppresses it as used. */
export function suppresses(directives: Directive[], ruleId: string, line: number): boolean {
  for (const directive of directives) {
    if (directive.kind === 'next-line' && directive.line !== line) continue;
    if (directive.ids.length && !directive.ids.includes(ruleId)) continue;
    directive.used.add(ruleId);
    return true;
  }
  return false;
}

/**
 * Findings about the directives: unknown rule ids always (a typo suppresses nothing), and, when
 * asked, directives that suppressed nothing, with a fix that removes them.
 */
export function directiveFindings(file: string, text: string, directives: Directive[], reportUnused: Severity | 'off'): Finding[] {
  const starts = lineStarts(text);
  const out: Finding[] = [];
  const finding = (directive: Directive, message: string, severity: Severity): Finding => ({
    ruleId: DIRECTIVE_RULE_ID,
    severity,
    message,
    file,
    range: rangeOf(starts, directive.start, directive.end),
    related: [],
    fixes: [{ title: 'Remove the directive', kind: 'safe', isPreferred: true, edits: [removal(file, text, directive)] }],
  });
  for (const directive of directives) {
    const unknown = directive.ids.filter((id) => !RULE_IDS.includes(id));
    if (unknown.length) {
      out.push({ ...finding(directive, `unknown rule ${unknown.map((id) => `"${id}"`).join(', ')} in a callstats-lint-disable directive; known rules: ${RULE_IDS.join(', ')}`, 'warn'), fixes: [] });
      continue;
    }
    if (reportUnused === 'off' || directive.used.size) continue;
    const named = directive.ids.length ? ` (no problems were reported from ${directive.ids.map((id) => `"${id}"`).join(', ')})` : ' (no problems were reported)';
    out.push(finding(directive, `unused callstats-lint-disable directive${named}`, reportUnused));
  }
  return out;
}

/** Removes the comment, and its whole line when nothing else stands on it. */
function removal(file: string, text: string, directive: Directive) {
  const lineStart = text.lastIndexOf('\n', directive.start - 1) + 1;
  const newline = text.indexOf('\n', directive.end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const alone = text.slice(lineStart, directive.start).trim() === '' && text.slice(directive.end, newline === -1 ? text.length : newline).trim() === '';
  return alone ? { file, start: lineStart, end: lineEnd, newText: '' } : { file, start: directive.start, end: directive.end, newText: '' };
}
