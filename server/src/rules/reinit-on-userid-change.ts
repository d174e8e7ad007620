// Rule reinit-on-userid-change: when the local userID changes, the app must call initialize() again with it.
import { ts } from 'ts-morph';
import { accessedName, propertyNameText, unwrap, type Analysis } from '../engine/analysis.js';
import type { SdkCall } from '../engine/receivers.js';
import { declarationOf, isConstDeclaration } from '../engine/scope.js';
import { defineRule, eachCall, type DraftFix, type DraftRelated, type RuleContext } from '../engine/rule.js';
import { lineBreakAt } from './edits.js';

const MAX_FUNCTION_DEPTH = 3;

/** The expressions whose later change changes the userID: the argument, an object's aliasName, the parts of a concatenation. */
function userIdReferences(expression: ts.Expression, out: ts.Expression[] = [], depth = 0): ts.Expression[] {
  const expr = unwrap(expression);
  if (depth > 8) return out;
  if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) out.push(expr);
  else if (ts.isObjectLiteralExpression(expr)) {
    for (const prop of expr.properties) {
      if (propertyNameText(prop.name) !== 'aliasName') continue;
      if (ts.isPropertyAssignment(prop)) userIdReferences(prop.initializer, out, depth + 1);
      if (ts.isShorthandPropertyAssignment(prop)) out.push(prop.name);
    }
  } else if (ts.isTemplateExpression(expr)) {
    for (const span of expr.templateSpans) userIdReferences(span.expression, out, depth + 1);
  } else if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    userIdReferences(expr.left, out, depth + 1);
    userIdReferences(expr.right, out, depth + 1);
  }
  return out;
}

/**
 * Assignments anywhere in the analysed files that change what `reference` holds: to it, to its
 * aliasName, or to an object it is read from (`state.user = u` changes `state.user.id`).
 */
function writesTo(analysis: Analysis, reference: ts.Expression): ts.BinaryExpression[] {
  const out = new Set<ts.BinaryExpression>();
  const keys = new Map<string, string>();
  let current: ts.Expression = unwrap(reference);
  for (let depth = 0; depth < 8; depth++) {
    const name = accessedName(current);
    if (name !== undefined && (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current))) {
      const key = analysis.ownerKey(current);
      if (key) keys.set(key, name);
      current = unwrap(current.expression);
      continue;
    }
    if (ts.isIdentifier(current)) {
      const decl = declarationOf(current);
      if (decl && !ts.isParameter(decl) && !isConstDeclaration(decl)) {
        for (const write of analysis.identifierWrites(current.text, decl)) out.add(write);
      }
    }
    break;
  }
  const referenceKey = analysis.ownerKey(reference);
  if (referenceKey) keys.set(`${referenceKey}.aliasName`, 'aliasName');
  for (const index of analysis.indexedFiles()) {
    for (const [key, name] of keys) {
      for (const write of index.writes.get(name) ?? []) {
        if (!ts.isIdentifier(unwrap(write.left)) && analysis.ownerKey(write.left) === key) out.add(write);
      }
    }
  }
  return [...out];
}

function isInitializeCall(context: RuleContext, node: ts.Expression, depth: number): boolean {
  const expr = unwrap(ts.isAwaitExpression(node) || ts.isVoidExpression(node) ? node.expression : node);
  if (!ts.isCallExpression(expr)) return false;
  if (context.calls.some((c) => c.call === expr && c.method.name === 'initialize')) return true;
  if (depth >= MAX_FUNCTION_DEPTH) return false;
  return context.analysis.calleeFunctions(expr).some((fn) => alwaysInitializes(context, fn, depth + 1));
}

/** Whether running the statement certainly calls initialize() (directly or through a function that always does). */
function statementInitializes(context: RuleContext, statement: ts.Statement, depth: number): boolean {
  if (ts.isExpressionStatement(statement) || ts.isReturnStatement(statement)) {
    return !!statement.expression && isInitializeCall(context, statement.expression, depth);
  }
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.some((d) => !!d.initializer && isInitializeCall(context, d.initializer, depth));
  }
  return false;
}

