// Rule reinit-on-userid-change: when the local userID changes, the app must call initialize() again with it.
import { ts } from 'ts-morph';
import { argumentsOf, functionName, onceWrapperOf, type Analysis, type Caller } from '../engine/analysis.js';
import { alwaysExits, continuations, enclosingFunction, guardsOf, mayExit, reachesLater, runsAtLoad, walkHere, type Guard } from '../engine/flow.js';
import { accessedName, propertyNameText, unwrap } from '../engine/syntax.js';
import type { SdkCall } from '../engine/receivers.js';
import { declarationOf, isConstDeclaration } from '../engine/scope.js';
import { defineRule, eachCall, type DraftFix, type DraftRelated, type RuleContext } from '../engine/rule.js';
import { lineBreakAt, meansTheSameAt } from './edits.js';

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

/** The initialize() call `node` is, through `await`, `void` and parentheses. */
function initializeCall(context: RuleContext, node: ts.Expression): SdkCall | undefined {
  const expr = unwrap(ts.isAwaitExpression(node) || ts.isVoidExpression(node) ? node.expression : node);
  return ts.isCallExpression(expr) ? context.calls.find((c) => c.call === expr && c.method.name === 'initialize') : undefined;
}

/**
 * Whether running the expression certainly calls initialize(): directly, through a function of the
 * app that always does, or in a promise reaction chained on it (`fetchToken().then(() => init())`),
 * which runs once the promise settles.
 */
function initializes(context: RuleContext, node: ts.Expression, depth: number): boolean {
  if (initializeCall(context, node)) return true;
  if (depth >= MAX_FUNCTION_DEPTH) return false;
  const expr = unwrap(ts.isAwaitExpression(node) || ts.isVoidExpression(node) ? node.expression : node);
  if (!ts.isCallExpression(expr)) return false;
  if (context.analysis.calleeFunctions(expr).some((fn) => alwaysInitializes(context, fn, depth + 1))) return true;
  return continuations(expr).some((callback) => alwaysInitializes(context, callback, depth + 1));
}

/** Whether running the statement certainly calls initialize(). */
function statementInitializes(context: RuleContext, statement: ts.Statement, depth: number): boolean {
  if (ts.isExpressionStatement(statement) || ts.isReturnStatement(statement)) {
    return !!statement.expression && initializes(context, statement.expression, depth);
  }
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.some((d) => !!d.initializer && initializes(context, d.initializer, depth));
  }
  if (ts.isBlock(statement)) return statement.statements.some((s) => statementInitializes(context, s, depth));
  return false;
}

/** Whether every run of the function calls initialize(): a statement that does, reached before anything returns or throws. */
function alwaysInitializes(context: RuleContext, fn: ts.FunctionLikeDeclaration, depth: number): boolean {
  const body = fn.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return initializes(context, body, depth);
  for (const statement of body.statements) {
    if (statementInitializes(context, statement, depth)) return true;
    if (mayExit(statement)) return false;
  }
  return false;
}

/**
 * Whether the write sets the first value rather than changing it: it runs before every initialize()
 * that reads it. That is a write earlier in the function that then calls initialize(), one in a
 * constructor, and one made when the module loads while initialize() only runs later (in a function,
 * or further down the module).
 */
function isSetup(write: ts.Node, initCall: ts.CallExpression): boolean {
  const sameFile = initCall.getSourceFile() === write.getSourceFile();
  if (runsAtLoad(write)) return !runsAtLoad(initCall) || (sameFile && write.end <= initCall.pos);
  const fn = enclosingFunction(write);
  if (fn && ts.isConstructorDeclaration(fn)) return true;
  return !!fn && sameFile && fn.pos <= initCall.pos && initCall.end <= fn.end && write.end <= initCall.pos && enclosingFunction(initCall) === fn;
}

