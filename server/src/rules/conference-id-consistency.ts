// Rule conference-id-consistency: calls about one connection must use the conferenceID its addNewFabric() registered.
import { ts } from 'ts-morph';
import { propertyNameText, unwrap } from '../engine/syntax.js';
import type { SdkCall } from '../engine/receivers.js';
import { declarationOf, isConstDeclaration } from '../engine/scope.js';
import { connectionKeys, connectionOf } from '../engine/topology.js';
import { defineRule, eachCall, type DraftFix, type RuleContext } from '../engine/rule.js';
import { hasSideEffects, meansTheSameAt, quoteLike, replaceNode } from './edits.js';
const MAX_DEPTH = 6;

/** A conferenceID as literal text and symbols: `ROOM_PREFIX + room` is ['meet.example.com/', room, '']. */
interface Form {
  texts: string[];
  symbols: string[];
}

interface ConferenceUse {
  call: SdkCall;
  expression: ts.Expression;
  connection: Set<string>;
  /** Undefined when the value cannot be written as text and symbols. */
  form?: Form;
  /** An empty, null or undefined conferenceID: the SDK uses a temporary one until setIdentifiers(). */
  temporary: boolean;
}

type Part = { text: string } | { symbol: string };

/** The conferenceID of a call: its argument, or setIdentifiers' `conferenceID` property. */
function conferenceExpression(call: SdkCall): ts.Expression | undefined {
  const slot = call.method.slots.find((s) => s.kind === 'conferenceId');
  const arg = slot && call.call.arguments[slot.index];
  if (!slot || !arg || ts.isSpreadElement(arg)) return undefined;
  if (!slot.property) return arg;
  const literal = unwrap(arg);
  if (!ts.isObjectLiteralExpression(literal)) return undefined;
  for (const prop of literal.properties) {
    if (propertyNameText(prop.name) !== slot.property) continue;
    if (ts.isPropertyAssignment(prop)) return prop.initializer;
    if (ts.isShorthandPropertyAssignment(prop)) return prop.name;
  }
  return undefined;
}

function parts(context: RuleContext, expression: ts.Expression, depth: number): Part[] | undefined {
  const node = unwrap(expression);
  const value = context.evaluator.evaluate(node);
  if (value.kind === 'string' && value.exact && value.text !== undefined) return [{ text: value.text }];
  if (value.kind === 'number') return [{ text: String(value.value) }];
  if (depth > MAX_DEPTH) return undefined;
  if (ts.isTemplateExpression(node)) {
    const out: Part[] = [{ text: node.head.text }];
    for (const span of node.templateSpans) {
      const inner = parts(context, span.expression, depth + 1);
      if (!inner) return undefined;
      out.push(...inner, { text: span.literal.text });
    }
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && value.kind === 'string') {
    const left = parts(context, node.left, depth + 1);
    const right = left && parts(context, node.right, depth + 1);
    return left && right ? [...left, ...right] : undefined;
  }
  if (ts.isIdentifier(node)) {
    // A variable that only ever holds its initializer stands for that expression.
    const decl = declarationOf(node);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && (isConstDeclaration(decl) || !context.analysis.identifierWrites(node.text, decl).length)) {
      // A value made by a call (`const conferenceID = callId(room)`) is the variable itself: a symbol.
      const inner = parts(context, decl.initializer, depth + 1);
      if (inner) return inner;
    }
  }
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const key = context.analysis.ownerKey(node);
    if (key) return [{ symbol: key }];
  }
  return undefined;
}

function formOf(context: RuleContext, expression: ts.Expression): Form | undefined {
  const found = parts(context, expression, 0);
  if (!found) return undefined;
  const form: Form = { texts: [''], symbols: [] };
  for (const part of found) {
    if ('text' in part) form.texts[form.texts.length - 1] += part.text;
    else {
      form.symbols.push(part.symbol);
      form.texts.push('');
    }
  }
  return form;
}

/**
 * Whether two forms differ whatever their symbols hold: exact texts that differ, or the same symbols
 * in the same order around literal text of different total length, or with clashing ends.
 */
function provablyDifferent(a: Form, b: Form): boolean {
  if (a.symbols.join('\0') !== b.symbols.join('\0')) return false;
  if (!a.symbols.length) return a.texts[0] !== b.texts[0];
  const length = (f: Form) => f.texts.reduce((sum, t) => sum + t.length, 0);
  if (length(a) !== length(b)) return true;
  const [headA, headB] = [a.texts[0], b.texts[0]];
  const [tailA, tailB] = [a.texts[a.texts.length - 1], b.texts[b.texts.length - 1]];
  return !(headA.startsWith(headB) || headB.startsWith(headA)) || !(tailA.endsWith(tailB) || tailB.endsWith(tailA));
}

