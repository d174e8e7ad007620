// Rule api-before-initialize: SDK calls that send data must not run before initialize() has run on their instance.
import { ts } from 'ts-morph';
import { accessedName, unwrap } from '../engine/syntax.js';
import { isEmbedding } from '../engine/embedded.js';
import type { SdkCall } from '../engine/receivers.js';
import { declarationOf } from '../engine/scope.js';
import { awaitsWithin, enclosingFunction, guardsOf, inExclusiveBranches, runsOnTo } from '../engine/flow.js';
import type { Caller } from '../engine/analysis.js';
import { GLOBAL_FACTORY, SDK_METHODS } from '../engine/sdk.js';
import { defineRule, eachCall, type DraftRelated, type RuleContext } from '../engine/rule.js';

/** Methods that send data about the app's calls: every one that carries an identifier, except initialize() itself. */
const NEEDS_INIT = new Set([...SDK_METHODS.values()].filter((m) => m.slots.length > 0 && m.name !== 'initialize').map((m) => m.name));

/** Callbacks run before the call that takes them returns. */
const SYNC_CALLBACK = /^(forEach|map|flatMap|filter|some|every|find|findIndex|reduce)$/;
/** Callbacks run later: promise reactions, timers, event handlers. */
const ASYNC_CALLBACK = /^(then|finally|setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame|requestIdleCallback|addEventListener|on|once|addListener)$/;
const MAX_DEPTH = 4;

/**
 * Where running reaches a node, seen from a function or a module's top level (`scope`): the node
 * `at` sits directly in that scope. `async` when the node only runs after `at` returned (a callback
 * or a wait); `awaited` when the scope waits for that before going on; `guarded` when an if, a
 * switch, a catch or a short-circuit on the way may skip it (a guard such as `if (ready)` may mean
 * that initialize() ran before).
 */
interface Trigger {
  scope: ts.Node;
  at: ts.Node;
  async: boolean;
  awaited: boolean;
  guarded: boolean;
}

function calledName(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  return ts.isIdentifier(callee) ? callee.text : accessedName(callee);
}

/** The outermost expression of a chain such as `p.then(a).catch(b)` or `(x)`, to see what is done with it. */
function chainTop(node: ts.Node): ts.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent))) current = parent;
    else if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === current && parent.parent && ts.isCallExpression(parent.parent)) current = parent.parent;
    else return current;
  }
}

function isAwaited(call: ts.Node): boolean {
  const parent = chainTop(call).parent;
  return !!parent && ts.isAwaitExpression(parent);
}

/** Whether `fn` certainly waits before reaching `node`: an await in an earlier statement of the path, or in `node`'s own arguments. */
function waitsBefore(fn: ts.FunctionLikeDeclaration, node: ts.Node): boolean {
  if (ts.isCallExpression(node) && node.arguments.some((a) => ts.isAwaitExpression(a) || awaitsWithin(a))) return true;
  for (let current: ts.Node = node; current.parent && current !== fn; current = current.parent) {
    const parent = current.parent;
    if (!ts.isBlock(parent)) continue;
    const at = parent.statements.indexOf(current as ts.Statement);
    // Only statements that always run: an await inside an if may be skipped.
    if (parent.statements.slice(0, at).some((s) => (ts.isExpressionStatement(s) || ts.isVariableStatement(s)) && awaitsWithin(s))) return true;
  }
  return false;
}

/**
 * Every place running reaches `node` from: the node itself in its function, then each call of that
 * function (or the call that takes it as a callback), up to a few levels. Callbacks given to
 * functions the rule does not know end the chain: when they run is not known.
 */
function triggers(context: RuleContext, node: ts.Node, depth = 0): Trigger[] {
  const fn = enclosingFunction(node) as ts.FunctionLikeDeclaration | undefined;
  if (!fn) return [{ scope: node.getSourceFile(), at: node, async: false, awaited: false, guarded: isGuarded(node, node.getSourceFile()) }];
  const guarded = isGuarded(node, fn);
  const here: Trigger = { scope: fn, at: node, async: false, awaited: false, guarded };
  const outer = (list: Trigger[]) => list.map((t) => ({ ...t, guarded: t.guarded || guarded }));
  if (depth >= MAX_DEPTH) return [here];
  const holder = chainTop(fn).parent;
  if (holder && ts.isCallExpression(holder)) {
    if (unwrap(holder.expression) === fn) return [here, ...outer(throughCallers(context, fn, node, [holder], depth))];
    if (!holder.arguments.includes(chainTop(fn) as ts.Expression)) return [here];
    const name = calledName(holder);
    if (name && SYNC_CALLBACK.test(name)) return [here, ...outer(triggers(context, holder, depth + 1))];
    if (!name || !ASYNC_CALLBACK.test(name)) return [here];
    const awaited = name === 'then' || name === 'finally' ? isAwaited(holder) : false;
    return [here, ...outer(triggers(context, holder, depth + 1)).map((t) => (t.async ? t : { ...t, async: true, awaited: t.awaited || awaited }))];
  }
  return [here, ...outer(throughCallers(context, fn, node, context.analysis.callersOf(fn), depth))];
}

