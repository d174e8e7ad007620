// What the formatters share: the context they are given, display paths, plurals and message levels.
import * as path from 'node:path';
import { styleText } from 'node:util';
import type { RuleMeta } from '../engine/rule.js';

export { levelOf, type LintMessage, type LintResult, type MessageLevel } from './results.js';

export interface FormatContext {
  /** Paths in the report are shown relative to this folder. */
  cwd: string;
  /** ANSI colours (stylish only): decided by the caller from the terminal, --color and NO_COLOR / FORCE_COLOR. */
  color?: boolean;
  /** The metadata of the rules that ran (SARIF describes each). */
  rules: readonly RuleMeta[];
}

/** Relative to cwd when the file is below it (shorter, and still clickable in terminals); absolute otherwise. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Relative to cwd with forward slashes, as CI services expect repository paths; absolute outside cwd. */
export function repositoryPath(file: string, cwd: string): string {
  return displayPath(file, cwd).split(path.sep).join('/');
}

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export type Style = Parameters<typeof styleText>[0];

/**
 * A painter: util.styleText when colours are on, the text unchanged when they are off. The caller has
 * decided (a report may go to a file, or be asked for in colour), so styleText does not look at stdout again.
 */
export function painter(color: boolean | undefined): (style: Style, text: string) => string {
  return (style, text) => (color && text ? styleText(style, text, { validateStream: false }) : text);
}

/** Escapes text for an XML attribute or text node. */
export function xmlEscape(text: string | number): string {
  return String(text)
    // Characters XML 1.0 cannot hold at all: dropped rather than making the document unreadable.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
