// Rule remote-track-association: on one connection to a bridge, every remote track must be mapped to the participant who sent it.
import { ts } from 'ts-morph';
import { declarationOf, isConstDeclaration } from '../engine/scope.js';
import { propertyNameText, unwrap } from '../engine/syntax.js';
import type { SdkCall } from '../engine/receivers.js';
import { connectionKeys, connectionTopology } from '../engine/topology.js';
import { shortened } from './identifiers.js';
import { isLocalUser, localUser, type LocalUser } from './local-user.js';
import { defineRule, eachCall, type DraftRelated, type RuleContext } from '../engine/rule.js';

interface Association {
  call: SdkCall;
  userId: ts.Expression;
  connection: Set<string>;
}

const TRACK_EVENTS = new Set(['track', 'addstream']);
const TRACK_PROPERTIES = ['ontrack', 'onaddstream'];
const RECEIVER_READS = ['getReceivers', 'getRemoteStreams'];

function exactText(context: RuleContext, expr: ts.Expression): string | undefined {
  const value = context.evaluator.evaluate(expr);
  return value.kind === 'string' && value.exact ? value.text : undefined;
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const key of a) if (b.has(key)) return true;
  return false;
}

/** Where the app takes remote tracks from the connection: `pc.ontrack = ...`, `addEventListener('track', ...)`, `getReceivers()`. */
function remoteTrackHandling(context: RuleContext, connection: Set<string>): ts.Node[] {
  const out: ts.Node[] = [];
  const onConnection = (target: ts.Expression) => overlaps(connectionKeys(context.analysis, target), connection);
  for (const index of context.analysis.indexedFiles()) {
    for (const name of TRACK_PROPERTIES) {
      for (const write of index.writes.get(name) ?? []) {
        const target = unwrap(write.left);
        if (ts.isPropertyAccessExpression(target) && onConnection(target.expression)) out.push(write.left);
      }
    }
    for (const call of index.calls.get('addEventListener') ?? []) {
      const callee = unwrap(call.expression);
      const event = call.arguments[0];
      if (ts.isPropertyAccessExpression(callee) && event && ts.isStringLiteralLike(event) && TRACK_EVENTS.has(event.text) && onConnection(callee.expression)) out.push(event);
    }
    for (const name of RECEIVER_READS) {
      for (const call of index.calls.get(name) ?? []) {
        const callee = unwrap(call.expression);
        if (ts.isPropertyAccessExpression(callee) && onConnection(callee.expression)) out.push(callee.name);
      }
    }
  }
  return out.sort((a, b) => a.pos - b.pos);
}

