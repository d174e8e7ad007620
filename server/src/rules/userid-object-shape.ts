// Rule userid-object-shape: the object form of userID needs userName and aliasName strings, known keys only, and callstats.js 3.14 or newer.
import { ts } from 'ts-morph';
import { propertyNameText, unwrap } from '../engine/syntax.js';
import { compareVersions } from '../engine/project.js';
import type { SdkCall } from '../engine/receivers.js';
import { USER_OBJECT_FIELDS } from '../engine/sdk.js';
import { Evaluator, type Value } from '../engine/values.js';
import { defineRule, eachCall, type DraftFix, type DraftRelated, type RuleContext } from '../engine/rule.js';
import { replaceNode } from './edits.js';

/** The first callstats.js version that accepts `{userName, aliasName, loginID}` as the local userID. */
const OBJECT_FORM_SINCE = '3.14.0';
const REQUIRED = ['aliasName', 'userName'] as const;

const ROLES: Record<string, string> = {
  userName: "the user's name shown to support staff",
  aliasName: 'the ID the user is reported under',
  loginID: 'the login ID',
};


/** The object literals an expression may hold (through variables, imports and conditionals). */
function objectLiterals(value: Value): ts.ObjectLiteralExpression[] {
  return Evaluator.options(value).flatMap((v) => (v.kind === 'object' ? [v.literal] : []));
}

function describeNonString(context: RuleContext, expr: ts.Expression): string | undefined {
  const node = unwrap(expr);
  if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return 'a boolean';
  if (ts.isArrayLiteralExpression(node)) return 'an array';
  const options = Evaluator.options(context.evaluator.evaluate(node));
  // Only when every possible value is known and none is a string: unknown values may well be strings.
  if (!options.length || options.some((o) => o.kind === 'string' || o.kind === 'unknown')) return undefined;
  const first = options[0];
  if (first.kind === 'number') return 'a number';
  if (first.kind === 'nullish') return first.text;
  if (first.kind === 'object') return 'an object';
  return undefined;
}

/** Whether the field is set later through the literal's variable (`user.aliasName = id`). */
function writtenLater(context: RuleContext, literal: ts.ObjectLiteralExpression, field: string): boolean {
  const holder = literal.parent;
  if (!holder || !ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name)) return false;
  const key = context.analysis.ownerKey(holder.name);
  if (!key) return false;
  return context.analysis.indexedFiles().some((index) =>
    (index.writes.get(field) ?? []).some((write) => {
      const target = unwrap(write.left);
      return (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && context.analysis.ownerKey(target.expression) === key;
    }),
  );
}

/** `username: x` becomes `userName: x`, shorthand `username` becomes `userName: username`; not when the right key is there too. */
function renameFix(literal: ts.ObjectLiteralExpression, prop: ts.ObjectLiteralElementLike, key: string, known: string): DraftFix<Fixes>[] {
  if (!prop.name || !ts.isIdentifier(prop.name) || literal.properties.some((p) => propertyNameText(p.name) === known)) return [];
  const text = ts.isShorthandPropertyAssignment(prop) ? `${known}: ${key}` : known;
  return [{ fixId: 'rename', edits: [replaceNode(prop.name, text)] }];
}

function checkShape(context: RuleContext, literal: ts.ObjectLiteralExpression, related: DraftRelated[]): void {
  const present = new Set<string>();
  let open = false;
  for (const prop of literal.properties) {
    if (ts.isSpreadAssignment(prop)) {
      // Keys may come from the spread object: missing keys can no longer be told.
      open = true;
      continue;
    }
    const key = propertyNameText(prop.name);
    if (key === undefined) {
      open = true;
      continue;
    }
    present.add(key);
    if (!(USER_OBJECT_FIELDS as readonly string[]).includes(key)) {
      const known = USER_OBJECT_FIELDS.find((f) => f.toLowerCase() === key.toLowerCase());
      context.report({
        node: prop.name!,
        ...(known ? { messageId: 'misspeltKey', data: { key, known } } : { messageId: 'unknownKey', data: { key } }),
        related,
        fixes: known ? renameFix(literal, prop, key, known) : [],
      });
      continue;
    }
    const valueExpr = ts.isPropertyAssignment(prop) ? prop.initializer : ts.isShorthandPropertyAssignment(prop) ? prop.name : undefined;
    const kind = valueExpr && describeNonString(context, valueExpr);
    if (valueExpr && kind) {
      context.report({ node: valueExpr, messageId: 'notString', data: { field: key, kind, role: ROLES[key] }, related });
    }
  }
  if (open) return;
  const misspelt = [...present].map((key) => key.toLowerCase());
  for (const field of REQUIRED) {
    // A key spelt in another case is reported as unknown already, with the right spelling.
    if (present.has(field) || misspelt.includes(field.toLowerCase()) || writtenLater(context, literal, field)) continue;
    context.report({ node: literal, messageId: field === 'aliasName' ? 'missingAliasName' : 'missingUserName', related });
  }
}

function checkVersion(context: RuleContext, call: SdkCall, literal: ts.ObjectLiteralExpression, related: DraftRelated[]): void {
  const pinned = context.project.sdkVersion(call.file);
  if (!pinned || compareVersions(pinned.version, OBJECT_FORM_SINCE) >= 0) return;
  context.report({
    node: literal,
    messageId: 'tooOld',
    data: { version: pinned.version },
    related: [{ file: pinned.file, start: pinned.start, end: pinned.end, noteId: 'pinned', data: { version: pinned.version } }, ...related],
  });
}

