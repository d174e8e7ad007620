// Building the edits of fixes: node spans, string literals in the code's own quote style, line breaks as the file has them.
import { ts } from 'ts-morph';
import type { DraftEdit } from '../engine/rule.js';

/** The text range of a node without its leading trivia. */
function spanOf(node: ts.Node): { file: string; start: number; end: number } {
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

/**
 * Functions that only compute a value (string functions, random IDs, clocks): replacing a call of
 * theirs loses nothing but the value it gave.
 */
const PURE_METHODS = new Set(['repeat', 'padEnd', 'padStart', 'concat', 'toString', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'normalize', 'slice', 'substring', 'randomUUID', 'random', 'now', 'v1', 'v4', 'v7']);
const PURE_FUNCTIONS = new Set(['String', 'encodeURIComponent', 'encodeURI', 'uuid', 'uuidv1', 'uuidv4', 'uuidv7', 'nanoid', 'cuid', 'createId']);

/**
 * Whether evaluating the expression may do more than compute a value (`count++`, `queue.shift()`, a
 * call, an assignment): a fix that replaces it would delete that, so none is offered.
 */
export function hasSideEffects(node: ts.Node): boolean {
  const stack: ts.Node[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    switch (current.kind) {
      case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.PostfixUnaryExpression: {
        const operator = (current as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression).operator;
        if (operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken) return true;
        break;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const operator = (current as ts.BinaryExpression).operatorToken.kind;
        if (operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment) return true;
        break;
      }
      case ts.SyntaxKind.CallExpression:
        if (!isPureCall(current as ts.CallExpression)) return true;
        break;
      case ts.SyntaxKind.NewExpression:
      case ts.SyntaxKind.DeleteExpression:
      case ts.SyntaxKind.AwaitExpression:
      case ts.SyntaxKind.YieldExpression:
      case ts.SyntaxKind.TaggedTemplateExpression:
        return true;
      default:
        break;
    }
    current.forEachChild((child) => {
      stack.push(child);
    });
  }
  return false;
}

function isPureCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (callee.kind === ts.SyntaxKind.Identifier) return PURE_FUNCTIONS.has((callee as ts.Identifier).text);
  return callee.kind === ts.SyntaxKind.PropertyAccessExpression && PURE_METHODS.has((callee as ts.PropertyAccessExpression).name.text);
}