/** Code in a message, in backticks (doubled around code that has its own). */
function code(node: ts.Node): string {
  const raw = node.getText().replace(/\s+/g, ' ');
  const text = raw.length > 60 ? raw.slice(0, 57) + '...' : raw;
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** The value as text when known, else the code, with a constant's initializer: `conferenceID` (`ROOM_PREFIX + room`). */
function describe(use: ConferenceUse): string {
  if (use.form && !use.form.symbols.length) return JSON.stringify(use.form.texts[0]);
  const node = unwrap(use.expression);
  const decl = ts.isIdentifier(node) ? declarationOf(node) : undefined;
  if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isConstDeclaration(decl)) return `${code(node)} (${code(decl.initializer)})`;
  return code(node);
}

function isTemporary(context: RuleContext, expression: ts.Expression): boolean {
  const value = context.evaluator.evaluate(expression);
  return value.kind === 'nullish' || (value.kind === 'string' && value.exact && value.text === '');
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const key of a) if (b.has(key)) return true;
  return false;
}

function fixFor(use: ConferenceUse, fabric: ConferenceUse): DraftFix<'sameId'>[] {
  const source = unwrap(fabric.expression);
  const target = use.expression;
  if (hasSideEffects(target) || hasSideEffects(source)) return [];
  let text: string | undefined;
  if (ts.isStringLiteralLike(source)) text = quoteLike(ts.isStringLiteralLike(unwrap(target)) ? unwrap(target) : source, source.text);
  else if (meansTheSameAt(source, target)) text = source.getText();
  if (text === undefined) return [];
  if (ts.isShorthandPropertyAssignment(target.parent)) text = `${target.getText()}: ${text}`;
  return [{ fixId: 'sameId', edits: [replaceNode(ts.isShorthandPropertyAssignment(target.parent) ? target : unwrap(target), text)] }];
}

function useOf(context: RuleContext, call: SdkCall): ConferenceUse | undefined {
  if (call.method.name === 'sendUserFeedback') return undefined;
  const pc = connectionOf(call);
  const expression = conferenceExpression(call);
  if (!pc || !expression) return undefined;
  const connection = connectionKeys(context.analysis, pc);
  if (!connection.size) return undefined;
  return { call, expression, connection, form: formOf(context, expression), temporary: isTemporary(context, expression) };
}

function check(context: RuleContext, use: ConferenceUse, fabrics: ConferenceUse[], renames: ConferenceUse[]): void {
  const sameConnection = (other: ConferenceUse) => overlaps(use.connection, other.connection);
  const registered = fabrics.filter((f) => sameConnection(f) && !f.temporary);
  if (!registered.length || !use.form) return;
  // setIdentifiers() may give the connection its conferenceID later: later calls may use that one too.
  const references = use.call.method.name === 'setIdentifiers' ? registered : [...registered, ...renames.filter((r) => r !== use && sameConnection(r))];
  if (!references.every((r) => r.form && provablyDifferent(use.form!, r.form))) return;
  context.report({
    node: use.expression,
    messageId: 'different',
    data: { method: use.call.method.name, value: describe(use), fabric: describe(registered[0]) },
    related: registered.map((f) => ({ node: f.expression, noteId: 'registered' })),
    // That the two calls are about one connection is worked out from the code.
    likely: true,
    fixes: registered.length === 1 ? fixFor(use, registered[0]) : [],
  });
}

export const conferenceIdConsistency = defineRule({
  meta: {
    id: 'conference-id-consistency',
    description: 'Calls about one connection must use the same conferenceID',
    defaultSeverity: 'warn',
    docs: 'docs/rules/conference-id-consistency.md',
    fixes: {
      sameId: { title: 'Use the conferenceID of addNewFabric()', kind: 'suggestion' },
    },
  },
  messages: {
    different: {
      message: '{{method}}() uses conferenceID {{value}}, but addNewFabric() registered {{fabric}}',
      help: 'Pass the conferenceID the connection was registered under, or this lands in another conference.',
    },
  },
  notes: {
    registered: 'addNewFabric() registered the connection under this conferenceID',
  },
  create(context) {
    const uses: ConferenceUse[] = [];
    eachCall(context, context.calls, (call) => {
      const use = useOf(context, call);
      if (use) uses.push(use);
    });
    const fabrics = uses.filter((u) => u.call.method.name === 'addNewFabric');
    const renames = uses.filter((u) => u.call.method.name === 'setIdentifiers');
    const later = uses.filter((u) => u.call.method.name !== 'addNewFabric');
    eachCall(context, later.map((u) => u.call), (call) => check(context, later.find((u) => u.call === call)!, fabrics, renames));
  },
});
