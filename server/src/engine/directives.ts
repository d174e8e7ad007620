// Inline suppressions: `callstats-lint-disable-next-line <id>[, <id>] -- reason` and `-disable-line` (as `//` or `/* */` comments), and `/* callstats-lint-disable <id> */` for a file.
import { ts } from 'ts-morph';
import { lineStarts, rangeOf } from './positions.js';
import { Workspace } from './workspace.js';
import type { Finding, Severity } from './types.js';

/** The pseudo rule id of findings about the directives themselves. */
const DIRECTIVE_RULE_ID = 'unused-disable-directive';

export interface Directive {
  kind: 'next-line' | 'line' | 'file';
  /** The rule ids it names; empty means every rule. */
  ids: string[];
  /** The line it suppresses (next-line and line directives). */
  line: number;
  /** The comment's span. */
  start: number;
  end: number;
  used: Set<string>;
}

// Only the opener is a regular expression; each directive's end is found with indexOf, so the scan
// stays linear even with many openers and no closing `*/` (a repeated regex would be quadratic).
// Block comments take every form: JSX allows no other comment, so `{/* …-disable-line id */}`.
const OPENER = /\/\/[ \t]*callstats-lint-disable-(?:next-)?line\b|\/\*[ \t]*callstats-lint-disable(?:-(?:next-)?line)?\b/g;

function parseIds(text: string): string[] {
  return text
    .split('--')[0]
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Where the line holding `from` ends (before its \r\n or \n). */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return text.length;
}

/** Whether a text may hold directives; texts that do not have none. */
export function mayHaveDirectives(text: string): boolean {
  return text.includes('callstats-lint-disable');
}

export function parseDirectives(text: string): Directive[] {
  if (!mayHaveDirectives(text)) return [];
  const starts = lineStarts(text);
  const out: Directive[] = [];
  const opener = new RegExp(OPENER);
  // Once no `*/` follows some offset, none follows any later one.
  let closeless = text.length + 1;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const start = match.index;
    const after = start + match[0].length;
    const lineComment = match[0].startsWith('//');
    const kind = match[0].endsWith('-next-line') ? 'next-line' : match[0].endsWith('-line') ? 'line' : 'file';
    let end: number;
    if (lineComment) end = lineEnd(text, after);
    else {
      const close = after < closeless ? text.indexOf('*/', after) : -1;
      if (close < 0) {
        closeless = Math.min(closeless, after);
        opener.lastIndex = start + 1;
        continue;
      }
      end = close + 2;
    }
    opener.lastIndex = end;
    // A next-line directive covers the line after the comment's last, a line directive the line it starts on.
    const line = kind === 'next-line' ? rangeOf(starts, end, end).line + 1 : rangeOf(starts, start, start).line;
    out.push({ kind, ids: parseIds(text.slice(after, lineComment ? end : end - 2)), line, start, end, used: new Set() });
  }
  return out;
}

/** Whether a finding of `ruleId` on `line` is suppressed; marks the directive that suppresses it as used. */
export function suppresses(directives: Directive[], ruleId: string, line: number): boolean {
  for (const directive of directives) {
    if (directive.kind !== 'file' && directive.line !== line) continue;
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
export function directiveFindings(file: string, text: string, directives: Directive[], reportUnused: Severity | 'off', knownIds: readonly string[]): Finding[] {
  const starts = lineStarts(text);
  const out: Finding[] = [];
  const finding = (directive: Directive, messageId: string, message: string, help: string, data: Record<string, string>, severity: Severity): Finding => ({
    ruleId: DIRECTIVE_RULE_ID,
    messageId,
    data,
    severity,
    likely: false,
    message,
    help,
    file,
    range: rangeOf(starts, directive.start, directive.end),
    related: [],
    // Text that only looks like a directive (in a string, a template, JSX text) is not removed: that would break the code.
    fixes: isComment(file, text, directive.start) ? [{ title: 'Remove the directive', kind: 'safe', isPreferred: true, edits: [removal(file, text, directive)] }] : [],
  });
  for (const directive of directives) {
    const unknown = directive.ids.filter((id) => !knownIds.includes(id));
    if (unknown.length) {
      const rules = unknown.map((id) => `"${id}"`).join(', ');
      const known = knownIds.join(', ');
      out.push({ ...finding(directive, 'unknownRule', `Unknown rule ${rules} in a callstats-lint-disable directive`, `Name a known rule: ${known}.`, { rules, known }, 'warn'), fixes: [] });
      continue;
    }
    if (reportUnused === 'off' || directive.used.size) continue;
    const help = 'Remove the directive: it suppresses nothing.';
    if (directive.ids.length) {
      const rules = directive.ids.map((id) => `"${id}"`).join(', ');
      out.push(finding(directive, 'unusedNamed', `Unused callstats-lint-disable directive (no problems were reported from ${rules})`, help, { rules }, reportUnused));
    } else {
      out.push(finding(directive, 'unused', 'Unused callstats-lint-disable directive (no problems were reported)', help, {}, reportUnused));
    }
  }
  return out;
}

/** Whether a comment starts at `offset` of the file's code (pages: of their inline scripts). */
function isComment(file: string, text: string, offset: number): boolean {
  const { sourceFile } = new Workspace().parse({ file, text });
  let node: ts.Node = sourceFile;
  for (let child = node as ts.Node | undefined; child; ) {
    node = child;
    child = node.getChildren(sourceFile).find((c) => c.pos <= offset && offset < c.end);
  }
  // Inside a token (a string, a template, JSX text), or in the trivia before it.
  if (offset >= node.getStart(sourceFile)) return false;
  // Comments on the line of the token before are its trailing comments; the ones after a line break lead into this token.
  const comments = [...(ts.getTrailingCommentRanges(sourceFile.text, node.pos) ?? []), ...(ts.getLeadingCommentRanges(sourceFile.text, node.pos) ?? [])];
  return comments.some((comment) => comment.pos === offset);
}

/** Removes the comment, and its whole line when nothing else stands on it. */
function removal(file: string, text: string, directive: Directive) {
  const lineStart = text.lastIndexOf('\n', directive.start - 1) + 1;
  const newline = text.indexOf('\n', directive.end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const alone = text.slice(lineStart, directive.start).trim() === '' && text.slice(directive.end, newline === -1 ? text.length : newline).trim() === '';
  return alone ? { file, start: lineStart, end: lineEnd, newText: '' } : { file, start: directive.start, end: directive.end, newText: '' };
}