function methodName(call: SdkCall): ts.Node {
  const callee = unwrap(call.call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.name : call.call;
}

/**
 * Whether the connection's remoteUserID says the far end is the bridge: a constant, or a name such
 * as `bridgeId`. A participant's ID there means one connection per participant, whatever the
 * attributes say (remote-userid-topology reports that), so missing remote associations are not
 * this rule's to report.
 */
function namesTheBridge(remote: ts.Expression | undefined, remoteText: string | undefined, topology: string): boolean {
  if (topology === 'sfu-single-pc' || remoteText !== undefined) return true;
  const node = remote && unwrap(remote);
  const name = node && (ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined);
  return !!name && /server|bridge|sfu|mcu|focus|jvb/i.test(name);
}

interface Bridge {
  fabric: SdkCall;
  remote: ts.Expression | undefined;
  remoteText: string | undefined;
  connection: Set<string>;
  /** On the addNewFabric() call, with the topology's reasons. */
  related: DraftRelated;
}

/** The addNewFabric() call's connection when it is one connection to a bridge. */
function bridgeOf(context: RuleContext, fabric: SdkCall): Bridge | undefined {
  const config = context.configFor(fabric.file);
  const [pc, remote] = fabric.call.arguments;
  const remoteText = remote && exactText(context, remote);
  const topology = connectionTopology(context, fabric, config, remoteText !== undefined && config.conferenceServerIds.includes(remoteText));
  if (topology.kind !== 'bridge' || !pc) return undefined;
  const connection = connectionKeys(context.analysis, pc);
  if (!connection.size) return undefined;
  const related: DraftRelated = { node: fabric.call, noteId: 'bridge', data: { reasons: topology.reasons.join(', ') || 'no other evidence' } };
  return { fabric, remote, remoteText, connection, related };
}

/** Associations whose userID is the bridge's: its remoteUserID (by value or by reference) or a configured server ID. */
function checkBridgeIds(context: RuleContext, bridge: Bridge, mine: Association[], local: LocalUser): boolean {
  const serverIds = new Set(context.configFor(bridge.fabric.file).conferenceServerIds);
  if (bridge.remoteText !== undefined) serverIds.add(bridge.remoteText);
  const remoteKey = bridge.remote && context.analysis.ownerKey(bridge.remote);
  let found = false;
  for (const a of mine) {
    // The local userID as the bridge's remoteUserID is remote-userid-topology's finding, not this one.
    if (isLocalUser(context, a.userId, local)) continue;
    const text = exactText(context, a.userId);
    const isBridge = text !== undefined ? serverIds.has(text) : !!remoteKey && context.analysis.ownerKey(a.userId) === remoteKey;
    if (!isBridge) continue;
    found = true;
    context.report({
      node: a.userId,
      messageId: 'bridgeId',
      data: { value: text !== undefined ? JSON.stringify(text) : shortened(a.userId.getText()) },
      related: [bridge.remote ? { node: bridge.remote, noteId: 'bridgeRemote' } : bridge.related],
      // The connection is the bridge because the code says so (configured topology) or by inference.
      likely: context.configFor(bridge.fabric.file).topology !== 'sfu-single-pc',
    });
  }
  return found;
}

/** No association maps a remote track: report where remote tracks arrive, or at the local association. */
function checkRemoteMapped(context: RuleContext, bridge: Bridge, mine: Association[], local: LocalUser): void {
  const locals = mine.filter((a) => isLocalUser(context, a.userId, local));
  if (locals.length < mine.length) return;
  const handling = remoteTrackHandling(context, bridge.connection);
  // That nothing maps a remote track is never certain: a library's own track events may do it out of sight.
  if (handling.length) context.report({ node: handling[0], messageId: 'noRemote', related: [bridge.related], likely: true });
  else if (locals.length) context.report({ node: methodName(locals[0].call), messageId: 'localOnly', related: [bridge.related], likely: true });
}

/** A conditional `c ? a : b`, also through a constant that holds one. */
function conditionalOf(expression: ts.Expression): ts.ConditionalExpression | undefined {
  const node = unwrap(expression);
  if (ts.isConditionalExpression(node)) return node;
  if (!ts.isIdentifier(node)) return undefined;
  const decl = declarationOf(node);
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || !isConstDeclaration(decl)) return undefined;
  const init = unwrap(decl.initializer);
  return ts.isConditionalExpression(init) ? init : undefined;
}

type Branch = 'whenTrue' | 'whenFalse';
const conditionText = (conditional: ts.ConditionalExpression) => conditional.condition.getText().replace(/\s+/g, '');

/**
 * A connection that is the bridge on one branch of a condition: `tpc.isP2P ? remoteId : BRIDGE_ID` as
 * its remoteUserID, with `remoteEndpointType` `server` on the same branch of the same condition.
 * Associations on it that pick their userID by that condition (`tpc.isP2P ? source.owner : BRIDGE_ID`)
 * map the bridge's tracks to the bridge on that branch.
 */
