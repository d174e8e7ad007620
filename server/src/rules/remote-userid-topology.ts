// Rule remote-userid-topology: the remoteUserID of each connection must name what is at the other end for its topology.
import { ts } from 'ts-morph';
import { type Origin } from '../engine/analysis.js';
import { propertyNameText, unwrap } from '../engine/syntax.js';
import type { SdkCall } from '../engine/receivers.js';
import { declarationOf } from '../engine/scope.js';
import { connectionTopology, setUpPerItem, type ConnectionTopology } from '../engine/topology.js';
import { defineRule, eachCall, type Draft, type DraftEdit, type DraftFix, type RuleContext } from '../engine/rule.js';
import { hasSideEffects, quoteLike, replaceNode } from './edits.js';
import { isLocalUser, localUser, type LocalUser } from './local-user.js';

const RANDOM_CALL = /(^|\.)(randomUUID|uuid|uuidv1|uuidv4|v1|v4|nanoid|cuid|createId|shortid|generate|random)$/i;

const PARTICIPANT_ID = /^(remote|peer|participant|member|target|other|from|speaker|publisher|sender|attendee|guest|caller|callee)\w*id$/i;
const PARTICIPANT = /^(remote|peer|participant|member|speaker|publisher|sender|attendee|guest|caller|callee)$/i;

interface Remote {
  call: SdkCall;
  expression: ts.Expression;
}

/** The remoteUserID expressions of a call: addNewFabric's argument, or setIdentifiers' property. */
function remoteOf(call: SdkCall): ts.Expression | undefined {
  if (call.method.name === 'addNewFabric') return call.call.arguments[1];
  if (call.method.name !== 'setIdentifiers') return undefined;
  const arg = call.call.arguments[0] && unwrap(call.call.arguments[0]);
  if (!arg || !ts.isObjectLiteralExpression(arg)) return undefined;
  for (const prop of arg.properties) {
    if (propertyNameText(prop.name) !== 'remoteUserID') continue;
    if (ts.isPropertyAssignment(prop)) return prop.initializer;
    if (ts.isShorthandPropertyAssignment(prop)) return prop.name;
  }
  return undefined;
}

function enclosingFunction(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current)) return current;
  return undefined;
}

/**
 * Whether an origin makes a new random value each time the connection is set up: a random call in
 * the function that calls addNewFabric. One made elsewhere (when a participant joins, say, and kept
 * with the participant) names that participant and is fine.
 */
function isFreshRandom(context: RuleContext, origin: Origin, connection: ts.Node | undefined, depth = 0): boolean {
  if (origin.kind !== 'expr' || depth > 4 || !connection) return false;
  const node = origin.node;
  if (ts.isCallExpression(node)) {
    const callee = unwrap(node.expression).getText();
    if ((RANDOM_CALL.test(callee) || /Math\.random/.test(node.getText())) && enclosingFunction(node) === connection) return true;
  }
  const parts: ts.Expression[] = [];
  if (ts.isTemplateExpression(node)) parts.push(...node.templateSpans.map((s) => s.expression));
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) parts.push(node.left, node.right);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) parts.push(node.expression.expression);
  return parts.some((p) => context.analysis.origins(p).some((o) => isFreshRandom(context, o, connection, depth + 1)));
}

function constantText(context: RuleContext, expr: ts.Expression): string | undefined {
  const value = context.evaluator.evaluate(expr);
  return value.kind === 'string' && value.exact ? value.text : undefined;
}

/**
 * The remote participant's ID as the code in scope names it (for the participant fix, and as a sign that the
 * connection is set up per participant): a parameter named for it (`peerId`, `participant`, a
 * destructured `{ senderId }`), else a participant ID read from a parameter in the function
 * (`info.publisherId`).
 */
function participantIdInScope(expr: ts.Node): string | undefined {
  for (let current = expr.parent; current; current = current.parent) {
    if (!ts.isFunctionLike(current)) continue;
    const params = new Set<string>();
    for (const param of current.parameters) {
      if (ts.isObjectBindingPattern(param.name)) {
        const bound = param.name.elements.find((e) => ts.isIdentifier(e.name) && PARTICIPANT_ID.test(e.name.text));
        if (bound) return (bound.name as ts.Identifier).text;
        continue;
      }
      if (!ts.isIdentifier(param.name)) continue;
      const name = param.name.text;
      if (PARTICIPANT_ID.test(name)) return name;
      if (PARTICIPANT.test(name)) return `${name}.id`;
      params.add(name);
    }
    const read = params.size && 'body' in current && current.body ? participantIdRead(current.body, params) : undefined;
    if (read) return read;
  }
  return undefined;
}

