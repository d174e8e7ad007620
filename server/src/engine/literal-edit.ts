// Typing inside a string literal: the edit is patched into the parsed tree in place, so the tree and
// everything the analysis worked out about its structure stay valid (see RunKeeper in run.ts).
//
// An edit that stays between the quotes of one string literal, and leaves it one well-formed string
// literal, changes that literal's value and shifts the positions after it; the tree's shape does not
// change. Only literals the analysis follows as values take this path: the text of a module
// specifier, a property name or an `o['name']` key decides the structure the analysis builds.
import { ts } from 'ts-morph';
import { changedSpan, type ChangedSpan } from './positions.js';

/** A node or a node array: both carry the positions a patch shifts. */
type Span = { pos: number; end: number };

/**
 * Every node and node array of a tree in document order, which is also the order of their starts,
 * with their positions copied into typed arrays: shifting reads those, and only writes to the nodes
 * (which come in too many shapes for fast property reads).
 */
interface SpanTable {
  spans: Span[];
  pos: Int32Array;
  end: Int32Array;
}

const tables = new WeakMap<ts.SourceFile, SpanTable>();

function spanTable(sourceFile: ts.SourceFile): SpanTable {
  let table = tables.get(sourceFile);
  if (table) return table;
  const spans: Span[] = [];
  const visitNode = (node: ts.Node): void => {
    spans.push(node);
    ts.forEachChild(node, visitNode, visitArray);
  };
  const visitArray = (nodes: ts.NodeArray<ts.Node>): void => {
    spans.push(nodes);
    for (const node of nodes) visitNode(node);
  };
  visitNode(sourceFile);
  table = { spans, pos: Int32Array.from(spans, (s) => s.pos), end: Int32Array.from(spans, (s) => s.end) };
  tables.set(sourceFile, table);
  return table;
}

/**
 * Moves every span after `literal` by `delta`, and the end of every span around it. In document
 * order the spans after the literal are exactly those that follow it in the table; the ones around
 * it come before it, and are the only earlier spans that reach its end.
 */
function shiftAfter(table: SpanTable, literal: ts.Node, delta: number): void {
  const { spans, pos, end } = table;
  let at = lowerBound(pos, literal.pos);
  while (at < spans.length && spans[at] !== literal) at++;
  if (at === spans.length) throw new Error('a string literal is missing from its tree');
  const literalEnd = end[at];
  for (let i = 0; i < at; i++) {
    if (end[i] >= literalEnd) spans[i].end = end[i] += delta;
  }
  spans[at].end = end[at] += delta;
  for (let i = at + 1; i < spans.length; i++) {
    spans[i].pos = pos[i] += delta;
    spans[i].end = end[i] += delta;
  }
}

/** The first index whose value is at least `value`, in an ascending array. */
function lowerBound(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The deepest node whose span holds [start, end]. */
function deepestNodeHolding(sourceFile: ts.SourceFile, start: number, end: number): ts.Node {
  let node: ts.Node = sourceFile;
  for (;;) {
    const child = ts.forEachChild(node, (c) => (c.pos <= start && end <= c.end ? c : undefined));
    if (!child) return node;
    node = child;
  }
}

/** Whether the literal is a value the analysis follows, and no name, module specifier or type. */
export function isValueLiteral(literal: ts.StringLiteral): boolean {
  const parent = literal.parent;
  switch (parent.kind) {
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression: {
      const call = parent as ts.CallExpression | ts.NewExpression;
      if (!call.arguments?.includes(literal)) return false;
      const callee = call.expression;
      // require('./x') and import('./x') name modules.
      return callee.kind !== ts.SyntaxKind.ImportKeyword && !(ts.isIdentifier(callee) && callee.text === 'require');
    }
    case ts.SyntaxKind.VariableDeclaration:
    case ts.SyntaxKind.PropertyAssignment:
    case ts.SyntaxKind.PropertyDeclaration:
    case ts.SyntaxKind.Parameter:
    case ts.SyntaxKind.BindingElement:
      return (parent as ts.VariableDeclaration).initializer === literal;
    case ts.SyntaxKind.ArrowFunction:
      return (parent as ts.ArrowFunction).body === literal;
    case ts.SyntaxKind.BinaryExpression:
    case ts.SyntaxKind.ConditionalExpression:
    case ts.SyntaxKind.TemplateSpan:
    case ts.SyntaxKind.ArrayLiteralExpression:
    case ts.SyntaxKind.ReturnStatement:
    case ts.SyntaxKind.ExportAssignment:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.CaseClause:
    case ts.SyntaxKind.JsxExpression:
      return true;
    default:
      // Parenthesized, `o['name']`, names, specifiers, literal types, 'use strict', JSX attribute
      // strings (read without escapes), and the rest.
      return false;
  }
}

/** The token's value when `text` is exactly one well-formed string literal, else undefined. */
function literalValue(text: string): { value: string; extendedEscape: boolean } | undefined {
  let broken = false;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text, () => {
    broken = true;
  });
  if (scanner.scan() !== ts.SyntaxKind.StringLiteral || broken || scanner.isUnterminated() || scanner.getTokenEnd() !== text.length) return undefined;
  return { value: scanner.getTokenValue(), extendedEscape: scanner.hasExtendedUnicodeEscape() };
}

/**
 * Patches `newText` into the tree of `sourceFile` when it differs from the tree's text only between
 * the quotes of one value literal (see isValueLiteral). Returns whether it did; the tree is then the
 * tree a fresh parse of `newText` gives, with the same node objects. Otherwise nothing is touched.
 * `span` is what changed, when the caller has worked it out already.
 */
export function patchLiteralEdit(sourceFile: ts.SourceFile, newText: string, span: ChangedSpan = changedSpan(sourceFile.text, newText)): boolean {
  const oldText = sourceFile.text;
  const { start, oldEnd } = span;
  const delta = newText.length - oldText.length;

  const literal = deepestNodeHolding(sourceFile, start, oldEnd);
  if (!ts.isStringLiteral(literal) || !isValueLiteral(literal)) return false;
  const tokenStart = literal.getStart(sourceFile);
  // Strictly between the quotes: an edit of a quote could join the literal to its neighbours.
  if (start <= tokenStart || oldEnd >= literal.end) return false;
  if (!literalValue(oldText.slice(tokenStart, literal.end))) return false;
  const patched = literalValue(newText.slice(tokenStart, literal.end + delta));
  if (!patched) return false;

  const literalEnd = literal.end;
  shiftAfter(spanTable(sourceFile), literal, delta);
  const mutable = literal as { text: string; hasExtendedUnicodeEscape?: boolean };
  mutable.text = patched.value;
  mutable.hasExtendedUnicodeEscape = patched.extendedEscape;
  // What the parser kept beside the nodes: line starts (computed again from the new text when asked
  // for), and the positions of its diagnostics and comment directives, which a later incremental
  // parse carries over.
  const file = sourceFile as unknown as {
    text: string;
    lineMap?: unknown;
    parseDiagnostics?: { start: number }[];
    commentDirectives?: { range: { pos: number; end: number } }[];
  };
  file.text = newText;
  file.lineMap = undefined;
  for (const diagnostic of file.parseDiagnostics ?? []) if (diagnostic.start >= literalEnd) diagnostic.start += delta;
  for (const { range } of file.commentDirectives ?? []) {
    if (range.pos >= literalEnd) {
      range.pos += delta;
      range.end += delta;
    }
  }
  return true;
}
