// Applying text edits: shared by `--fix` in the CLI and by tests; the editor applies edits itself.
import type { Finding, Fix, TextEdit } from './types.js';

/**
 * Applies non-overlapping edits to one file's text. Edits that overlap an earlier one (by start
 * offset) are skipped and returned, so a caller can run again; nothing is ever half-applied.
 */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const skipped: TextEdit[] = [];
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
      skipped.push(edit);
      continue;
    }
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return { text: out + text.slice(cursor), skipped };
}

/** The fix `--fix` and the editor's fix-all apply for a finding: its preferred safe fix, else its first safe one. */
export function safeFix(finding: Finding): Fix | undefined {
  const safe = finding.fixes.filter((fix) => fix.kind === 'safe');
  return safe.find((fix) => fix.isPreferred) ?? safe[0];
}