/** The first `param.<participant>Id` read in a function body (nested functions included). */
function participantIdRead(body: ts.Node, params: Set<string>): string | undefined {
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && params.has(node.expression.text) && PARTICIPANT_ID.test(node.name.text)) {
      found = `${node.expression.text}.${node.name.text}`;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

type Fixes = 'serverId' | 'participantId';

function fixes(context: RuleContext, remote: Remote, topology: ConnectionTopology): DraftFix<Fixes>[] {
  const config = context.configFor(remote.call.file);
  const out: DraftFix<Fixes>[] = [];
  if (hasSideEffects(remote.expression)) return out;
  const serverIds = config.conferenceServerIds;
  if (serverIds.length && (topology.kind === 'server-send' || topology.kind === 'bridge')) {
    for (const id of serverIds) {
      out.push({
        fixId: 'serverId',
        data: { id },
        isPreferred: serverIds.length === 1,
        edits: [replaceRemote(remote.expression, quoteLike(remote.expression.getText().startsWith('"') ? remote.expression : unwrapQuoteSource(remote.expression), id))],
      });
    }
  }
  if (topology.kind === 'mesh' || topology.kind === 'server-receive' || topology.kind === 'unknown') {
    const participant = participantIdInScope(remote.expression);
    if (participant && participant !== remote.expression.getText()) {
      out.push({ fixId: 'participantId', data: { participant }, edits: [replaceRemote(remote.expression, participant)] });
    }
  }
  return out;
}

/** Replaces the remoteUserID; a shorthand `{ remoteUserID }` keeps its key: `{ remoteUserID: 'sfu' }`. */
function replaceRemote(expr: ts.Expression, text: string): DraftEdit {
  return replaceNode(expr, ts.isShorthandPropertyAssignment(expr.parent) ? `${expr.getText()}: ${text}` : text);
}

/** A node whose quote style the replacement follows (single quotes when the original is not a literal). */
function unwrapQuoteSource(expr: ts.Expression): ts.Node {
  return ts.isStringLiteralLike(unwrap(expr)) ? unwrap(expr) : expr;
}

function check(context: RuleContext, remote: Remote, ids: LocalUser, knownServerIds: Set<string>): void {
  const config = context.configFor(remote.call.file);
  const text = constantText(context, remote.expression);
  const isServerId = text !== undefined && (config.conferenceServerIds.includes(text) || knownServerIds.has(text));
  const topology = connectionTopology(context, remote.call, config, text !== undefined && config.conferenceServerIds.includes(text));
  const related: Draft['related'] = [
    topology.kind === 'unknown'
      ? { node: remote.call.call, noteId: 'unknownTopology', data: { reasons: topology.reasons.join(', ') || 'no other evidence' } }
      : { node: remote.call.call, noteId: 'topology', data: { topology: topologyLabel(topology), reasons: topology.reasons.join(', ') || 'no other evidence' } },
  ];
  // What the other end should be named follows from the topology: worked out from the code (not
  // configured), it is an inference, and the finding is never an error.
  const inferred = config.topology === 'auto';
  const report = (messageId: string, data: Record<string, string> = {}, extra: Draft['related'] = [], likely = inferred) =>
    context.report({ node: remote.expression, messageId, data, likely, related: [...(extra ?? []), ...(related ?? [])], fixes: fixes(context, remote, topology) });

  if (isLocalUser(context, remote.expression, ids)) {
    const init = ids.calls[0];
    return report('local', {}, init ? [{ node: init.call.arguments[2], noteId: 'localUserId' }] : [], false);
  }
  const connection = enclosingFunction(remote.call.call);
  if (context.analysis.origins(remote.expression).some((o) => isFreshRandom(context, o, connection))) return report('random', {}, [], false);
  switch (topology.kind) {
    case 'mesh':
      if (text !== undefined) report('meshConstant', { value: JSON.stringify(text) });
      return;
    case 'server-send':
      if (text === undefined && !isParameterOfServerWrapper(remote.expression)) report('sendParticipant');
      return;
    case 'server-receive':
      // One receiving connection may carry every participant (an SFU's receive transport): the server's
      // ID is wrong only where a connection is set up per participant (per item of a list, or by a
      // function given the participant).
      if (isServerId && (setUpPerItem(context.analysis, remote.call.call) || participantIdInScope(remote.expression))) {
        report('receiveServer', { value: JSON.stringify(text) });
      }
      return;
    case 'bridge':
      if (text === undefined && !isParameterOfServerWrapper(remote.expression)) report('bridgeParticipant');
      return;
    default:
      return;
  }
}

function topologyLabel(topology: ConnectionTopology): string {
  switch (topology.kind) {
    case 'mesh':
      return 'mesh connection to one remote participant';
    case 'server-send':
      return 'send-only connection to a conference server';
    case 'server-receive':
      return "connection receiving one participant's media from a conference server";
    case 'bridge':
      return 'single connection to a bridge carrying every participant';
    default:
      return 'connection';
  }
}

/**
 * A remoteUserID that is a parameter named for the server (`serverId`, `bridgeId`) is how wrappers
 * pass the server's ID along; the callers decide, so it is not a participant's ID.
 */
function isParameterOfServerWrapper(expr: ts.Expression): boolean {
  const node = unwrap(expr);
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return false;
  const name = ts.isIdentifier(node) ? node.text : node.name.text;
  if (!/server|bridge|sfu|mcu|focus|jvb/i.test(name)) return false;
  return !ts.isIdentifier(node) || !!declarationOf(node);
}

export const remoteUserIdTopology = defineRule({
  meta: {
    id: 'remote-userid-topology',
    description: "addNewFabric's remoteUserID must match the connection's topology",
    defaultSeverity: 'warn',
    docs: 'docs/rules/remote-userid-topology.md',
    fixes: {
      // Both put another ID in place of the one the app computes: the user picks.
      serverId: { title: "Use the conference server ID '{{id}}'", kind: 'suggestion' },
      participantId: { title: "Use the remote participant's ID ({{participant}})", kind: 'suggestion' },
    },
  },
  messages: {
    local: {
      message: 'remoteUserID is the local userID, so the dashboard shows this endpoint talking to itself',
      help: 'Pass the ID of the other end: the remote participant, or the server for a media server.',
    },
    random: {
      message: 'remoteUserID is a fresh random ID that names no participant',
      help: "Pass the remote participant's userID (or the server's ID for a media server).",
    },
    meshConstant: {
      message: 'remoteUserID is the same constant {{value}} for every peer of this mesh',
      help: "Pass each remote participant's own userID, or all of them merge into one.",
    },
    sendParticipant: {
      message: "remoteUserID of this send-only connection to the conference server is a participant's ID",
      help: "Pass the server's ID (a conferenceServerIds entry) as the remoteUserID.",
    },
    receiveServer: {
      message: "remoteUserID is the server's ID {{value}}, but this connection carries one participant's media",
      help: "Pass the userID of the participant whose media this connection receives.",
    },
    bridgeParticipant: {
      message: "remoteUserID of this one connection to the bridge is a participant's ID",
      help: "Pass the bridge's ID, and map each remote track to its sender with associateMstWithUserID().",
    },
  },
  notes: {
    topology: 'connection assumed to be a {{topology}} ({{reasons}})',
    unknownTopology: 'connection of unknown topology ({{reasons}})',
    localUserId: 'the local userID given to initialize() here',
  },
  create(context) {
    const ids = localUser(context);
    const remotes: Remote[] = [];
    for (const call of context.calls) {
      const expression = remoteOf(call);
      if (expression) remotes.push({ call, expression });
    }
    const knownServerIds = new Set<string>();
    eachCall(context, remotes.map((r) => r.call), (call) => {
      const remote = remotes.find((r) => r.call === call)!;
      const topology = connectionTopology(context, call, context.configFor(call.file), false);
      const text = constantText(context, remote.expression);
      if (text !== undefined && (topology.kind === 'server-send' || topology.kind === 'bridge')) knownServerIds.add(text);
    });
    eachCall(context, remotes.map((r) => r.call), (call) => check(context, remotes.find((r) => r.call === call)!, ids, knownServerIds));
  },
});
