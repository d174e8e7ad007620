// Rule id-empty: identifiers must not be empty, null or undefined, and must not be able to become so.
import { Finder } from './finder.js';
import { ts } from 'ts-morph';
import { argumentsOf, functionName, type Caller } from '../engine/analysis.js';
import { accessedName, propertyNameText, unwrap } from '../engine/syntax.js';
import { SDK_ENUMS, SDK_METHODS } from '../engine/sdk.js';
import { declarationOf, isConstDeclaration } from '../engine/scope.js';
import { guardsOf } from '../engine/flow.js';
import { identifierArgs, missingIdentifiers, shortened, type IdentifierArg, type MissingIdentifier } from './identifiers.js';
import { defineRule, eachCall, type Data, type DraftRelated, type RuleContext } from '../engine/rule.js';

const VALUE_TEXT = { '""': 'an empty string', null: 'null', undefined: 'undefined' } as const;
type EmptyValue = keyof typeof VALUE_TEXT;

/** Why an identifier can be empty: a message id of the rule, with its data. */
interface Reason {
  id: string;
  data?: Data;
}

/** An identifier that is (certain) or can be (not certain) empty, with why and where that comes from. */
interface Emptiness {
  value: EmptyValue;
  certain: boolean;
  reason?: Reason;
  at?: ts.Node;
}

const MAX_DEPTH = 8;

class EmptinessFinder extends Finder<Emptiness> {
  constructor(context: RuleContext) {
    super(context, MAX_DEPTH);
  }

  override find(expression: ts.Expression, depth = 0): Emptiness | undefined {
    // `id!` says the app knows the value is there.
    return hasNonNullAssertion(expression) ? undefined : super.find(expression, depth);
  }

  protected compute(node: ts.Expression, depth: number): Emptiness | undefined {
    if (ts.isStringLiteralLike(node)) return node.text === '' ? { value: '""', certain: true, at: node } : undefined;
    if (node.kind === ts.SyntaxKind.NullKeyword) return { value: 'null', certain: true, at: node };
    if (ts.isVoidExpression(node)) return { value: 'undefined', certain: true, at: node };
    if (ts.isConditionalExpression(node)) return this.conditional(node, depth);
    if (ts.isBinaryExpression(node)) return this.binary(node, depth);
    if (ts.isOptionalChain(node)) return this.optionalChain(node);
    if (ts.isIdentifier(node)) return this.identifier(node, depth);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.property(node, depth);
    if (ts.isCallExpression(node)) return this.returned(node, depth);
    return undefined;
  }

  /**
   * Branches being followed that a parameter of their function decides (`isLocal ? me : endpointId`):
   * a caller passing `true` or `false` for it never takes the other branch, so what it passes to the
   * branch's parameters does not count.
   */
  private readonly branches: { param: ts.ParameterDeclaration; taken: boolean }[] = [];

  private underBranch<T>(condition: ts.Expression, taken: boolean, follow: () => T): T {
    let test = unwrap(condition);
    let negated = false;
    while (ts.isPrefixUnaryExpression(test) && test.operator === ts.SyntaxKind.ExclamationToken) {
      negated = !negated;
      test = unwrap(test.operand);
    }
    const decl = ts.isIdentifier(test) ? declarationOf(test) : undefined;
    if (!decl || !ts.isParameter(decl)) return follow();
    this.branches.push({ param: decl, taken: taken !== negated });
    try {
      return follow();
    } finally {
      this.branches.pop();
    }
  }

  /** Whether a call passes a literal `true`/`false` for a parameter deciding a branch being followed, so it never takes that branch. */
  private takesOtherBranch(call: Caller, fn: ts.SignatureDeclaration): boolean {
    return this.branches.some(({ param, taken }) => {
      if (param.parent !== fn) return false;
      const arg = argumentsOf(call)[fn.parameters.indexOf(param)];
      const given = arg && unwrap(arg).kind;
      return (given === ts.SyntaxKind.TrueKeyword && !taken) || (given === ts.SyntaxKind.FalseKeyword && taken);
    });
  }