function checkLocal(context: RuleContext, call: SdkCall): void {
  const arg = call.call.arguments[2];
  if (!arg || ts.isSpreadElement(arg)) return;
  for (const literal of objectLiterals(context.evaluator.evaluate(arg))) {
    const related: DraftRelated[] = unwrap(arg) === literal ? [] : [{ node: arg, noteId: 'passedAt' }];
    checkShape(context, literal, related);
    checkVersion(context, call, literal, related);
  }
}

/** Remote user IDs: addNewFabric's and associateMstWithUserID's argument 1, setIdentifiers' `remoteUserID`. */
function remoteSlot(call: SdkCall): { expr: ts.Expression; label: string } | undefined {
  const name = call.method.name;
  if (name === 'addNewFabric') return call.call.arguments[1] && { expr: call.call.arguments[1], label: 'the remoteUserID' };
  if (name === 'associateMstWithUserID') return call.call.arguments[1] && { expr: call.call.arguments[1], label: 'the userID' };
  if (name !== 'setIdentifiers') return undefined;
  const arg = call.call.arguments[0] && unwrap(call.call.arguments[0]);
  if (!arg || !ts.isObjectLiteralExpression(arg)) return undefined;
  for (const prop of arg.properties) {
    if (propertyNameText(prop.name) !== 'remoteUserID') continue;
    if (ts.isPropertyAssignment(prop)) return { expr: prop.initializer, label: 'remoteUserID' };
    if (ts.isShorthandPropertyAssignment(prop)) return { expr: prop.name, label: 'remoteUserID' };
  }
  return undefined;
}

/** `x.aliasName` for a reference to the object, or the aliasName's own expression for a literal written in place. */
function aliasFix(expr: ts.Expression, value: Value): DraftFix<Fixes>[] {
  const options = Evaluator.options(value);
  if (options.length !== 1 || options[0].kind !== 'object' || ts.isShorthandPropertyAssignment(expr.parent)) return [];
  const literal = options[0].literal;
  const alias = literal.properties.find((p) => propertyNameText(p.name) === 'aliasName');
  if (!alias || !(ts.isPropertyAssignment(alias) || ts.isShorthandPropertyAssignment(alias))) return [];
  const node = unwrap(expr);
  let text: string | undefined;
  // A literal written in place gives up its aliasName expression (same scope); a reference gets `.aliasName`.
  if (node === literal) text = (ts.isPropertyAssignment(alias) ? alias.initializer : alias.name).getText();
  else if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) text = `${node.getText()}.aliasName`;
  return text === undefined ? [] : [{ fixId: 'aliasName', edits: [replaceNode(node, text)] }];
}

function checkRemote(context: RuleContext, call: SdkCall): void {
  const slot = remoteSlot(call);
  if (!slot) return;
  const value = context.evaluator.evaluate(slot.expr);
  const objects = objectLiterals(value);
  if (!objects.length) return;
  context.report({
    node: slot.expr,
    messageId: 'remoteObject',
    data: { method: call.method.name, label: slot.label },
    // An object on some paths only (`cond ? { ... } : id`) may never be passed.
    likely: objects.length < Evaluator.options(value).length,
    fixes: aliasFix(slot.expr, value),
  });
}

type Fixes = 'rename' | 'aliasName';

export const useridObjectShape = defineRule({
  meta: {
    id: 'userid-object-shape',
    description: 'The object form of userID needs userName and aliasName strings, known keys only, and callstats.js 3.14 or newer',
    defaultSeverity: 'error',
    docs: 'docs/rules/userid-object-shape.md',
    fixes: {
      rename: { title: "Use the SDK's spelling of the key", kind: 'suggestion' },
      aliasName: { title: 'Pass the aliasName string instead of the object', kind: 'suggestion' },
    },
  },
  messages: {
    missingAliasName: {
      message: 'The userID object has no aliasName, the ID callstats reports the user under',
      help: 'Add aliasName as a string: an opaque ID for this user.',
    },
    missingUserName: {
      message: "The userID object has no userName, the user's name for support staff",
      help: 'Add userName as a string, or pass the aliasName string alone.',
    },
    notString: {
      message: 'userID.{{field}} is {{kind}}, not a string',
      help: 'callstats.js expects a string for {{role}}.',
    },
    unknownKey: {
      message: "callstats.js does not read '{{key}}' in the userID object",
      help: 'The object form knows userName, aliasName and loginID; move this value out of the userID.',
    },
    misspeltKey: {
      message: "callstats.js does not read '{{key}}' in the userID object; did you mean '{{known}}'?",
      help: "Spell the key '{{known}}', or callstats never sees its value.",
    },
    tooOld: {
      message: 'The object form of userID needs callstats.js 3.14, but the app pins {{version}}',
      help: 'Upgrade callstats.js to 3.14 or newer, or pass the aliasName string.',
    },
    remoteObject: {
      message: '{{method}}() takes {{label}} as a string, not the object form',
      help: 'Pass the ID string (the object\'s aliasName): newer builds do not unwrap the object here.',
    },
  },
  notes: {
    pinned: 'callstats.js {{version}} is pinned here',
    passedAt: 'passed to initialize() as the local userID here',
  },
  create(context) {
    eachCall(context, context.calls, (call) => {
      if (call.method.name === 'initialize') checkLocal(context, call);
      else checkRemote(context, call);
    });
  },
});
