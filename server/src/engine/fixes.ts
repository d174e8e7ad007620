// Applying fixes: the one fix loop behind `--fix`, `--fix-dry-run` and the tests; the editor applies edits itself.
import type { Linter, LintRequest } from './linter.js';
import { Workspace } from './workspace.js';
import type { FileReport, Finding, Fix, TextEdit } from './types.js';

/** ESLint's limit: fixes can enable further fixes, but a fix that keeps re-triggering must not loop forever. */
export const MAX_FIX_PASSES = 10;

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

/**
 * One safe fix per finding, in file order, leaving out a fix that overlaps one already chosen or
 * that edits a file `fixable` refuses (one not named for linting, say): a fix's edits are applied
 * together or not at all, and what is left out is picked up by the next pass.
 */
export function chooseFixes(reports: FileReport[], fixable: (file: string) => boolean): Fix[] {
  const chosen: Fix[] = [];
  const taken = new Map<string, TextEdit[]>();
  const clashes = (edit: TextEdit) =>
    (taken.get(edit.file) ?? []).some((other) => (edit.start < other.end && other.start < edit.end) || edit.start === other.start);
  for (const report of reports) {
    const findings = [...report.findings].sort((a, b) => a.range.start - b.range.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    for (const finding of findings) {
      const fix = safeFix(finding);
      if (!fix || !fix.edits.length || fix.edits.some((edit) => !fixable(edit.file) || clashes(edit))) continue;
      chosen.push(fix);
      for (const edit of fix.edits) taken.set(edit.file, [...(taken.get(edit.file) ?? []), edit]);
    }
  }
  return chosen;
}

export interface FixOutcome {
  /** The fixed text of every file the fixes changed. */
  fixed: Map<string, string>;
  /** The last lint, of the fixed texts: what remains. */
  reports: FileReport[];
  /** Lints run after the first one. */
  passes: number;
  /** Safe fixes left out because the file would parse worse with them: a rule's bug, never applied. */
  rejected: Fix[];
}

/** How many syntax errors the compiler finds in a file's text (pages: in their inline scripts). */
export function syntaxErrorCount(file: string, text: string, parser = new Workspace()): number {
  const { sourceFile } = parser.parse({ file, text });
  // parseDiagnostics is internal to the compiler, and the only way to get syntax errors without a program.
  return (sourceFile as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length;
}

/**
 * Applies the safe fixes pass by pass, in memory, until a pass changes nothing or MAX_FIX_PASSES
 * passes have run. Each pass lints the texts fixed so far (as overlays of `linter`, removed again
 * at the end) so that fixes enabled by earlier ones are found too.
 *
 * `original(file)` is the text the first lint saw, or undefined when the file must not be changed
 * (not named for linting, unreadable, changed on disk): fixes touching such a file are left out.
 * A file whose fixed text would have more syntax errors than before the pass keeps only the fixes
 * that, applied one by one, do not add any.
 */
export function fixFiles(linter: Linter, request: LintRequest, first: FileReport[], original: (file: string) => string | undefined): FixOutcome {
  const fixed = new Map<string, string>();
  // Editor buffers stand in for some files: each gets its own text back at the end.
  const buffers = new Map<string, string | undefined>();
  const current = (file: string) => fixed.get(file) ?? original(file);
  const errors = syntaxErrorCounter();
  const rejected: Fix[] = [];
  let reports = first;
  let passes = 0;
  try {
    for (; passes < MAX_FIX_PASSES; passes++) {
      let changed = false;
      for (const [file, text] of applyChecked(chooseFixes(reports, (file) => current(file) !== undefined), current, errors, rejected)) {
        if (text === current(file)) continue;
        if (!buffers.has(file)) buffers.set(file, linter.overlay(file));
        fixed.set(file, text);
        linter.setOverlay(file, text);
        changed = true;
      }
      if (!changed) break;
      reports = linter.lint(request);
    }
  } finally {
    for (const [file, buffer] of buffers) linter.setOverlay(file, buffer);
  }
  return { fixed, reports, passes, rejected };
}

/**
 * The text `--fix` gives one file from its lint report, with its fix loop (the same fixes, passes and
 * syntax check): the editor's fix-all, so the editor and the CLI never disagree on what a fix-all writes.
 */
export function fixedText(linter: Linter, request: LintRequest, report: FileReport, text: string): string {
  return fixFiles(linter, request, [report], (file) => (file === report.file ? text : undefined)).fixed.get(report.file) ?? text;
}

/** Counts syntax errors, remembering the texts it has seen (each pass re-checks the previous pass's results). */
function syntaxErrorCounter(): (file: string, text: string) => number {
  const parser = new Workspace();
  const seen = new Map<string, Map<string, number>>();
  return (file, text) => {
    const known = seen.get(file) ?? new Map<string, number>();
    seen.set(file, known);
    let count = known.get(text);
    if (count === undefined) known.set(text, (count = syntaxErrorCount(file, text, parser)));
    return count;
  };
}

/**
 * The fixed text of each file the fixes touch. A file that would have more syntax errors gets its
 * fixes one by one, keeping those that add none; a rejected fix that also edits other files is
 * then left out of those too, so no fix is ever half-applied.
 */
function applyChecked(
  fixes: Fix[],
  current: (file: string) => string | undefined,
  errors: (file: string, text: string) => number,
  rejected: Fix[],
): Map<string, string> {
  for (;;) {
    const byFile = new Map<string, Fix[]>();
    for (const fix of fixes) for (const file of new Set(fix.edits.map((e) => e.file))) byFile.set(file, [...(byFile.get(file) ?? []), fix]);
    const refused: Fix[] = [];
    const results = new Map<string, string>();
    for (const [file, list] of byFile) {
      const before = current(file)!;
      const text = applyEdits(before, list.flatMap((fix) => fix.edits.filter((e) => e.file === file))).text;
      results.set(file, errors(file, text) <= errors(file, before) ? text : applyOneByOne(file, before, list, errors, refused));
    }
    rejected.push(...refused);
    if (!refused.some((fix) => fix.edits.some((e) => e.file !== fix.edits[0].file))) return results;
    fixes = fixes.filter((fix) => !refused.includes(fix));
  }
}

/** The fixes that each keep the file's syntax error count, applied in order; the others are refused. */
function applyOneByOne(file: string, text: string, fixes: Fix[], errors: (file: string, text: string) => number, refused: Fix[]): string {
  let current = text;
  const applied: TextEdit[] = [];
  // Offsets are those of `text`: an edit moves by what the applied edits before it added or removed.
  const shift = (at: number) => applied.filter((e) => e.end <= at).reduce((delta, e) => delta + e.newText.length - (e.end - e.start), 0);
  for (const fix of fixes) {
    const edits = fix.edits.filter((e) => e.file === file);
    const next = applyEdits(current, edits.map((e) => ({ ...e, start: e.start + shift(e.start), end: e.end + shift(e.start) }))).text;
    if (errors(file, next) > errors(file, current)) {
      refused.push(fix);
      continue;
    }
    current = next;
    applied.push(...edits);
  }
  return current;
}