  private conditional(node: ts.ConditionalExpression, depth: number): Emptiness | undefined {
    const whenTrue = this.underBranch(node.condition, true, () => this.find(node.whenTrue, depth));
    const whenFalse = this.underBranch(node.condition, false, () => this.find(node.whenFalse, depth));
    if (whenTrue?.certain && whenFalse?.certain) return whenTrue;
    const either = whenTrue ?? whenFalse;
    if (!either) return undefined;
    return possible(either, { id: 'branch' });
  }

  private binary(node: ts.BinaryExpression, depth: number): Emptiness | undefined {
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken: {
        const left = this.find(node.left, depth);
        const right = this.find(node.right, depth);
        if (left?.certain) return right;
        // `x ?? ''` passes an empty string on; `x || ''` does not.
        if (left && left.value === '""' && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return possible(left);
        return right && possible(right, { id: 'fallback' });
      }
      case ts.SyntaxKind.AmpersandAmpersandToken: {
        const right = this.find(node.right, depth);
        return right && possible(right);
      }
      case ts.SyntaxKind.CommaToken:
      case ts.SyntaxKind.EqualsToken:
        return this.find(node.right, depth);
      default:
        return undefined;
    }
  }

  private optionalChain(node: ts.Expression): Emptiness | undefined {
    if (isGuarded(node, rootOf(node))) return undefined;
    return { value: 'undefined', certain: false, reason: { id: 'optionalChain', data: { text: node.getText() } }, at: node };
  }

  private identifier(node: ts.Identifier, depth: number): Emptiness | undefined {
    const decl = declarationOf(node);
    if (!decl) return node.text === 'undefined' ? { value: 'undefined', certain: true, at: node } : undefined;
    let found: Emptiness | undefined;
    if (ts.isParameter(decl)) found = this.parameter(decl, depth);
    else if (ts.isVariableDeclaration(decl)) found = this.variable(decl, depth);
    else if (ts.isBindingElement(decl)) found = this.bindingElement(decl, depth);
    else if (ts.isImportSpecifier(decl) || ts.isImportClause(decl)) found = this.allOrigins(node, depth);
    if (found && !found.certain && isGuarded(node, node)) return undefined;
    return found;
  }

  private parameter(param: ts.ParameterDeclaration, depth: number): Emptiness | undefined {
    if (param.dotDotDotToken || !ts.isIdentifier(param.name)) return undefined;
    // A parameter the function fixes up itself (`id = id || 'guest'`) is not passed on empty.
    if (this.context.analysis.identifierWrites(param.name.text, param).length) return undefined;
    const name = param.name.text;
    if (param.initializer) {
      const fallback = this.find(param.initializer, depth);
      if (fallback) return { ...fallback, certain: false, reason: { id: 'defaultParameter', data: { name } }, at: param };
    } else if (param.questionToken) {
      return { value: 'undefined', certain: false, reason: { id: 'optionalParameter', data: { name } }, at: param };
    } else if (param.type && nullableType(param.type)) {
      return { value: nullableType(param.type)!, certain: false, reason: { id: 'nullableParameter', data: { name, type: param.type.getText() } }, at: param };
    }
    return this.callers(param, depth);
  }

  /** What the callers of the parameter's function pass (or leave out) for it. */
  private callers(param: ts.ParameterDeclaration, depth: number): Emptiness | undefined {
    const fn = param.parent;
    const position = fn.parameters.indexOf(param);
    const fnName = functionName(fn) ?? 'the function';
    for (const call of inSourceOrder(this.context.analysis.callersOf(fn))) {
      if (argumentsOf(call).some((a, i) => i <= position && ts.isSpreadElement(a))) continue;
      if (this.takesOtherBranch(call, fn)) continue;
      const arg = argumentsOf(call)[position];
      if (!arg) {
        if (!param.initializer) return { value: 'undefined', certain: false, reason: { id: 'omittedArgument', data: { fn: fnName } }, at: call };
        continue;
      }
      const passed = this.find(arg, depth);
      if (!passed || (param.initializer && passed.value === 'undefined')) continue;
      return possible(passed, { id: 'passedArgument', data: { fn: fnName } }, arg);
    }
    return undefined;
  }