function exitsEarly(statement: ts.Statement): boolean {
  const stack: ts.Node[] = [statement];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isReturnStatement(node) || ts.isThrowStatement(node)) return true;
    if (ts.isFunctionLike(node)) continue;
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return false;
}

function alwaysInitializes(context: RuleContext, fn: ts.FunctionLikeDeclaration, depth: number): boolean {
  const body = fn.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return isInitializeCall(context, body, depth);
  for (const statement of body.statements) {
    if (statementInitializes(context, statement, depth)) return true;
    if (exitsEarly(statement)) return false;
  }
  return false;
}

/** Whether, after `node` runs, every path reaches an initialize() call in the same function. */
function reinitializedAfter(context: RuleContext, node: ts.Node): boolean {
  let current: ts.Node = node;
  while (current.parent && !ts.isFunctionLike(current.parent) && !ts.isSourceFile(current)) {
    const parent = current.parent;
    const siblings = ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) ? parent.statements : undefined;
    if (siblings) {
      const at = siblings.indexOf(current as ts.Statement);
      for (const sibling of siblings.slice(at + 1)) {
        if (statementInitializes(context, sibling, 0)) return true;
        if (exitsEarly(sibling)) return false;
      }
    }
    current = parent;
  }
  return false;
}

function isSetup(write: ts.Node, initCall: ts.CallExpression): boolean {
  for (let node = write.parent; node; node = node.parent) {
    if (ts.isConstructorDeclaration(node)) return true;
    if (ts.isFunctionLike(node)) {
      // A write earlier in the function that then calls initialize() is how the first value is set.
      return initCall.getSourceFile() === write.getSourceFile() && node.pos <= initCall.pos && initCall.end <= node.end && write.end <= initCall.pos;
    }
  }
  return write.getSourceFile() === initCall.getSourceFile() && write.end <= initCall.pos && !hasFunctionAncestor(initCall);
}

function hasFunctionAncestor(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current)) return true;
  return false;
}

function statementOf(node: ts.Node): ts.Statement | undefined {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (ts.isExpressionStatement(current) || ts.isVariableStatement(current) || ts.isReturnStatement(current)) return current;
    if (ts.isFunctionLike(current)) return undefined;
  }
  return undefined;
}

/** Statements that stand alone in a list of statements, where another one can follow on the next line. */
function inStatementList(statement: ts.Statement): boolean {
  const parent = statement.parent;
  return ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent);
}

const INDENT = /[ \t]*/y;

/**
 * "Call initialize() again": the original call, inserted on the line after the change. A statement
 * that is the body of an `if`, a loop or a label gets braces, so the call runs with it and an `else`
 * after it still parses.
 */
