// Offsets to 1-based lines and columns (UTF-16 code units, as editors and ESLint count them), and the span an edit changed.
import type { SourceRange } from './types.js';

export function lineStarts(text: string): number[] {
  // Editors hide a byte order mark: line 1 starts after it, so its columns are those they show.
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The index of the line (in `starts`, the offsets where lines start) that holds `offset`. */
export function lineIndex(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function rangeOf(starts: number[], start: number, end: number): SourceRange {
  const startLine = lineIndex(starts, start);
  const endLine = lineIndex(starts, end);
  return {
    start,
    end,
    line: startLine + 1,
    column: Math.max(1, start - starts[startLine] + 1),
    endLine: endLine + 1,
    endColumn: Math.max(1, end - starts[endLine] + 1),
  };
}

/** Characters compared at once, natively, before the loop finds the first that differs. */
const CHUNK = 1024;

/**
 * The span of `before` that `after` replaced: `start`, and `before`'s and `after`'s ends of it, once
 * the common prefix and suffix are removed (the suffix never overlaps the prefix). Runs on every
 * keystroke in a file of any size: whole chunks are compared as strings first.
 */
export interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export function changedSpan(before: string, after: string): ChangedSpan {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start + CHUNK <= max && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix + CHUNK <= max - start && before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)) suffix += CHUNK;
  while (suffix < max - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