  private variable(decl: ts.VariableDeclaration, depth: number): Emptiness | undefined {
    if (!ts.isIdentifier(decl.name) || !ts.isVariableDeclarationList(decl.parent) || !ts.isVariableStatement(decl.parent.parent)) return undefined;
    const writes = isConstDeclaration(decl) ? [] : this.context.analysis.identifierWrites(decl.name.text, decl);
    if (!writes.length) return decl.initializer ? this.find(decl.initializer, depth) : { value: 'undefined', certain: true, at: decl };
    // A variable assigned later is only reported when every value it is ever given is empty: an
    // empty placeholder that the app overwrites before the call is the common, harmless case.
    const values = [decl.initializer, ...writes.map((w) => w.right)];
    const found = values.map((v) => (v ? this.find(v, depth) : { value: 'undefined' as const, certain: true, at: decl }));
    return found.every((f) => f?.certain) ? found[0] : undefined;
  }

  private bindingElement(element: ts.BindingElement, depth: number): Emptiness | undefined {
    const pattern = element.parent;
    if (element.dotDotDotToken || !ts.isObjectBindingPattern(pattern)) return undefined;
    if (element.initializer) {
      const fallback = this.find(element.initializer, depth);
      return fallback && possible(fallback, { id: 'fallback' });
    }
    const key = accessedKey(element);
    const holder = pattern.parent;
    if (key === undefined) return undefined;
    if (ts.isVariableDeclaration(holder) && holder.initializer) return this.member(holder.initializer, key, depth);
    if (ts.isParameter(holder)) {
      const fn = holder.parent;
      const position = fn.parameters.indexOf(holder);
      for (const call of inSourceOrder(this.context.analysis.callersOf(fn))) {
        const arg = argumentsOf(call)[position];
        const found = arg && !ts.isSpreadElement(arg) ? this.member(arg, key, depth) : undefined;
        if (found) return possible(found);
      }
    }
    return undefined;
  }

  /** `owner.key` where owner holds object literals: missing from all of them, or empty in them. */
  private member(owner: ts.Expression, key: string, depth: number): Emptiness | undefined {
    const literals = this.context.analysis.origins(owner).map((o) => (o.kind === 'expr' && ts.isObjectLiteralExpression(o.node) ? o.node : undefined));
    if (!literals.length || !isEvery(literals)) return undefined;
    if (literals.some((l) => l.properties.some(ts.isSpreadAssignment))) return undefined;
    // A getter or a method is there too: `get alias() { return ... }` is empty only when what it returns is.
    const members = literals.map((l) => memberNamed(l, key));
    if (members.every((m) => !m)) {
      return { value: 'undefined', certain: true, reason: { id: 'missingProperty', data: { name: key } }, at: literals[0] };
    }
    const values = members.flatMap((m) => (!m ? [] : ts.isGetAccessorDeclaration(m) ? this.context.analysis.returnedExpressions(m) : ts.isMethodDeclaration(m) ? [] : [m]));
    for (const value of values) {
      const found = this.find(value, depth);
      if (found) return members.length > 1 || values.length > 1 ? possible(found) : found;
    }
    return undefined;
  }

