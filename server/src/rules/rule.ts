// What a rule sees (the analysed app) and what it gives back (drafts of findings, positioned on tree nodes).
import type { ts } from 'ts-morph';
import type { Analysis } from '../engine/analysis.js';
import type { ProjectInfo } from '../engine/project.js';
import type { Receivers, SdkCall } from '../engine/receivers.js';
import type { Evaluator } from '../engine/values.js';
import type { ResolvedConfig } from '../engine/types.js';

export interface DraftEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

export interface DraftFix {
  title: string;
  kind: 'safe' | 'suggestion';
  isPreferred?: boolean;
  edits: DraftEdit[];
}

/** The other half of a finding: a node of the analysed code, or a span of another file (package.json, a page). */
export type DraftRelated = { node: ts.Node; message: string } | { file: string; start: number; end: number; message: string };

export interface Draft {
  node: ts.Node;
  message: string;
  related?: DraftRelated[];
  fixes?: DraftFix[];
}

export interface RuleContext {
  analysis: Analysis;
  evaluator: Evaluator;
  /** Facts about the app around a file (the callstats.js version it pins). */
  project: ProjectInfo;
  receivers: Receivers;
  /** Every SDK call in the analysed files, in file order. */
  calls: readonly SdkCall[];
  configFor(file: string): ResolvedConfig;
  report(draft: Draft): void;
  /** Records that checking something in `file` threw; the rule goes on with the rest. */
  fail(file: string, error: unknown): void;
}

/** Runs `check` for each call; one that throws is recorded against its file and the others still run. */
export function eachCall(context: RuleContext, calls: readonly SdkCall[], check: (call: SdkCall) => void): void {
  for (const call of calls) {
    try {
      check(call);
    } catch (error) {
      context.fail(call.file, error);
    }
  }
}

export interface Rule {
  id: string;
  run(context: RuleContext): void;
}

/** The text range of a node without its leading trivia. */
export function spanOf(node: ts.Node): { file: string; start: number; end: number } {
  return { file: node.getSourceFile().fileName, start: node.getStart(), end: node.getEnd() };
}

/** An edit that replaces a node's text. */
export function replaceNode(node: ts.Node, newText: string): DraftEdit {
  return { ...spanOf(node), newText };
}

/** A string literal in the quote style of `like` (single, double or backtick). */
export function quoteLike(like: ts.Node, text: string): string {
  const raw = like.getText();
  const quote = raw.startsWith('"') ? '"' : raw.startsWith('`') ? '`' : "'";
  const escaped = text.replace(/[\\\n\r\u2028\u2029\t]/g, (c) => JSON.stringify(c).slice(1, -1)).split(quote).join('\\' + quote);
  const safe = quote === '`' ? escaped.replace(/\$\{/g, '\\${') : escaped;
  return quote + safe + quote;
}

/** The line break for a line inserted at `offset`: the one that ends that line (else the one before it), so CRLF files stay CRLF. */
export function lineBreakAt(text: string, offset: number): string {
  const next = text.indexOf('\n', offset);
  const at = next >= 0 ? next : text.lastIndexOf('\n', offset);
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

/** Fills a message's `{{placeholders}}`. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}
