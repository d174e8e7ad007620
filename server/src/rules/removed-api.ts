// Rule removed-api: do not use SDK methods and events that callstats.js removed or rejects.
import { ts } from 'ts-morph';
import { accessedName, unwrap } from '../engine/analysis.js';
import { compareVersions } from '../engine/project.js';
import type { SdkCall } from '../engine/receivers.js';
import { declarationOf, isConstDeclaration } from '../engine/scope.js';
import { defineRule, eachCall, type DraftFix, type RuleContext } from '../engine/rule.js';
import { quoteLike, replaceNode } from './edits.js';

/** The event names `on()` accepts in bundle 3.73.16 (the docs also list 'error', which it rejects). */
export const ACCEPTED_EVENTS = [
  'stats',
  'defaultConfig',
  'recommendedConfig',
  'preCallTestResults',
  'preCallTest',
  'connectionRecommendation',
  'mediaDisruption',
  'pctConnectionQualityChange',
];

/** reportUserIDChange is in the 3.24.6 bundle and absent from 3.64.5 on. */
const USERID_CHANGE_GONE = '3.64.0';

const MAX_FOLLOW = 4;

/**
 * The name an argument selects: an exact string, or the member of an SDK enum
 * (`cs.fabricEvent.fabricSetupFailed`), also through `const` variables.
 */
function selectedName(context: RuleContext, expression: ts.Expression, enumName: string, depth = 0): string | undefined {
  const node = unwrap(expression);
  const value = context.evaluator.evaluate(node);
  if (value.kind === 'string' && value.exact) return value.text;
  if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && accessedName(unwrap(node.expression)) === enumName) {
    return accessedName(node);
  }
  if (ts.isIdentifier(node) && depth < MAX_FOLLOW) {
    const decl = declarationOf(node);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isConstDeclaration(decl)) return selectedName(context, decl.initializer, enumName, depth + 1);
  }
  return undefined;
}

/** The method name of the call, where findings about the method itself go. */
function methodName(call: SdkCall): ts.Node {
  const callee = unwrap(call.call.expression);
  if (ts.isPropertyAccessExpression(callee)) return callee.name;
  if (ts.isElementAccessExpression(callee)) return callee.argumentExpression;
  return call.call;
}

function checkReportUserIdChange(context: RuleContext, call: SdkCall): void {
  const pinned = context.project.sdkVersion(call.file);
  if (!pinned || compareVersions(pinned.version, USERID_CHANGE_GONE) >= 0) {
    context.report({ node: methodName(call), messageId: 'reportUserIdChange' });
    return;
  }
  const { version } = pinned;
  context.report({
    node: methodName(call),
    messageId: 'reportUserIdChangePinned',
    data: { version },
    related: [{ file: pinned.file, start: pinned.start, end: pinned.end, noteId: 'pinned', data: { version } }],
  });
}

function checkFabricEvent(context: RuleContext, call: SdkCall): void {
  const event = call.call.arguments[1];
  if (!event || ts.isSpreadElement(event)) return;
  if (selectedName(context, event, 'fabricEvent') === 'fabricSetupFailed') context.report({ node: event, messageId: 'fabricSetupFailed' });
}

function eventFix(node: ts.Expression, known: string): DraftFix<'eventName'>[] {
  const literal = unwrap(node);
  if (!ts.isStringLiteralLike(literal)) return [];
  return [{ fixId: 'eventName', data: { known }, edits: [replaceNode(literal, quoteLike(literal, known))] }];
}

function checkOn(context: RuleContext, call: SdkCall): void {
  const arg = call.call.arguments[0];
  if (!arg || ts.isSpreadElement(arg)) return;
  const value = context.evaluator.evaluate(arg);
  if (value.kind !== 'string' || !value.exact || value.text === undefined || ACCEPTED_EVENTS.includes(value.text)) return;
  if (value.text === 'error') {
    context.report({ node: arg, messageId: 'errorEvent' });
    return;
  }
  const known = ACCEPTED_EVENTS.find((e) => e.toLowerCase() === value.text!.toLowerCase());
  context.report({
    node: arg,
    ...(known ? { messageId: 'misspeltEvent', data: { event: value.text, known } } : { messageId: 'unknownEvent', data: { event: value.text, accepted: ACCEPTED_EVENTS.join(', ') } }),
    fixes: known ? eventFix(arg, known) : [],
  });
}

const NEW_USER_ID = 'For a remote participant\'s new ID use setIdentifiers({ remoteUserID }, pc); for the local user call initialize() again.';

export const removedApi = defineRule({
  meta: {
    id: 'removed-api',
    description: 'Do not use SDK methods and events that callstats.js removed or rejects',
    defaultSeverity: 'warn',
    docs: 'docs/rules/removed-api.md',
    fixes: {
      eventName: { title: "Use the event name '{{known}}'", kind: 'suggestion' },
    },
  },
  messages: {
    reportUserIdChange: {
      message: "reportUserIDChange() is gone since callstats.js 3.64: this line throws 'is not a function'",
      help: NEW_USER_ID,
    },
    reportUserIdChangePinned: {
      message: 'reportUserIDChange() works with the pinned {{version}} but is gone since callstats.js 3.64',
      help: NEW_USER_ID,
    },
    fabricSetupFailed: {
      message: 'sendFabricEvent() rejects fabricSetupFailed, so the failure never reaches the dashboard',
      help: 'Report the failure with reportError(pc, conferenceID, webRTCFunction, error) instead.',
    },
    errorEvent: {
      message: "callstats.js rejects on('error'), so this handler is never called",
      help: "Check the status passed to initialize()'s callback and to each call's callback instead.",
    },
    unknownEvent: {
      message: "callstats.js has no '{{event}}' event, so this handler is never called",
      help: 'on() accepts {{accepted}}.',
    },
    misspeltEvent: {
      message: "callstats.js has no '{{event}}' event; did you mean '{{known}}'?",
      help: "Spell the event '{{known}}', or this handler is never called.",
    },
  },
  notes: {
    pinned: 'callstats.js {{version}} is pinned here',
  },
  create(context) {
    eachCall(context, context.calls, (call) => {
      switch (call.method.name) {
        case 'reportUserIDChange':
          return checkReportUserIdChange(context, call);
        case 'sendFabricEvent':
          return checkFabricEvent(context, call);
        case 'on':
          return checkOn(context, call);
        default:
          return;
      }
    });
  },
});