  private property(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): Emptiness | undefined {
    const key = accessedName(node);
    if (key === undefined) return undefined;
    const ownerKey = this.context.analysis.ownerKey(node);
    const written = !!ownerKey && this.context.analysis.indexedFiles().some((index) =>
      (index.writes.get(key) ?? []).some((w) => !ts.isIdentifier(unwrap(w.left)) && this.context.analysis.ownerKey(w.left) === ownerKey),
    );
    if (!written) {
      const member = this.member(node.expression, key, depth);
      // Nothing writes the property, so what the object gives is what the SDK gets, on every path or on some.
      if (member) return member;
      // The SDK instance has no such field of its own to give (`sdk.userID` read back for a retry).
      if (!SDK_ENUMS.has(key) && !SDK_METHODS.has(key) && this.context.receivers.kindOf(node.expression) === 'instance') {
        return { value: 'undefined', certain: false, reason: { id: 'unsetSdkProperty', data: { text: node.getText() } }, at: node };
      }
    }
    return this.allOrigins(node, depth);
  }

  /** Certain when every value the expression may hold is empty; otherwise nothing (placeholders overwritten later). */
  private allOrigins(node: ts.Expression, depth: number): Emptiness | undefined {
    const origins = this.context.analysis.origins(node);
    if (!origins.length || origins.some((o) => o.kind !== 'expr')) return undefined;
    const found = origins.map((o) => (o.kind === 'expr' && o.node !== node ? this.find(o.node, depth) : undefined));
    return found.every((f) => f?.certain) ? found[0] : undefined;
  }

  /** A call of an app function that may return an empty value (`return null`, a bare `return`). */
  /**
   * Browser APIs that answer `null` for what is missing: a query parameter (`URLSearchParams#get`,
   * also through `url.searchParams`), a storage key (`localStorage.getItem`). (`getAttribute` too, but
   * an attribute is mostly in the page's own markup: left out, as a source of noise.)
   */
  private missingAnswersNull(node: ts.CallExpression): boolean {
    const callee = unwrap(node.expression);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const method = callee.name.text;
    const receiver = unwrap(callee.expression);
    if (method === 'getItem') return /(^|\.)(localStorage|sessionStorage)$/.test(receiver.getText());
    if (method !== 'get') return false;
    if (ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'searchParams') return true;
    return this.context.analysis.origins(receiver).some((o) => o.kind === 'expr' && ts.isNewExpression(o.node) && unwrap(o.node.expression).getText() === 'URLSearchParams');
  }

  private returned(node: ts.CallExpression, depth: number): Emptiness | undefined {
    if (this.missingAnswersNull(node)) return { value: 'null', certain: false, reason: { id: 'missingAnswersNull', data: { text: shortened(node.getText()) } }, at: node };
    const fns = this.context.analysis.calleeFunctions(node);
    const fn = fns.length === 1 ? fns[0] : undefined;
    // An async function hands over a promise, never an empty value.
    if (!fn?.body || (ts.canHaveModifiers(fn) ? ts.getModifiers(fn) : undefined)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return undefined;
    const name = functionName(fn) ?? 'the function';
    const returns: { expression?: ts.Expression; node: ts.Node }[] = ts.isBlock(fn.body)
      ? returnStatements(fn.body).map((r) => ({ expression: r.expression, node: r }))
      : [{ expression: fn.body, node: fn.body }];
    for (const r of returns) {
      const found = r.expression ? this.find(r.expression, depth) : { value: 'undefined' as const, certain: false, at: r.node };
      if (found) return { ...found, certain: false, reason: found.reason ?? { id: 'returned', data: { fn: name } }, at: found.at ?? r.node };
    }
    return undefined;
  }
}

/** The member of an object literal named `key`: a value's expression, a getter or a method; undefined when absent. */
function memberNamed(literal: ts.ObjectLiteralExpression, key: string): ts.Expression | ts.GetAccessorDeclaration | ts.MethodDeclaration | undefined {
  for (let i = literal.properties.length - 1; i >= 0; i--) {
    const prop = literal.properties[i];
    if (propertyNameText(prop.name) !== key) continue;
    if (ts.isPropertyAssignment(prop)) return prop.initializer;
    if (ts.isShorthandPropertyAssignment(prop)) return prop.name;
    if (ts.isGetAccessorDeclaration(prop) || ts.isMethodDeclaration(prop)) return prop;
  }
  return undefined;
}

function inSourceOrder<T extends ts.Node>(nodes: T[]): T[] {
  return [...nodes].sort((a, b) => a.getSourceFile().fileName.localeCompare(b.getSourceFile().fileName) || a.pos - b.pos);
}

function isEvery<T>(items: (T | undefined)[]): items is T[] {
  return items.every((item) => item !== undefined);
}

function possible(found: Emptiness, reason?: Reason, at?: ts.Node): Emptiness {
  return { ...found, certain: false, reason: found.reason ?? reason, at: found.reason ? found.at : (at ?? found.at) };
}

function accessedKey(element: ts.BindingElement): string | undefined {
  const name = element.propertyName ?? element.name;
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name)) return name.text;
  return undefined;
}