function checkBridgeBranch(context: RuleContext, fabric: SdkCall, associations: Association[], local: LocalUser): void {
  const [pc, remote] = fabric.call.arguments;
  const conditional = remote && conditionalOf(remote);
  const attrs = fabric.call.arguments[4] && unwrap(fabric.call.arguments[4]);
  if (!pc || !conditional || !attrs || !ts.isObjectLiteralExpression(attrs)) return;
  const endpoint = attrs.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyNameText(p.name) === 'remoteEndpointType');
  const endpoints = endpoint && conditionalOf(endpoint.initializer);
  if (!endpoints || conditionText(endpoints) !== conditionText(conditional)) return;
  const branch = (['whenTrue', 'whenFalse'] as Branch[]).find((b) => /(^|\.)server$/.test(unwrap(endpoints[b]).getText()));
  const bridgeId = branch && exactText(context, conditional[branch]);
  if (!branch || bridgeId === undefined) return;
  const connection = connectionKeys(context.analysis, pc);
  for (const a of associations) {
    if (!overlaps(a.connection, connection) || isLocalUser(context, a.userId, local)) continue;
    const picked = conditionalOf(a.userId);
    if (!picked || conditionText(picked) !== conditionText(conditional) || exactText(context, picked[branch]) !== bridgeId) continue;
    context.report({
      node: a.userId,
      messageId: 'bridgeId',
      data: { value: JSON.stringify(bridgeId) },
      related: [{ node: conditional[branch], noteId: 'bridgeRemote' }],
      // The bridge branch is inferred from remoteEndpointType on the same condition.
      likely: true,
    });
  }
}

function checkBridge(context: RuleContext, fabric: SdkCall, associations: Association[], orphans: boolean, local: LocalUser): void {
  const bridge = bridgeOf(context, fabric);
  if (!bridge) return checkBridgeBranch(context, fabric, associations, local);
  const mine = associations.filter((a) => overlaps(a.connection, bridge.connection));
  const toBridge = checkBridgeIds(context, bridge, mine, local);
  if (toBridge || orphans || !namesTheBridge(bridge.remote, bridge.remoteText, context.configFor(fabric.file).topology)) return;
  checkRemoteMapped(context, bridge, mine, local);
}

const MAP_SENDER = "Map each remote SSRC to the userID of the participant who sent it, from the bridge's source map.";

export const remoteTrackAssociation = defineRule({
  meta: {
    id: 'remote-track-association',
    description: 'With one connection to a bridge, map every remote track to its sender',
    defaultSeverity: 'warn',
    docs: 'docs/rules/remote-track-association.md',
    fixes: {},
  },
  messages: {
    bridgeId: {
      message: "This maps a track to the bridge's ID {{value}} instead of the participant who sent it",
      help: MAP_SENDER,
    },
    noRemote: {
      message: 'Remote tracks arrive on this bridge connection, but none is mapped to its sender',
      help: `${MAP_SENDER} The bridge rewrites SSRCs, so callstats cannot tell who sent them.`,
    },
    localOnly: {
      message: "Only local tracks are mapped on this bridge connection, never the remote participants'",
      help: MAP_SENDER,
    },
  },
  notes: {
    bridge: 'one connection to the bridge carries every participant, set up here ({{reasons}})',
    bridgeRemote: "the bridge's ID, given as this connection's remoteUserID",
  },
  create(context) {
    const local = localUser(context);
    const associations: Association[] = [];
    eachCall(context, context.calls, (call) => {
      const [pc, userId] = call.call.arguments;
      if (call.method.name !== 'associateMstWithUserID' || !pc || !userId) return;
      associations.push({ call, userId, connection: connectionKeys(context.analysis, pc) });
    });
    const fabrics = context.calls.filter((c) => c.method.name === 'addNewFabric');
    const fabricConnections = fabrics.map((f) => (f.call.arguments[0] ? connectionKeys(context.analysis, f.call.arguments[0]) : new Set<string>()));
    // A remote track associated on a connection no addNewFabric() is known for may belong to any bridge connection.
    const orphans = associations.some((a) => !fabricConnections.some((c) => overlaps(a.connection, c)) && !isLocalUser(context, a.userId, local));
    eachCall(context, fabrics, (fabric) => checkBridge(context, fabric, associations, orphans, local));
  },
});
