// Control flow the rules ask about: which statements exit, what runs later on every path, which conditions guard a node, what runs when a module loads.
import { ts } from 'ts-morph';

/** What leaves a statement early: `return` and `throw` leave the function, `break` and `continue` a loop or switch. */
export type Exit = 'return' | 'throw' | 'break' | 'continue';

const LEAVES_FUNCTION: ReadonlySet<Exit> = new Set(['return', 'throw']);
export const ANY_EXIT: ReadonlySet<Exit> = new Set(['return', 'throw', 'break', 'continue']);

/**
 * Visits `root` and its descendants depth first, with an explicit stack (generated code nests deeper
 * than the call stack allows), without entering nested functions and classes: their code runs when
 * they are called, not here. `visit` returns true to stop the walk.
 */
export function walkHere(root: ts.Node, visit: (node: ts.Node) => boolean | void): boolean {
  const stack: ts.Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node !== root && (ts.isFunctionLike(node) || ts.isClassLike(node))) continue;
    if (visit(node)) return true;
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return false;
}

function exitOf(node: ts.Node): Exit | undefined {
  if (ts.isReturnStatement(node)) return 'return';
  if (ts.isThrowStatement(node)) return 'throw';
  if (ts.isBreakStatement(node)) return 'break';
  if (ts.isContinueStatement(node)) return 'continue';
  return undefined;
}

/** Whether some path through the statement may leave it early by one of `kinds` (default: return or throw). */
export function mayExit(statement: ts.Node, kinds: ReadonlySet<Exit> = LEAVES_FUNCTION): boolean {
  return walkHere(statement, (node) => {
    const exit = exitOf(node);
    return exit !== undefined && kinds.has(exit) && !handledInside(node, statement, exit);
  });
}

/** A `break` or `continue` whose loop or switch is inside `statement` does not leave it. */
function handledInside(exit: ts.Node, statement: ts.Node, kind: Exit): boolean {
  if (kind !== 'break' && kind !== 'continue') return false;
  for (let node = exit.parent; node && node !== statement.parent; node = node.parent) {
    if (ts.isIterationStatement(node, false) || (kind === 'break' && ts.isSwitchStatement(node))) return true;
  }
  return false;
}

/** Whether every path through the statement leaves it by `return` or `throw` (one of `kinds`). */
export function alwaysExits(statement: ts.Statement, kinds: ReadonlySet<Exit> = LEAVES_FUNCTION): boolean {
  const exit = exitOf(statement);
  if (exit) return kinds.has(exit);
  if (ts.isBlock(statement)) return statement.statements.some((s) => alwaysExits(s, kinds));
  if (ts.isIfStatement(statement)) return !!statement.elseStatement && alwaysExits(statement.thenStatement, kinds) && alwaysExits(statement.elseStatement, kinds);
  if (ts.isTryStatement(statement)) {
    if (statement.finallyBlock && alwaysExits(statement.finallyBlock, kinds)) return true;
    return alwaysExits(statement.tryBlock, kinds) && (!statement.catchClause || alwaysExits(statement.catchClause.block, kinds));
  }
  if (ts.isLabeledStatement(statement)) return alwaysExits(statement.statement, kinds);
  return false;
}

/** The nearest function-like node around `node` (arrow functions included). */
export function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}

/**
 * Whether `node` runs when its module loads: outside every function, or in a class's static
 * initializer or static block. An instance field's initializer runs when an instance is made.
 */
export function runsAtLoad(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return false;
    if (ts.isClassStaticBlockDeclaration(current)) continue;
    if (ts.isPropertyDeclaration(current) && !ts.getModifiers(current)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return false;
  }
  return true;
}

/** The statement lists a node can sit in. */
function statementsOf(node: ts.Node): readonly ts.Statement[] | undefined {
  if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) return node.statements;
  return undefined;
}

/** The statement of a statement list that holds `node` (itself, or the `if` or loop around it), up to `scope`. */
function* enclosingStatements(node: ts.Node, scope: ts.Node | undefined): Generator<{ statement: ts.Statement; list: readonly ts.Statement[] }> {
  for (let current: ts.Node = node; current.parent && current !== scope; current = current.parent) {
    if (ts.isFunctionLike(current) && current !== node) return;
    const list = statementsOf(current.parent);
    if (list) yield { statement: current as ts.Statement, list };
  }
}

/**
 * Whether, once `node` has run, every path through the rest of its function (or module) reaches a
 * statement `reaches` accepts before anything could leave: the later statements of each enclosing
 * statement list, innermost first. A later statement that may return, throw, break or continue ends
 * the search unreached; so does the end of the function.
 */
export function reachesLater(node: ts.Node, reaches: (statement: ts.Statement) => boolean): boolean {
  for (const { statement, list } of enclosingStatements(node, undefined)) {
    for (const later of list.slice(list.indexOf(statement) + 1)) {
      if (reaches(later)) return true;
      if (mayExit(later, ANY_EXIT)) return false;
    }
  }
  return false;
}