/** `string | undefined`, `string | null`: the empty value the declared type allows. */
function nullableType(type: ts.TypeNode): EmptyValue | undefined {
  if (!ts.isUnionTypeNode(type)) return undefined;
  for (const member of type.types) {
    if (member.kind === ts.SyntaxKind.UndefinedKeyword) return 'undefined';
    if (ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword) return 'null';
  }
  return undefined;
}

/** The return statements of a function body, outside nested functions, in source order. */
function returnStatements(body: ts.Block): ts.ReturnStatement[] {
  const out: ts.ReturnStatement[] = [];
  const stack: ts.Node[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isFunctionLike(node)) continue;
    if (ts.isReturnStatement(node)) out.push(node);
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return out.sort((a, b) => a.pos - b.pos);
}

function hasNonNullAssertion(expression: ts.Expression): boolean {
  for (let node = expression; ; node = node.expression) {
    if (ts.isNonNullExpression(node)) return true;
    if (!(ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node))) return false;
  }
}

/** What an optional chain checks first: `user` in `user?.profile?.id`, `this.user` in `this.user?.id`. */
function rootOf(node: ts.Expression): ts.Expression {
  let root = node;
  for (let current = unwrap(node); ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isCallExpression(current); current = unwrap(current.expression)) {
    if (current.questionDotToken) root = current.expression;
  }
  return root;
}

