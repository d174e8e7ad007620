// The local user as the app identifies it to initialize(): by owner, by the expressions its value comes from, by text.
import { ts } from 'ts-morph';
import type { SdkCall } from '../engine/receivers.js';
import type { RuleContext } from '../engine/rule.js';
import { propertyNameText } from '../engine/syntax.js';
import { Evaluator } from '../engine/values.js';

export interface LocalUser {
  /** Owner keys of the userID expressions and of where their values come from. */
  keys: Set<string>;
  /** Expressions the values come from. */
  origins: Set<ts.Node>;
  /** Exact texts. */
  texts: Set<string>;
  /** The initialize() calls. */
  calls: SdkCall[];
}

function exactText(context: RuleContext, expr: ts.Expression): string | undefined {
  const value = context.evaluator.evaluate(expr);
  return value.kind === 'string' && value.exact ? value.text : undefined;
}

/**
 * Owner keys naming what an expression holds: its own, and those of the expressions its value comes
 * from where the trail ends unresolved (`student.userId` passed in as `{ userId: student.userId }` and
 * read back as `this.me.userId` names the same value as the `student.userId` given to initialize()).
 */
export function valueKeys(context: RuleContext, expr: ts.Expression): Set<string> {
  const out = new Set<string>();
  const own = context.analysis.ownerKey(expr);
  if (own) out.add(own);
  for (const origin of context.analysis.origins(expr)) {
    const node = origin.kind === 'unknown' || origin.kind === 'expr' ? origin.node : undefined;
    if (node && node !== expr && (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node))) {
      const key = context.analysis.ownerKey(node);
      if (key) out.add(key);
    }
  }
  return out;
}

/** The aliasName expressions of the object-form userIDs an expression may hold. */
function aliasNames(context: RuleContext, userId: ts.Expression): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const option of Evaluator.options(context.evaluator.evaluate(userId))) {
    if (option.kind !== 'object') continue;
    for (const prop of option.literal.properties) {
      if (propertyNameText(prop.name) !== 'aliasName') continue;
      if (ts.isPropertyAssignment(prop)) out.push(prop.initializer);
      if (ts.isShorthandPropertyAssignment(prop)) out.push(prop.name);
    }
  }
  return out;
}

/** What identifies the local user: every initialize() userID (and the object form's aliasName). */
export function localUser(context: RuleContext): LocalUser {
  const local: LocalUser = { keys: new Set(), origins: new Set(), texts: new Set(), calls: [] };
  const add = (userId: ts.Expression) => {
    for (const key of valueKeys(context, userId)) {
      local.keys.add(key);
      local.keys.add(`${key}.aliasName`);
    }
    for (const o of context.analysis.origins(userId)) if (o.kind === 'expr' && !ts.isObjectLiteralExpression(o.node)) local.origins.add(o.node);
    const text = exactText(context, userId);
    if (text !== undefined) local.texts.add(text);
  };
  for (const call of context.calls) {
    const userId = call.method.name === 'initialize' ? call.call.arguments[2] : undefined;
    if (!userId || ts.isSpreadElement(userId)) continue;
    local.calls.push(call);
    add(userId);
    // The object form reports the user under its aliasName.
    for (const alias of aliasNames(context, userId)) add(alias);
  }
  return local;
}

/** Whether the expression holds the local userID. */
export function isLocalUser(context: RuleContext, expr: ts.Expression, local: LocalUser): boolean {
  for (const key of valueKeys(context, expr)) if (local.keys.has(key)) return true;
  if (context.analysis.origins(expr).some((o) => o.kind === 'expr' && local.origins.has(o.node))) return true;
  const text = exactText(context, expr);
  return text !== undefined && local.texts.has(text);
}