function reinitFix(init: SdkCall, after: ts.Node, userIdText: string): DraftFix<'reinit'>[] {
  const statement = statementOf(after);
  if (!statement || statement.getSourceFile() !== init.call.getSourceFile()) return [];
  const sourceFile = statement.getSourceFile();
  const text = sourceFile.text;
  INDENT.lastIndex = text.lastIndexOf('\n', statement.getStart() - 1) + 1;
  const indent = INDENT.exec(text)![0];
  const args = init.call.arguments.map((a, i) => (i === 2 ? userIdText : a.getText()));
  const callee = init.call.expression.getText();
  // Without a semicolon before it, a call starting with ( [ or ` would continue the statement above.
  const guard = /^[([`]/.test(callee) && !statement.getText().endsWith(';') ? ';' : '';
  const call = `${lineBreakAt(text, statement.getEnd())}${indent}${guard}${callee}(${args.join(', ')});`;
  const file = sourceFile.fileName;
  const start = statement.getStart();
  const end = statement.getEnd();
  return [
    {
      fixId: 'reinit',
      edits: inStatementList(statement)
        ? [{ file, start: end, end, newText: call }]
        : [
            { file, start, end: start, newText: '{ ' },
            { file, start: end, end, newText: `${call} }` },
          ],
    },
  ];
}

function checkReassignments(context: RuleContext, init: SdkCall): void {
  const userId = init.call.arguments[2];
  if (!userId) return;
  for (const reference of userIdReferences(userId)) {
    for (const write of writesTo(context.analysis, reference)) {
      if (isSetup(write, init.call) || reinitializedAfter(context, write)) continue;
      context.report({
        node: write,
        messageId: 'reassigned',
        related: [{ node: userId, noteId: 'initialized' }],
        fixes: reinitFix(init, write, userId.getText()),
      });
    }
  }
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current as ts.FunctionLikeDeclaration;
  }
  return undefined;
}

function mentions(node: ts.Node, decl: ts.Node): boolean {
  const stack: ts.Node[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (ts.isIdentifier(current) && declarationOf(current) === decl) return true;
    ts.forEachChild(current, (c) => {
      stack.push(c);
    });
  }
  return false;
}

/** The event name when `node` sits in a callback passed to `x.on('event', ...)`. */
function handlerEvent(node: ts.Node): string | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!ts.isFunctionLike(current)) continue;
    const call = current.parent;
    if (call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && /^(on|once|addEventListener|addListener)$/.test(call.expression.name.text)) {
      const event = call.arguments[0];
      return event && ts.isStringLiteralLike(event) ? event.text : 'event';
    }
  }
  return undefined;
}

function checkEarlyReturnWrapper(context: RuleContext, init: SdkCall): void {
  const userId = init.call.arguments[2];
  const fn = enclosingFunction(init.call);
  if (!userId || !fn?.body || !ts.isBlock(fn.body)) return;
  const initStatement = fn.body.statements.find((s) => s.pos <= init.call.pos && init.call.end <= s.end);
  if (!initStatement) return;
  const before = fn.body.statements.slice(0, fn.body.statements.indexOf(initStatement));
  const params = parametersFeeding(context, fn, userIdReferences(userId), before);
  if (!params.length) return;
  const guard = before.find((s): s is ts.IfStatement => ts.isIfStatement(s) && exitsEarly(s.thenStatement) && !params.some((p) => mentions(s.expression, p)));
  if (!guard) return;
  const position = fn.parameters.indexOf(params[0]);
  const callers = context.analysis.callersOf(fn);
  const args = callers.map((c) => c.arguments[position]).filter((a): a is ts.Expression => !!a);
  const constant = args.length > 0 && args.length === callers.length && args.every((a) => {
    const v = context.evaluator.evaluate(a);
    const first = context.evaluator.evaluate(args[0]);
    return v.kind === 'string' && v.exact && first.kind === 'string' && v.text === first.text;
  });
  if (constant) return;
  const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : 'this function';
  const exit = findExit(guard.thenStatement) ?? guard;
  context.report({
    node: exit,
    messageId: 'earlyReturn',
    data: { name },
    related: [
      { node: userId, noteId: 'initialized' },
      ...callers.slice(0, 3).map((call): DraftRelated => {
        const arg = call.arguments[position]?.getText() ?? 'no userID';
        const event = handlerEvent(call);
        return event
          ? { node: call, noteId: 'handlerCaller', data: { name, arg, event } }
          : { node: call, noteId: 'caller', data: { name, arg } };
      }),
    ],
  });
}

/**
 * Parameters of `fn` that the userID comes from: directly (`initialize(a, s, userID)`), or through a
 * field set just before (`this.userID = userID; initialize(a, s, this.userID)`).
 */
function parametersFeeding(context: RuleContext, fn: ts.FunctionLikeDeclaration, references: ts.Expression[], before: ts.Statement[]): ts.ParameterDeclaration[] {
  const isOwnParameter = (node: ts.Node): node is ts.Identifier => {
    const decl = ts.isIdentifier(node) ? declarationOf(node) : undefined;
    return !!decl && ts.isParameter(decl) && decl.parent === fn;
  };
  const out = new Set<ts.ParameterDeclaration>();
  for (const reference of references) {
    if (isOwnParameter(reference)) {
      out.add(declarationOf(reference) as ts.ParameterDeclaration);
      continue;
    }
    const key = context.analysis.ownerKey(reference);
    if (!key) continue;
    for (const statement of before) {
      if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
      const { left, right, operatorToken } = statement.expression;
      if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || context.analysis.ownerKey(left) !== key) continue;
      for (const source of userIdReferences(right)) if (isOwnParameter(source)) out.add(declarationOf(source) as ts.ParameterDeclaration);
    }
  }
  return [...out];
}

function findExit(statement: ts.Statement): ts.Node | undefined {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return statement;
  if (ts.isBlock(statement)) return statement.statements.find((s) => ts.isReturnStatement(s) || ts.isThrowStatement(s));
  return undefined;
}

function checkReportUserIdChange(context: RuleContext, call: SdkCall, inits: SdkCall[]): void {
  const type = call.call.arguments[3];
  const newUserId = call.call.arguments[2];
  const typeText = type ? unwrap(type).getText() : '';
  const isLocal = /(^|\.)local$|^['"`]local['"`]$/.test(typeText);
  const initKeys = new Set(
    inits.flatMap((i) => (i.call.arguments[2] ? userIdReferences(i.call.arguments[2]) : [])).map((r) => context.analysis.ownerKey(r)).filter(Boolean),
  );
  const sameReference = !!newUserId && userIdReferences(newUserId).some((r) => initKeys.has(context.analysis.ownerKey(r)));
  if (!isLocal && !sameReference) return;
  const init = inits.find((i) => i.call.getSourceFile() === call.call.getSourceFile()) ?? inits[0];
  context.report({
    node: call.call,
    messageId: 'reportUserIdChange',
    related: init?.call.arguments[2] ? [{ node: init.call.arguments[2], noteId: 'initialized' }] : [],
    fixes: init && newUserId ? reinitFix(init, call.call, newUserId.getText()) : [],
  });
}

export const reinitOnUserIdChange = defineRule({
  meta: {
    id: 'reinit-on-userid-change',
    description: 'initialize() must be called again whenever the local userID changes',
    defaultSeverity: 'error',
    docs: 'docs/rules/reinit-on-userid-change.md',
    fixes: {
      reinit: { title: 'Call initialize() again with the new userID', kind: 'suggestion' },
    },
  },
  messages: {
    reassigned: {
      message: 'The local userID changes here, but initialize() is not called again',
      help: 'Call initialize() again with the new userID, or callstats keeps reporting the old user.',
    },
    earlyReturn: {
      message: '{{name}}() returns here once initialized, so a later userID never reaches initialize()',
      help: 'Call initialize() again when the userID differs from the one it was given.',
    },
    reportUserIdChange: {
      message: 'reportUserIDChange() does not re-identify the local user',
      help: 'Call initialize() again with the new userID (reportUserIDChange() is gone since callstats.js 3.64).',
    },
  },
  notes: {
    initialized: 'initialize() received the userID here',
    caller: '{{name}}() is called with {{arg}} here',
    handlerCaller: "{{name}}() is called from a '{{event}}' handler with {{arg}} here: the value can change every time it fires",
  },
  create(context) {
    const inits = context.calls.filter((c) => c.method.name === 'initialize');
    eachCall(context, inits, (init) => {
      checkReassignments(context, init);
      checkEarlyReturnWrapper(context, init);
    });
    const changes = context.calls.filter((c) => c.method.name === 'reportUserIDChange');
    eachCall(context, changes, (call) => checkReportUserIdChange(context, call, inits));
  },
});