/** An assignment of null, undefined or '' (a sign-out, a teardown): it drops the ID rather than naming a new user. */
function isReset(context: RuleContext, write: ts.BinaryExpression): boolean {
  const value = context.evaluator.evaluate(write.right);
  return value.kind === 'nullish' || (value.kind === 'string' && value.exact && value.text === '');
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
 * after it still parses. Offered only when the call means the same there: every name it uses is in
 * scope (the token generator is not a local of another function), and the SDK instance was not just
 * dropped (`sdk = null` earlier in the same block).
 */
function reinitFix(context: RuleContext, init: SdkCall, after: ts.Node, userId: ts.Expression): DraftFix<'reinit'>[] {
  const statement = statementOf(after);
  if (!statement || statement.getSourceFile() !== init.call.getSourceFile()) return [];
  const parts = [init.call.expression, ...init.call.arguments.filter((_, i) => i !== 2), userId];
  if (!parts.every((part) => meansTheSameAt(part, statement)) || droppedBefore(context, init.receiver, statement)) return [];
  const sourceFile = statement.getSourceFile();
  const text = sourceFile.text;
  INDENT.lastIndex = text.lastIndexOf('\n', statement.getStart() - 1) + 1;
  const indent = INDENT.exec(text)![0];
  const args = init.call.arguments.map((a, i) => (i === 2 ? userId.getText() : a.getText()));
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

/** Whether an earlier statement of the block sets the SDK instance to null or undefined. */
function droppedBefore(context: RuleContext, receiver: ts.Expression, statement: ts.Statement): boolean {
  const list = ts.isBlock(statement.parent) || ts.isSourceFile(statement.parent) ? statement.parent.statements : undefined;
  if (!list) return false;
  const key = context.analysis.ownerKey(receiver);
  return list.slice(0, list.indexOf(statement)).some((s) =>
    walkHere(s, (node) => {
      if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !key || context.analysis.ownerKey(node.left) !== key) return false;
      const value = context.evaluator.evaluate(node.right);
      return value.kind === 'nullish';
    }),
  );
}

function checkReassignments(context: RuleContext, init: SdkCall): void {
  const userId = init.call.arguments[2];
  if (!userId) return;
  for (const reference of userIdReferences(userId)) {
    for (const write of writesTo(context.analysis, reference)) {
      if (isSetup(write, init.call) || isReset(context, write) || reachesLater(write, (s) => statementInitializes(context, s, 0))) continue;
      context.report({
        node: write,
        messageId: 'reassigned',
        related: [{ node: userId, noteId: 'initialized' }],
        fixes: reinitFix(context, init, write, userId),
      });
    }
  }
}

function mentions(node: ts.Node, decl: ts.Node): boolean {
  return walkHere(node, (current) => ts.isIdentifier(current) && declarationOf(current) === decl);
}

/** Callbacks a call runs again and again: event handlers, subscriptions, timers, effects that re-run when their dependencies change. */
const REPEATING = /^(on|once|addEventListener|addListener|subscribe|watch|setInterval|useEffect|useLayoutEffect)$/;

/** The name of the call a function is passed to, when it runs as a repeating callback there. */
function repeatingHolder(fn: ts.Node): string | undefined {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return undefined;
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!name || !REPEATING.test(name)) return undefined;
  // An effect without dependencies, or with an empty list, runs once.
  if (/^use(Layout)?Effect$/.test(name)) {
    const deps = call.arguments[1];
    if (!deps || !ts.isArrayLiteralExpression(deps) || !deps.elements.length) return undefined;
  }
  return name;
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

/**
 * A guard that lets initialize() run only the first time: its condition reads state the function
 * itself sets on the way to initialize() (`if (this.client) return;` ... `this.client = new
 * callstats()`), or the SDK instance initialize() is called on. An argument check (`if (typeof f !==
 * 'function') throw ...`) is not one: it reads nothing the function sets, and a throw is not silent.
 */
function isOnceGuard(context: RuleContext, guard: Guard, init: SdkCall, fn: ts.SignatureDeclaration): boolean {
  if (!guard.condition) return false;
  if (guard.earlyExit) {
    const exit = guard.at as ts.IfStatement;
    if (!alwaysExits(exit.thenStatement, new Set(['return']))) return false;
  }
  const receiverKey = context.analysis.ownerKey(init.receiver);
  const stateKeys = new Set<string>();
  const stateDecls = new Set<ts.Node>();
  walkHere(fn, (node) => {
    if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const target = unwrap(node.left);
    if (ts.isIdentifier(target)) {
      const decl = declarationOf(target);
      if (decl) stateDecls.add(decl);
    } else {
      const key = context.analysis.ownerKey(target);
      if (key) stateKeys.add(key);
    }
  });
  if (receiverKey) stateKeys.add(receiverKey);
  return walkHere(guard.condition, (node) => {
    if (ts.isIdentifier(node) && (ts.isPropertyAccessExpression(node.parent) ? node.parent.expression === node : true)) {
      const decl = declarationOf(node);
      if (decl && stateDecls.has(decl)) return true;
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isIdentifier(node)) {
      const key = context.analysis.ownerKey(node);
      return !!key && stateKeys.has(key);
    }
    return false;
  });
}

/**
 * A function that calls initialize() only the first time it runs, while later runs bring another
 * userID: `start(userId)` returning early once initialized and called from a socket's 'connect'
 * handler, an effect or a subscription for the signed-in account guarded by `if (!client)`.
 */
function checkOnceGuards(context: RuleContext, init: SdkCall): void {
  const userId = init.call.arguments[2];
  const fn = enclosingFunction(init.call) as ts.FunctionLikeDeclaration | undefined;
  if (!userId || !fn?.body) return;
  const body = ts.isBlock(fn.body) ? fn.body : undefined;
  // The guard is the function's own (`if (started) return;`) or a wrapper around it (`once(fn)`).
  const wrapper = onceWrapperOf(fn);
  const guard = body && !wrapper ? guardsOf(init.call, fn).find((g) => isOnceGuard(context, g, init, fn)) : undefined;
  if (!guard && !wrapper) return;
  const references = userIdReferences(userId);
  // The userID comes in from outside: a parameter of this function or of one around it (a closure).
  const params = parametersFeeding(context, fn, references, body ? body.statements.filter((s) => s.end <= init.call.pos) : []);
  if (params.some((p) => guard?.condition && mentions(guard.condition, p))) return;
  if (!params.length) return;
  const owner = params[0].parent as ts.FunctionLikeDeclaration;
  const position = owner.parameters.indexOf(params[0]);
  const callers = context.analysis.callersOf(owner);
  const repeats = repeatsBetween(fn, owner);
  if (!repeats && sameConstantEverywhere(context, callers, position)) return;
  const name = (fn.name && ts.isIdentifier(fn.name) ? fn.name.text : owner.name && ts.isIdentifier(owner.name) ? owner.name.text : functionName(owner)) ?? 'this function';
  const related: DraftRelated[] = [
    { node: userId, noteId: 'initialized' },
    ...callers.slice(0, 3).map((call): DraftRelated => {
      const arg = argumentsOf(call)[position]?.getText() ?? 'no userID';
      const event = handlerEvent(call);
      return event ? { node: call, noteId: 'handlerCaller', data: { name, arg, event } } : { node: call, noteId: 'caller', data: { name, arg } };
    }),
  ];
  // That a later run brings another userID is inferred, unless a handler or subscription calls it.
  const evident = !!repeats || callers.some((c) => handlerEvent(c) !== undefined || enclosingRepeats(c));
  if (wrapper) {
    context.report({ node: wrapper.expression, messageId: 'onceWrapped', data: { name, wrapper: wrapper.expression.getText() }, likely: !evident, related });
  } else if (guard!.earlyExit) {
    const exit = findExit((guard!.at as ts.IfStatement).thenStatement) ?? guard!.at;
    context.report({ node: exit, messageId: 'earlyReturn', data: { name }, likely: !evident, related });
  } else {
    context.report({ node: guard!.condition!, messageId: 'firstTimeOnly', data: { name }, likely: !evident, related });
  }
}

/** React hooks whose callback, with an empty dependency list, runs when the component mounts only. */
const MOUNT_HOOKS = new Set(['useMemo', 'useEffect', 'useLayoutEffect', 'useState']);
/** Callers followed from initialize() up to the hook that runs it. */
const MOUNT_CALLER_LEVELS = 3;

/** The `useMemo(fn, [])` call (or useEffect, useLayoutEffect, useState's initializer) whose callback `fn` is. */
function mountOnlyHookOf(fn: ts.Node): ts.CallExpression | undefined {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : accessedName(callee);
  if (name === undefined || !MOUNT_HOOKS.has(name)) return undefined;
  const deps = call.arguments[1];
  // useState(() => ...) runs its initializer once without a dependency list.
  if (name === 'useState') return deps ? undefined : call;
  return deps && ts.isArrayLiteralExpression(deps) && deps.elements.length === 0 ? call : undefined;
}

/**
 * initialize() run by a hook that runs on mount only (`useMemo(() => createClient(user.id), [])`),
 * with a userID from the component's props or state: a later render with another user never
 * reaches initialize(). Followed from initialize() up through the functions that pass the userID on.
 */
function checkMountOnlyHooks(context: RuleContext, init: SdkCall): void {
  const userId = init.call.arguments[2];
  if (!userId) return;
  const related: DraftRelated[] = [{ node: userId, noteId: 'initialized' }];
  const visit = (at: ts.Node, expression: ts.Expression, level: number): void => {
    const fn = enclosingFunction(at) as ts.FunctionLikeDeclaration | undefined;
    if (!fn?.body) return;
    const references = userIdReferences(expression);
    const hook = mountOnlyHookOf(fn);
    if (hook) {
      // The userID comes from a function around the hook (the component's props), not from the callback itself.
      const params = parametersFeeding(context, fn, references, []).filter((p) => p.parent !== fn);
      if (!params.length) return;
      const component = params[0].parent as ts.FunctionLikeDeclaration;
      const name = (component.name && ts.isIdentifier(component.name) ? component.name.text : functionName(component)) ?? 'the component';
      const hookName = unwrap(hook.expression).getText();
      context.report({ node: hook.expression, messageId: 'mountOnly', data: { hook: hookName, name }, likely: true, related });
      return;
    }
    if (level >= MOUNT_CALLER_LEVELS) return;
    // Passed in: follow each caller's argument for the parameter.
    for (const param of parametersFeeding(context, fn, references, []).filter((p) => p.parent === fn)) {
      const position = fn.parameters.indexOf(param);
      for (const caller of context.analysis.callersOf(fn)) {
        const arg = argumentsOf(caller)[position];
        if (arg) visit(caller, arg, level + 1);
      }
    }
  };
  visit(init.call, userId, 0);
}

/** Whether a function between `inner` (included) and `outer` (excluded) runs as a repeating callback. */
function repeatsBetween(inner: ts.Node, outer: ts.Node): string | undefined {
  for (let fn: ts.Node | undefined = inner; fn && fn !== outer; fn = enclosingFunction(fn)) {
    const name = repeatingHolder(fn);
    if (name) return name;
  }
  return undefined;
}

function enclosingRepeats(node: ts.Node): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) if (repeatingHolder(fn)) return true;
  return false;
}

