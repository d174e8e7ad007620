// The identifiers one SDK call hands over (each slot's expression and its label), shared by the identifier rules.
import { ts } from 'ts-morph';
import { propertyNameText, unwrap } from '../engine/analysis.js';
import type { SdkCall } from '../engine/receivers.js';
import type { IdSlot } from '../engine/sdk.js';
import { Evaluator } from '../engine/values.js';
import type { RuleContext } from '../engine/rule.js';

const LABELS: Record<IdSlot['kind'], string> = {
  localUserId: 'userID',
  remoteUserId: 'remoteUserID',
  userId: 'userID',
  conferenceId: 'conferenceID',
};

export interface IdentifierArg {
  call: SdkCall;
  slot: IdSlot;
  /** `userID`, `remoteUserID`, `conferenceID`, `feedback.userID`, `userID.aliasName`. */
  label: string;
  isUser: boolean;
  /** What is written for the identifier: an argument, or a property of an object argument. */
  expression: ts.Expression;
}

export interface MissingIdentifier {
  call: SdkCall;
  slot: IdSlot;
  label: string;
  isUser: boolean;
}

/** The initializer of property `name` in an object literal: undefined when absent or hidden behind a spread. */
export function objectProperty(literal: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (let i = literal.properties.length - 1; i >= 0; i--) {
    const prop = literal.properties[i];
    if (ts.isSpreadAssignment(prop)) return undefined;
    if (propertyNameText(prop.name) !== name) continue;
    if (ts.isPropertyAssignment(prop)) return prop.initializer;
    if (ts.isShorthandPropertyAssignment(prop)) return prop.name;
    return undefined;
  }
  return undefined;
}

/** The object literals an argument may be (itself, or what a variable holds). */
function objectLiterals(context: RuleContext, arg: ts.Expression): ts.ObjectLiteralExpression[] {
  const node = unwrap(arg);
  if (ts.isObjectLiteralExpression(node)) return [node];
  return Evaluator.options(context.evaluator.evaluate(arg)).flatMap((v) => (v.kind === 'object' ? [v.literal] : []));
}

/**
 * Every identifier expression of a call, in slot order: the userID of initialize() (the object
 * form's aliasName, the ID the SDK uses), remote user IDs, conferenceIDs, setIdentifiers' and
 * sendUserFeedback's properties.
 */
export function identifierArgs(context: RuleContext, call: SdkCall): IdentifierArg[] {
  const out: IdentifierArg[] = [];
  for (const slot of call.method.slots) {
    const arg = call.call.arguments[slot.index];
    if (!arg || ts.isSpreadElement(arg)) continue;
    const isUser = slot.kind !== 'conferenceId';
    if (slot.property) {
      const label = `${slot.property === 'userID' ? 'feedback.' : ''}${slot.property}`;
      for (const literal of objectLiterals(context, arg)) {
        const expression = objectProperty(literal, slot.property);
        if (expression) out.push({ call, slot, label, isUser, expression });
      }
      continue;
    }
    const literals = slot.kind === 'localUserId' ? objectLiterals(context, arg) : [];
    if (!literals.length) {
      out.push({ call, slot, label: LABELS[slot.kind], isUser, expression: arg });
      continue;
    }
    for (const literal of literals) {
      const expression = objectProperty(literal, 'aliasName');
      if (expression) out.push({ call, slot, label: 'userID.aliasName', isUser, expression });
    }
  }
  return out;
}

/** Positional identifier arguments a call leaves out (the SDK then receives undefined). */
export function missingIdentifiers(call: SdkCall): MissingIdentifier[] {
  const args = call.call.arguments;
  if (args.some((a) => ts.isSpreadElement(a))) return [];
  return call.method.slots
    .filter((slot) => !slot.property && slot.index >= args.length)
    .map((slot) => ({ call, slot, label: LABELS[slot.kind], isUser: slot.kind !== 'conferenceId' }));
}

const MAX_SHOWN = 48;

/** A value as messages quote it: long ones are cut, the finding's range shows the whole. */
export function shortened(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_SHOWN ? text : `${chars.slice(0, MAX_SHOWN - 1).join('')}…`;
}
