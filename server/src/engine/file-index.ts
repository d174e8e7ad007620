// The index of one parsed file: its assignments, calls, `new` expressions and functions by name, from one walk per top-level statement.
import { ts } from 'ts-morph';
import { accessedName, unwrap } from './syntax.js';
import type { ParsedFile } from './workspace.js';

/** One parsed file and what a single walk of it found. */
export interface FileIndex {
  parsed: ParsedFile;
  /** Assignments `x = v` and `o.p = v` by the assigned name (`x` or `p`). */
  writes: Map<string, ts.BinaryExpression[]>;
  /** Calls by the called name (`f(...)` and `o.f(...)` both under `f`). */
  calls: Map<string, ts.CallExpression[]>;
  /** `new C(...)` and `new o.C(...)` by the constructed name (`C`). */
  news: Map<string, ts.NewExpression[]>;
  /** Every function-like node, for look-ups of callers. */
  functions: ts.FunctionLikeDeclaration[];
}

/** Indexes depend on nothing but their tree: kept while the tree is, across runs. */
const indexCache = new WeakMap<ts.SourceFile, FileIndex>();

export function indexOf(parsed: ParsedFile): FileIndex {
  let index = indexCache.get(parsed.sourceFile);
  if (!index || index.parsed !== parsed) {
    index = buildIndex(parsed);
    indexCache.set(parsed.sourceFile, index);
  }
  return index;
}

/** What one walk over a subtree finds: assignments and calls by name, and every function. */
interface Found {
  writes: Map<string, ts.BinaryExpression[]>;
  calls: Map<string, ts.CallExpression[]>;
  news: Map<string, ts.NewExpression[]>;
  functions: ts.FunctionLikeDeclaration[];
}

/**
 * Per top-level statement. An incremental parse gives the statements an edit did not touch back as the
 * same objects with the same subtrees, so only the edited ones are walked again.
 */
const statementFinds = new WeakMap<ts.Statement, Found>();

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Appends one by one: a spread of a generated file's thousands of calls could overflow the stack. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

function appendAll<T>(to: Map<string, T[]>, from: Map<string, T[]>): void {
  for (const [key, items] of from) {
    const list = to.get(key);
    if (list) append(list, items);
    else to.set(key, [...items]);
  }
}

/** A depth-first walk from `root` with an explicit stack (generated code nests deeper than the call stack allows). */
function walk(root: ts.Node, found: Found): void {
  const stack: ts.Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(node.left);
      const name = ts.isIdentifier(left) ? left.text : accessedName(left);
      if (name !== undefined) push(found.writes, name, node);
    } else if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const name = ts.isIdentifier(callee) ? callee.text : accessedName(callee);
      if (name !== undefined) push(found.calls, name, node);
    } else if (ts.isNewExpression(node)) {
      const callee = unwrap(node.expression);
      const name = ts.isIdentifier(callee) ? callee.text : accessedName(callee);
      if (name !== undefined) push(found.news, name, node);
    } else if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      found.functions.push(node as ts.FunctionLikeDeclaration);
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
}

const emptyFound = (): Found => ({ writes: new Map(), calls: new Map(), news: new Map(), functions: [] });

/**
 * Assignments and calls by name, and every function, in the order of one depth-first walk of the
 * whole file (the last statement first, as the walk's stack takes them): put together from the
 * walks of its top-level statements.
 */
export function buildIndex(parsed: ParsedFile): FileIndex {
  const file = emptyFound();
  const statements = parsed.sourceFile.statements;
  for (let i = statements.length - 1; i >= 0; i--) {
    let found = statementFinds.get(statements[i]);
    if (!found) {
      found = emptyFound();
      walk(statements[i], found);
      statementFinds.set(statements[i], found);
    }
    appendAll(file.writes, found.writes);
    appendAll(file.calls, found.calls);
    appendAll(file.news, found.news);
    append(file.functions, found.functions);
  }
  return { parsed, ...file };
}