/** Whether every caller passes the same constant at `position`: then the userID cannot differ between runs. */
function sameConstantEverywhere(context: RuleContext, callers: readonly Caller[], position: number): boolean {
  const values = callers.map((c) => argumentsOf(c)[position]).map((a) => (a ? context.evaluator.evaluate(a) : undefined));
  if (!values.length || values.some((v) => v?.kind !== 'string' || !v.exact)) return false;
  const first = values[0]!;
  return values.every((v) => v!.kind === 'string' && first.kind === 'string' && v!.text === first.text);
}

/**
 * Parameters the userID comes from: of `fn` directly (`initialize(a, s, userID)`), through a field set
 * just before (`this.userID = userID; initialize(a, s, this.userID)`), or of a function around `fn`
 * whose variable it reads (an effect reading the component's `account`).
 */
function parametersFeeding(context: RuleContext, fn: ts.FunctionLikeDeclaration, references: ts.Expression[], before: ts.Statement[]): ts.ParameterDeclaration[] {
  const parameterOf = (node: ts.Node): ts.ParameterDeclaration | undefined => {
    let root: ts.Node = node;
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = unwrap(root.expression);
    if (!ts.isIdentifier(root)) return undefined;
    let decl = declarationOf(root);
    while (decl && ts.isBindingElement(decl)) decl = decl.parent.parent;
    return decl && ts.isParameter(decl) && (decl.parent === fn || isAround(decl.parent, fn)) ? decl : undefined;
  };
  const out = new Set<ts.ParameterDeclaration>();
  for (const reference of references) {
    const own = parameterOf(reference);
    if (own) {
      out.add(own);
      continue;
    }
    const key = context.analysis.ownerKey(reference);
    if (!key) continue;
    for (const statement of before) {
      if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
      const { left, right, operatorToken } = statement.expression;
      if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || context.analysis.ownerKey(left) !== key) continue;
      for (const source of userIdReferences(right)) {
        const param = parameterOf(source);
        if (param) out.add(param);
      }
    }
  }
  return [...out];
}

function isAround(outer: ts.Node, inner: ts.Node): boolean {
  return outer.pos <= inner.pos && inner.end <= outer.end && outer !== inner;
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
    fixes: init && newUserId ? reinitFix(context, init, call.call, newUserId) : [],
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
    firstTimeOnly: {
      message: '{{name}}() initializes only the first time, so a later userID never reaches initialize()',
      help: 'Call initialize() again when the userID differs from the one it was given.',
    },
    onceWrapped: {
      message: '{{name}}() runs only once ({{wrapper}}()), so a later userID never reaches initialize()',
      help: 'Drop the once wrapper and call initialize() again when the userID differs from the one it was given.',
    },
    mountOnly: {
      message: '{{hook}}() with no dependencies initializes only when {{name}} mounts, so a later userID never reaches initialize()',
      help: 'Put the userID in the dependency list, so a new user runs initialize() again.',
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
      checkOnceGuards(context, init);
      checkMountOnlyHooks(context, init);
    });
    const changes = context.calls.filter((c) => c.method.name === 'reportUserIDChange');
    eachCall(context, changes, (call) => checkReportUserIdChange(context, call, inits));
  },
});
