// Offsets to 1-based lines and columns (UTF-16 code units, as editors and ESLint count them).
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

function lineIndex(starts: number[], offset: number): number {
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