/**
 * Whether running goes on from `from` to the later node `to` of the same function: no statement in
 * between, on the way out of `from`'s blocks, may return, throw, break or continue.
 */
export function runsOnTo(from: ts.Node, to: ts.Node): boolean {
  for (let current = from; current.parent; current = current.parent) {
    const parent = current.parent;
    if (ts.isReturnStatement(current) || ts.isThrowStatement(current)) return false;
    const list = statementsOf(parent);
    if (list && list.slice(list.indexOf(current as ts.Statement) + 1).some((s) => s.end <= to.pos && mayExit(s, ANY_EXIT))) return false;
    if (parent.pos <= to.pos && to.end <= parent.end) return true;
  }
  return true;
}

/** Whether two nodes sit in branches that exclude each other: of one if, conditional, switch, try, or `&&`/`||`/`??`. */
export function inExclusiveBranches(a: ts.Node, b: ts.Node): boolean {
  for (let current = a.parent; current; current = current.parent) {
    if (current.pos <= b.pos && b.end <= current.end) {
      return ts.isIfStatement(current) || ts.isConditionalExpression(current) || ts.isCaseBlock(current) || ts.isTryStatement(current) ||
        (ts.isBinaryExpression(current) && isLogical(current.operatorToken.kind));
    }
  }
  return false;
}

/** Whether code directly in `scope` (not in nested functions) awaits between the offsets `from` and `to`. */
export function awaitsWithin(scope: ts.Node, from = -1, to = Infinity): boolean {
  return walkHere(scope, (n) => n !== scope && (ts.isAwaitExpression(n) || (ts.isForOfStatement(n) && !!n.awaitModifier)) && n.pos >= from && n.end <= to);
}

/** Promise reactions that run once `expression` settles: the callbacks of `.then()` and `.finally()` chained on it, in order. */
export function continuations(expression: ts.Expression): ts.FunctionLikeDeclaration[] {
  const out: ts.FunctionLikeDeclaration[] = [];
  const stack: ts.Expression[] = [expression];
  while (stack.length) {
    const current = stack.pop()!;
    if (!ts.isCallExpression(current)) continue;
    const callee = current.expression;
    if (!ts.isPropertyAccessExpression(callee)) continue;
    const method = callee.name.text;
    if (method === 'then' || method === 'finally') {
      const callback = current.arguments[0];
      if (callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) out.unshift(callback);
    }
    stack.push(callee.expression);
  }
  return out;
}

/** A condition `node` runs under. */
export interface Guard {
  /** The `if`, conditional, `&&`/`||`/`??`, `case`, `catch`, optional call, or the earlier statement that returns. */
  at: ts.Node;
  /** The condition, when there is one (a case, a catch and an optional call have none). */
  condition?: ts.Expression;
  /** Whether `node` runs when the condition is true (`if (c) node`) or false (`if (c) return; node`, an else branch). */
  holds: boolean;
  /** An earlier `if (...) return;` (or throw) in a statement list, rather than a branch around `node`. */
  earlyExit: boolean;
}

/**
 * The conditions under which `node` runs, from the innermost out to `scope` (its function when not
 * given): branches around it, and earlier `if (...) return;` statements of the lists it sits in.
 */
export function guardsOf(node: ts.Node, scope: ts.Node | undefined = enclosingFunction(node)): Guard[] {
  const out: Guard[] = [];
  // `x?.m()`: the call itself runs only when `x` is there.
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.questionDotToken) out.push({ at: node, holds: true, earlyExit: false });
  for (let child: ts.Node = node; child.parent && child.parent !== scope; child = child.parent) {
    const parent = child.parent;
    if (ts.isFunctionLike(parent) || ts.isClassLike(parent)) break;
    if (ts.isIfStatement(parent) && child !== parent.expression) out.push({ at: parent, condition: parent.expression, holds: child === parent.thenStatement, earlyExit: false });
    else if (ts.isConditionalExpression(parent) && child !== parent.condition) out.push({ at: parent, condition: parent.condition, holds: child === parent.whenTrue, earlyExit: false });
    else if (ts.isBinaryExpression(parent) && child === parent.right && isLogical(parent.operatorToken.kind)) {
      out.push({ at: parent, condition: parent.left, holds: parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken, earlyExit: false });
    } else if (ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isCatchClause(parent)) out.push({ at: parent, holds: true, earlyExit: false });
    else if (ts.isCallExpression(parent) && parent.questionDotToken) out.push({ at: parent, holds: true, earlyExit: false });
    const list = statementsOf(parent);
    if (list) {
      for (const earlier of list.slice(0, list.indexOf(child as ts.Statement))) {
        if (ts.isIfStatement(earlier) && !earlier.elseStatement && alwaysExits(earlier.thenStatement)) {
          out.push({ at: earlier, condition: earlier.expression, holds: false, earlyExit: true });
        }
      }
    }
  }
  return out;
}

export function isLogical(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}
