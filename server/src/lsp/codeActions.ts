// Quick fixes, "disable for this line" and fix-all, built from the findings of the document's last analysis.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_READ_BYTES, readRegularFile } from '../engine/disk.js';
import type { Finding, TextEdit as EngineEdit } from '../engine/types.js';
import { textChanges } from '../formatters/diff.js';
import type { FileAnalysis } from './analyzer.js';
import { DISABLE_NEXT_LINE, FIX_ALL_KIND } from './protocol.js';

export interface EditContext {
  /** The open document for a file, if the editor has it open. */
  openDocument(file: string): TextDocument | undefined;
  toUri(file: string): string;
}

/** Whether an action of `kind` was asked for; with no `only`, the editor wants the quick fixes. */
export function wants(only: string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((requested) => kind === requested || kind.startsWith(requested + '.'));
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * Fixes may edit files other than the one analysed; their offsets need that file's current text:
 * the open buffer when there is one, else the file on disk.
 */
function documentFor(file: string, context: EditContext, cache: Map<string, TextDocument | null>): TextDocument | undefined {
  if (!cache.has(file)) {
    let doc: TextDocument | null = context.openDocument(file) ?? null;
    if (!doc) {
      try {
        doc = TextDocument.create(context.toUri(file), 'javascript', 0, readRegularFile(file, MAX_READ_BYTES).toString('utf8'));
      } catch {
        doc = null;
      }
    }
    cache.set(file, doc);
  }
  return cache.get(file) ?? undefined;
}

/** The fix's edits grouped by URI, or undefined when a target file cannot be read. */
function toWorkspaceEdit(edits: EngineEdit[], context: EditContext, cache: Map<string, TextDocument | null>): WorkspaceEdit | undefined {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of edits) {
    const doc = documentFor(edit.file, context, cache);
    if (!doc) return undefined;
    const uri = context.toUri(edit.file);
    (changes[uri] ??= []).push({
      range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) },
      newText: edit.newText,
    });
  }
  return { changes };
}

function disableLineAction(finding: Finding, doc: TextDocument, diagnostic: Diagnostic): CodeAction {
  const line = finding.range.line - 1;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  return {
    title: `Disable ${finding.ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// ${DISABLE_NEXT_LINE} ${finding.ruleId}${eol}` }],
      },
    },
  };
}

/** Quick fixes for the findings that touch `range`: the engine's fixes first, then "disable". */
export function quickFixes(analysis: FileAnalysis, doc: TextDocument, range: Range, context: EditContext): CodeAction[] {
  const cache = new Map<string, TextDocument | null>([[analysis.file, doc]]);
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];
  analysis.findings.forEach((finding, index) => {
    const diagnostic = analysis.diagnostics[index];
    if (!overlaps(diagnostic.range, range)) return;
    for (const fix of finding.fixes) {
      const edit = toWorkspaceEdit(fix.edits, context, cache);
      if (!edit) continue;
      fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred === true, edit });
    }
    disables.push(disableLineAction(finding, doc, diagnostic));
  });
  return [...fixes, ...disables];
}

/**
 * Fix-all: the document as `--fix` would leave it (`fixed`, from the engine's fix loop: the same
 * fixes, passes and syntax check), as the edits that turn the buffer into it.
 */
export function fixAll(doc: TextDocument, fixed: string): CodeAction | undefined {
  const text = doc.getText();
  if (fixed === text) return undefined;
  const edits = textChanges(text, fixed).map((change) => ({ range: { start: doc.positionAt(change.start), end: doc.positionAt(change.end) }, newText: change.newText }));
  return { title: 'Fix all safe callstats-lint problems', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } };
}