/** Whether `condition` reads what `subject` refers to (its declaration, or the same text for `this.x`). */
function mentions(condition: ts.Node, subject: ts.Expression): boolean {
  const decl = ts.isIdentifier(subject) ? declarationOf(subject) : undefined;
  const text = subject.getText();
  const stack: ts.Node[] = [condition];
  while (stack.length) {
    const node = stack.pop()!;
    if (decl ? ts.isIdentifier(node) && declarationOf(node) === decl : node.getText() === text) return true;
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return false;
}

/**
 * Whether the use of `subject` at `use` only runs once the app checked it: inside `if (id)`,
 * `id ? ... : ...`, `id && ...`, or after `if (!id) return;`.
 */
function isGuarded(use: ts.Node, subject: ts.Expression): boolean {
  return guardsOf(use).some((guard) => !!guard.condition && (guard.holds || guard.earlyExit) && mentions(guard.condition, subject));
}

/** The message for an emptiness: its reason's, else a plain "is" or "can be". */
function messageOf(found: Emptiness): Reason {
  const reason = found.reason ?? { id: found.certain ? 'empty' : 'possible' };
  // A property missing from one of the objects a parameter may hold: only possibly missing.
  return reason.id === 'missingProperty' && !found.certain ? { ...reason, id: 'missingPropertyPossible' } : reason;
}

function report(context: RuleContext, id: IdentifierArg | MissingIdentifier, node: ts.Node, found: Emptiness): void {
  const related: DraftRelated[] = [];
  if (found.at && found.at !== node && !(found.at.pos >= node.pos && found.at.end <= node.end)) related.push({ node: found.at, noteId: 'origin' });
  const { id: messageId, data } = messageOf(found);
  context.report({ node, messageId, data: { label: id.label, value: VALUE_TEXT[found.value], ...data }, related, likely: !found.certain });
}

/**
 * `addNewFabric(pc, remote, usage, '')` and later `setIdentifiers({ conferenceID }, pc)`: the empty ID
 * is a deliberate placeholder (the SDK files the connection under its temporary ID until the real one
 * arrives). `undefined` is never one: addNewFabric() fails on it.
 */
function isReplacedLater(context: RuleContext, id: IdentifierArg, found: Emptiness): boolean {
  if (id.call.method.name !== 'addNewFabric' || id.slot.kind !== 'conferenceId' || found.value === 'undefined') return false;
  const pc = id.call.call.arguments[0];
  const key = pc && context.analysis.ownerKey(pc);
  if (!key) return false;
  return context.calls.some((call) => {
    if (call.method.name !== 'setIdentifiers' || !call.call.arguments[1] || context.analysis.ownerKey(call.call.arguments[1]) !== key) return false;
    return identifierArgs(context, call).some((other) => other.slot.kind === 'conferenceId');
  });
}

const HELP = 'Pass a non-empty ID: an empty one shows up as an empty string on the dashboard.';

export const idEmpty = defineRule({
  meta: {
    id: 'id-empty',
    description: 'Identifiers must not be empty, null or undefined',
    defaultSeverity: 'warn',
    docs: 'docs/rules/id-empty.md',
    fixes: {},
  },
  messages: {
    empty: { message: '{{label}} is {{value}}', help: HELP },
    possible: { message: '{{label}} can be {{value}}', help: HELP },
    missing: { message: '{{label}} is missing, so the SDK receives undefined', help: HELP },
    missingProperty: { message: '{{label}} is undefined: the object has no {{name}} property', help: HELP },
    missingPropertyPossible: { message: '{{label}} can be undefined: an object passed here has no {{name}} property', help: HELP },
    optionalParameter: { message: '{{label}} can be undefined: parameter {{name}} is optional with no fallback', help: HELP },
    nullableParameter: { message: '{{label}} can be {{value}}: parameter {{name}} is declared as {{type}}', help: HELP },
    defaultParameter: { message: '{{label}} can be {{value}}: parameter {{name}} defaults to it', help: HELP },
    omittedArgument: { message: '{{label}} can be undefined: {{fn}}() is called without it', help: HELP },
    passedArgument: { message: '{{label}} can be {{value}}: {{fn}}() is called with {{value}}', help: HELP },
    optionalChain: { message: '{{label}} can be undefined: {{text}} has no ?? fallback', help: HELP },
    fallback: { message: '{{label}} can be {{value}}: its fallback is {{value}}', help: HELP },
    branch: { message: '{{label}} can be {{value}} in one branch of the condition', help: HELP },
    returned: { message: '{{label}} can be {{value}}: {{fn}}() can return it', help: HELP },
    missingAnswersNull: { message: '{{label}} can be null: {{text}} gives null when the value is missing', help: HELP },
    unsetSdkProperty: { message: '{{label}} is read from {{text}}, which nothing in the app sets on the callstats instance', help: HELP },
  },
  notes: {
    origin: 'the empty value comes from here',
  },
  create(context) {
    const finder = new EmptinessFinder(context);
    eachCall(context, context.calls, (call) => {
      for (const id of identifierArgs(context, call)) {
        const found = finder.find(id.expression);
        if (found && !isReplacedLater(context, id, found)) report(context, id, id.expression, found);
      }
      for (const id of missingIdentifiers(call)) {
        report(context, id, call.call, { value: 'undefined', certain: true, reason: { id: 'missing' } });
      }
    });
  },
});