function throughCallers(context: RuleContext, fn: ts.FunctionLikeDeclaration, node: ts.Node, callers: readonly Caller[], depth: number): Trigger[] {
  const waits = waitsBefore(fn, node);
  const out: Trigger[] = [];
  for (const caller of callers) {
    const awaitedHere = isAwaited(caller);
    for (const t of triggers(context, caller, depth + 1)) {
      out.push({ ...t, async: t.async || waits, awaited: t.awaited || (t.async || waits ? awaitedHere : false) });
    }
  }
  return out;
}

/** Whether something between `node` and its scope may skip it: a branch, a case, a catch, the right side of `&&`, `||`, `??`, an optional call. */
function isGuarded(node: ts.Node, scope: ts.Node): boolean {
  return guardsOf(node, scope).some((guard) => !guard.earlyExit);
}

/** Whether, when the call runs at `call`, initialize() cannot have run yet through `init` (same scope). */
function notYetRun(call: Trigger, init: Trigger): boolean {
  if (init.at.pos >= call.at.end) return !inExclusiveBranches(call.at, init.at) && runsOnTo(call.at, init.at);
  if (init.at.end > call.at.pos) return false;
  return init.async && !init.awaited && !awaitsWithin(call.scope, init.at.end, call.at.pos);
}

/** The SDK instance a receiver holds: the `new callstats()` (or factory call) it comes from, or the factory itself. */
function instanceOf(context: RuleContext, receiver: ts.Expression, depth = 0): ts.Node | 'factory' | undefined {
  const found = new Set<ts.Node | 'factory'>();
  for (const origin of context.analysis.origins(receiver)) {
    if (origin.kind === 'sdk-module' || (origin.kind === 'global' && origin.name === GLOBAL_FACTORY)) {
      found.add('factory');
      continue;
    }
    if (origin.kind !== 'expr') return undefined;
    const node = origin.node;
    if (ts.isNewExpression(node) && context.receivers.kindOf(node.expression)) found.add(node);
    else if (ts.isCallExpression(node) && context.receivers.kindOf(node.expression) === 'factory') found.add(node);
    else if (ts.isCallExpression(node) && depth < MAX_DEPTH) {
      const returned = context.analysis.calleeFunctions(node).flatMap((fn) => context.analysis.returnedExpressions(fn));
      if (!returned.length) return undefined;
      for (const r of returned) {
        const inner = instanceOf(context, r, depth + 1);
        if (!inner) return undefined;
        found.add(inner);
      }
    } else return undefined;
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function methodName(call: SdkCall): ts.Node {
  const callee = unwrap(call.call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.name : call.call;
}

/** Where running reaches each SDK call from: every check asks about all the initialize() calls. */
type TriggersOf = (call: SdkCall) => Trigger[];

/**
 * Triggers follow the code's structure alone, never a value: they are kept with the analysis, which
 * later runs share while only strings are edited (RunKeeper in run.ts).
 */
const triggersByAnalysis = new WeakMap<RuleContext['analysis'], Map<ts.Node, Trigger[]>>();

function checkOrder(context: RuleContext, triggersOf: TriggersOf, call: SdkCall, inits: SdkCall[]): void {
  const initTriggers = inits.map(triggersOf);
  // Seen from where the call runs synchronously, every initialize() is still to come there.
  const early = triggersOf(call).filter(
    (at) =>
      !at.async &&
      !at.guarded &&
      initTriggers.every((list) => {
        const inScope = list.filter((init) => init.scope === at.scope);
        return inScope.length > 0 && inScope.every((init) => notYetRun(at, init));
      }),
  );
  if (!early.length) return;
  const first = early[0];
  const related: DraftRelated[] = early
    .filter((at) => at.at !== call.call)
    .map((at) => ({ node: at.at, noteId: 'reachedFrom', data: { method: call.method.name } }));
  related.push(...inits.map((init) => ({ node: init.call, noteId: 'initializedHere' })));
  const inFirstScope = initTriggers.flat().filter((init) => init.scope === first.scope);
  const messageId = inFirstScope.every((init) => !init.async) ? 'laterInSequence' : 'laterInCallback';
  // Certain only in one straight sequence; an order through callbacks, awaits or callers is inferred.
  const likely = messageId === 'laterInCallback' || early.some((at) => at.at !== call.call);
  context.report({ node: methodName(call), messageId, data: { method: call.method.name }, related, likely });
}

/**
 * Whether the instance made at `creation` stays in one variable of its file that is only ever used
 * as `x.method` or `x.enum`: then every initialize() it could get is in sight.
 */
function staysInFile(creation: ts.Node): boolean {
  let holder = creation.parent;
  while (holder && (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isNonNullExpression(holder))) holder = holder.parent;
  if (!holder || !ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name)) return false;
  const statement = holder.parent.parent;
  if (ts.isVariableStatement(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return false;
  const sourceFile = creation.getSourceFile();
  // At the top level of a classic script (a file without imports or exports) the variable is a global;
  // in a page or a component, the markup (a Vue or Svelte template) sees it too.
  if (ts.isSourceFile(statement.parent) && (isEmbedding(sourceFile.fileName) || (!ts.isExternalModule(sourceFile) && !/\brequire\(|\bmodule\.exports\b|\bexports\./.test(sourceFile.text)))) return false;
  const decl = holder;
  const name = holder.name.text;
  let stays = true;
  const visit = (node: ts.Node): void => {
    if (!stays) return;
    if (ts.isIdentifier(node) && node.text === name && node !== decl.name && declarationOf(node) === decl) {
      const parent = node.parent;
      const member = (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node ? accessedName(parent) : undefined;
      // `x.initialize` read in any other way (bound, passed on) may still initialize it.
      if (member === undefined || member === 'initialize') stays = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return stays;
}

function checkNever(context: RuleContext, creation: ts.Node, calls: SdkCall[]): void {
  if (!staysInFile(creation)) return;
  const methods = [...new Set(calls.map((c) => `${c.method.name}()`))];
  context.report({
    node: creation,
    ...(methods.length > 1 ? { messageId: 'neverSeveral', data: { methods: methods.join(', ') } } : { messageId: 'never', data: { method: methods[0] } }),
    related: calls.map((c) => ({ node: c.call, noteId: 'calledHere', data: { method: c.method.name } })),
  });
}

export const apiBeforeInitialize = defineRule({
  meta: {
    id: 'api-before-initialize',
    description: 'SDK calls must not run before initialize()',
    defaultSeverity: 'warn',
    docs: 'docs/rules/api-before-initialize.md',
    fixes: {},
  },
  messages: {
    laterInSequence: {
      message: '{{method}}() runs before initialize(), which comes later in the same sequence',
      help: 'Call initialize() first: the SDK drops calls made before it is set up.',
    },
    laterInCallback: {
      message: '{{method}}() can run before initialize(), which only runs later in a callback or after an await',
      help: 'Wait for initialize() before this call: the SDK drops calls made before it is set up.',
    },
    never: {
      message: 'This callstats instance is never initialized, yet {{method}} is called on it',
      help: 'Call initialize() on this instance, or use the instance the app initializes.',
    },
    neverSeveral: {
      message: 'This callstats instance is never initialized, yet {{methods}} are called on it',
      help: 'Call initialize() on this instance, or use the instance the app initializes.',
    },
  },
  notes: {
    initializedHere: 'initialize() runs only here, after it',
    reachedFrom: '{{method}}() is reached from here, before initialize()',
    calledHere: '{{method}}() is called on the instance here',
  },
  create(context) {
    const instances = new Map<SdkCall, ts.Node | 'factory' | undefined>();
    eachCall(context, context.calls, (call) => {
      if (call.method.name === 'initialize' || NEEDS_INIT.has(call.method.name)) instances.set(call, instanceOf(context, call.receiver));
    });
    const inits = context.calls.filter((c) => c.method.name === 'initialize' && instances.has(c));
    // An initialize() whose instance cannot be told may be on any instance.
    const unknownInits = inits.filter((c) => instances.get(c) === undefined);
    let known = triggersByAnalysis.get(context.analysis);
    if (!known) triggersByAnalysis.set(context.analysis, (known = new Map()));
    const triggersOf: TriggersOf = (call) => {
      let list = known.get(call.call);
      if (!list) known.set(call.call, (list = triggers(context, call.call)));
      return list;
    };
    const byInstance = new Map<ts.Node | 'factory', SdkCall[]>();
    for (const [call, instance] of instances) {
      if (!instance || !NEEDS_INIT.has(call.method.name)) continue;
      const list = byInstance.get(instance);
      if (list) list.push(call);
      else byInstance.set(instance, [call]);
    }
    for (const [instance, calls] of byInstance) {
      const own = inits.filter((c) => instances.get(c) === instance);
      if (!own.length && !unknownInits.length) {
        if (instance !== 'factory') eachCall(context, calls.slice(0, 1), () => checkNever(context, instance, calls));
        continue;
      }
      const candidates = [...own, ...unknownInits];
      eachCall(context, calls, (call) => checkOrder(context, triggersOf, call, candidates));
    }
  },
});
