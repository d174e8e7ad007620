// Rule removed-api: do not use SDK methods and events that callstats.js removed or rejects.
import { ts } from 'ts-morph';
import { accessedName, unwrap } from '../engine/analysis.js';
import { compareVersions } from '../engine/project.js';
import type { SdkCall } from '../engine/receivers.js';
import { declarationOf, isConstDeclaration } from '../engine/scope.js';
import { format, eachCall, quoteLike, replaceNode, type DraftFix, type Rule, type RuleContext } from './rule.js';

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

export const messages = {
  reportUserIdChange:
    "reportUserIDChange() is not in callstats.js builds since about 3.64 (3.64.5 and 3.73.x lack it): on a current SDK this line throws 'is not a function'; for a remote participant's new ID use setIdentifiers({ remoteUserID }, pc), for the local user call initialize() again",
  reportUserIdChangePinned:
    "reportUserIDChange() is gone from callstats.js builds since about 3.64 (3.64.5 and 3.73.x lack it): it works with the pinned {{version}} but throws 'is not a function' after an upgrade; for a remote participant's new ID use setIdentifiers({ remoteUserID }, pc), for the local user call initialize() again",
  pinned: 'callstats.js {{version}} is pinned here',
  fabricSetupFailed:
    'sendFabricEvent() rejects fabricSetupFailed (the bundles list it in fabricEvent, but refuse to send it): the failure never reaches the dashboard; report it with reportError(pc, conferenceID, webRTCFunction, error) instead',
  errorEvent:
    "callstats.js rejects on('error') although the docs list it (bundle 3.73.16 refuses it): this handler is never called; check the status passed to initialize()'s callback and to each call's callback instead",
  unknownEvent:
    "callstats.js has no '{{event}}' event for on(), so this handler is never called (bundle 3.73.16 accepts {{accepted}}){{hint}}",
  unknownEventHint: "; did you mean '{{known}}'?",
};

const EVENT_FIX = 'Use the event name the SDK accepts';
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
    context.report({ node: methodName(call), message: messages.reportUserIdChange });
    return;
  }
  const { version } = pinned;
  context.report({
    node: methodName(call),
    message: format(messages.reportUserIdChangePinned, { version }),
    related: [{ file: pinned.file, start: pinned.start, end: pinned.end, message: format(messages.pinned, { version }) }],
  });
}

function checkFabricEvent(context: RuleContext, call: SdkCall): void {
  const event = call.call.arguments[1];
  if (!event || ts.isSpreadElement(event)) return;
  if (selectedName(context, event, 'fabricEvent') === 'fabricSetupFailed') context.report({ node: event, message: messages.fabricSetupFailed });
}

function eventFix(node: ts.Expression, known: string): DraftFix[] {
  const literal = unwrap(node);
  if (!ts.isStringLiteralLike(literal)) return [];
  return [{ title: EVENT_FIX, kind: 'suggestion', edits: [replaceNode(literal, quoteLike(literal, known))] }];
}

function checkOn(context: RuleContext, call: SdkCall): void {
  const arg = call.call.arguments[0];
  if (!arg || ts.isSpreadElement(arg)) return;
  const value = context.evaluator.evaluate(arg);
  if (value.kind !== 'string' || !value.exact || value.text === undefined || ACCEPTED_EVENTS.includes(value.text)) return;
  if (value.text === 'error') {
    context.report({ node: arg, message: messages.errorEvent });
    return;
  }
  const known = ACCEPTED_EVENTS.find((e) => e.toLowerCase() === value.text!.toLowerCase());
  context.report({
    node: arg,
    message: format(messages.unknownEvent, { event: value.text, accepted: ACCEPTED_EVENTS.join(', '), hint: known ? format(messages.unknownEventHint, { known }) : '' }),
    fixes: known ? eventFix(arg, known) : [],
  });
}

export const removedApi: Rule = {
  id: 'removed-api',
  run(context) {
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
};
