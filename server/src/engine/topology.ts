// Per connection: mesh, a server reached by several connections, or one connection to a bridge; from config or from the code.
import { ts } from 'ts-morph';
import type { Analysis } from './analysis.js';
import type { FileIndex } from './file-index.js';
import { propertyNameText, unwrap } from './syntax.js';
import { enclosingFunction } from './flow.js';
import type { SdkCall } from './receivers.js';
import { SFU_LIBRARIES } from './sdk.js';
import type { Evaluator } from './values.js';
import type { ResolvedConfig } from './types.js';

export type ConnectionKind = 'mesh' | 'server-send' | 'server-receive' | 'bridge' | 'unknown';

export interface ConnectionTopology {
  kind: ConnectionKind;
  /** What the inference rests on, for messages and hovers. */
  reasons: string[];
}

export const KIND_LABELS: Record<ConnectionKind, string> = {
  mesh: 'mesh (one connection per remote participant)',
  'server-send': 'send-only connection to a conference server',
  'server-receive': "receiving connection carrying one participant's media from a conference server",
  bridge: 'one connection to a bridge carrying every participant',
  unknown: 'unknown',
};

interface Context {
  analysis: Analysis;
  evaluator: Evaluator;
  calls: readonly SdkCall[];
}

/** The last name of an expression such as `cs.endpointType.server` or the text of `'server'`. */
function terminalName(expression: ts.Expression | undefined): string | undefined {
  if (!expression) return undefined;
  const expr = unwrap(expression);
  if (ts.isStringLiteralLike(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return undefined;
}

function attributes(call: ts.CallExpression): { endpoint?: string; direction?: string } {
  const arg = call.arguments[4];
  if (!arg || !ts.isObjectLiteralExpression(unwrap(arg))) return {};
  const out: { endpoint?: string; direction?: string } = {};
  for (const prop of (unwrap(arg) as ts.ObjectLiteralExpression).properties) {
    if (!ts.isPropertyAssignment(prop)) continue;
    const name = propertyNameText(prop.name);
    if (name === 'remoteEndpointType') out.endpoint = terminalName(prop.initializer);
    if (name === 'fabricTransmissionDirection') out.direction = terminalName(prop.initializer);
  }
  return out;
}

/**
 * Answers per run (its list of calls) and connection: asked once per SDK call, each a walk over every
 * addTransceiver call. Worked out again when the run has indexed more files since.
 */
const directionsByRun = new WeakMap<readonly SdkCall[], Map<string, { files: number; directions: string[] }>>();

/** Directions of `pc.addTransceiver(x, {direction})` calls on the same connection. */
function transceiverDirections(context: Context, pc: ts.Expression): string[] {
  const key = context.analysis.ownerKey(pc);
  if (!key) return [];
  let known = directionsByRun.get(context.calls);
  if (!known) directionsByRun.set(context.calls, (known = new Map()));
  const files = context.analysis.indexedFiles();
  let answer = known.get(key);
  if (answer?.files !== files.length) known.set(key, (answer = { files: files.length, directions: findDirections(context, files, key) }));
  return answer.directions;
}

function findDirections(context: Context, files: readonly FileIndex[], key: string): string[] {
  const out: string[] = [];
  for (const index of files) {
    for (const call of index.calls.get('addTransceiver') ?? []) {
      const callee = unwrap(call.expression);
      if (!ts.isPropertyAccessExpression(callee) || context.analysis.ownerKey(callee.expression) !== key) continue;
      const init = call.arguments[1];
      if (!init || !ts.isObjectLiteralExpression(unwrap(init))) continue;
      for (const prop of (unwrap(init) as ts.ObjectLiteralExpression).properties) {
        if (ts.isPropertyAssignment(prop) && propertyNameText(prop.name) === 'direction') {
          const direction = terminalName(prop.initializer);
          if (direction) out.push(direction);
        }
      }
    }
  }
  return out;
}

/**
 * Per tree and text: asked once per SDK call, and a scan of the whole file each time made 10,000 calls
 * take minutes. The text is part of the key because a string edit keeps the tree (literal-edit.ts).
 */
const sfuLibraries = new WeakMap<ts.SourceFile, { text: string; library: string | undefined }>();

function importsSfuLibrary(sourceFile: ts.SourceFile): string | undefined {
  let known = sfuLibraries.get(sourceFile);
  if (known?.text !== sourceFile.text) sfuLibraries.set(sourceFile, (known = { text: sourceFile.text, library: findSfuLibrary(sourceFile) }));
  return known.library;
}

function findSfuLibrary(sourceFile: ts.SourceFile): string | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteralLike(statement.moduleSpecifier)) {
      const spec = statement.moduleSpecifier.text;
      const lib = SFU_LIBRARIES.find((l) => spec === l || spec.startsWith(l + '/'));
      if (lib) return lib;
    }
  }
  const text = sourceFile.text;
  return SFU_LIBRARIES.find((l) => text.includes(`require('${l}')`) || text.includes(`require("${l}")`));
}

function isRepeated(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isForStatement(current) || ts.isForOfStatement(current) || ts.isForInStatement(current) || ts.isWhileStatement(current)) return true;
    if (ts.isFunctionLike(current)) {
      const call = current.parent;
      if (call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && /^(forEach|map|on|addEventListener)$/.test(call.expression.name.text)) return true;
      if (call && ts.isBinaryExpression(call) && /ontrack|onaddstream/.test(call.left.getText())) return true;
    }
  }
  return false;
}

/** Whether `node` runs once per item of a collection: in a loop, or a callback of forEach/map. */
function perItem(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isForStatement(current) || ts.isForOfStatement(current) || ts.isForInStatement(current) || ts.isWhileStatement(current)) return true;
    if (ts.isFunctionLike(current)) {
      const call = current.parent;
      if (call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && /^(forEach|map|flatMap)$/.test(call.expression.name.text)) return true;
    }
  }
  return false;
}

const MAX_CALLER_LEVELS = 3;

/**
 * Whether the connection a call is about is set up once per item of a collection (a subscriber
 * connection per publisher of a list): the call, or a call of a function around it, runs per item.
 * A connection set up once, even in a handler that fires several times, is not.
 */
export function setUpPerItem(analysis: Analysis, node: ts.Node, levels = 0): boolean {
  if (perItem(node)) return true;
  if (levels >= MAX_CALLER_LEVELS) return false;
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    if (analysis.callersOf(fn).some((caller) => setUpPerItem(analysis, caller, levels + 1))) return true;
  }
  return false;
}

/** Answers per run (its list of calls) and connection: asked once per SDK call. */
const severalParticipants = new WeakMap<readonly SdkCall[], Map<string, boolean>>();

/** Whether `associateMstWithUserID` maps tracks of several participants on this connection. */
function carriesSeveralParticipants(context: Context, pc: ts.Expression): boolean {
  const key = context.analysis.ownerKey(pc);
  if (!key) return false;
  let known = severalParticipants.get(context.calls);
  if (!known) severalParticipants.set(context.calls, (known = new Map()));
  let answer = known.get(key);
  if (answer === undefined) known.set(key, (answer = mapsSeveralParticipants(context, key)));
  return answer;
}

function mapsSeveralParticipants(context: Context, key: string): boolean {
  const users = new Set<string>();
  for (const call of context.calls) {
    if (call.method.name !== 'associateMstWithUserID') continue;
    const callPc = call.call.arguments[0];
    const userId = call.call.arguments[1];
    if (!callPc || !userId || context.analysis.ownerKey(callPc) !== key) continue;
    const value = context.evaluator.evaluate(userId);
    if (value.kind !== 'string' || !value.exact) {
      // A userID that changes from call to call, on a connection that this call's function (or one
      // around it) did not create: each call maps another participant's tracks onto the one connection
      // (a mediasoup receive transport, one association per consumer).
      if (isRepeated(call.call) || !createdAround(context.analysis, callPc, call.call)) return true;
    }
    users.add(value.kind === 'string' && value.text !== undefined ? value.text : userId.getText());
  }
  return users.size > 2;
}

/** A new connection: `new RTCPeerConnection()`, or a call of an app function that returns one (`makePeerConnection()`). */
function makesConnection(analysis: Analysis, node: ts.Expression): boolean {
  if (ts.isNewExpression(node)) return true;
  if (!ts.isCallExpression(node)) return false;
  return analysis.calleeFunctions(node).some((fn) => analysis.returnedExpressions(fn).some((r) => ts.isNewExpression(unwrap(r))));
}

/** Whether the connection `pc` holds is made in the function around `at` or one around that. */
function createdAround(analysis: Analysis, pc: ts.Expression, at: ts.Node): boolean {
  return analysis.origins(pc).some((origin) => {
    if (origin.kind !== 'expr' || !makesConnection(analysis, origin.node)) return false;
    const maker = enclosingFunction(origin.node);
    for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) if (fn === maker) return true;
    // Made at load time: one connection for every call, unless the association runs at load time too.
    return !maker && !enclosingFunction(at);
  });
}

const DIRECTION_SEND = new Set(['sendonly']);
const DIRECTION_RECEIVE = new Set(['receiveonly', 'recvonly']);

/** The connection a call is about: addNewFabric's first argument, setIdentifiers' second. */
export function connectionOf(call: SdkCall): ts.Expression | undefined {
  return call.call.arguments[call.method.name === 'setIdentifiers' ? 1 : 0];
}

/**
 * Names for the connection an expression holds: its owner key and each expression its value may come
 * from. Two expressions may hold the same connection when their names overlap (a `pc` parameter and
 * the variable its caller passes share the `new RTCPeerConnection()` they come from).
 */
export function connectionKeys(analysis: Analysis, pc: ts.Expression): Set<string> {
  const out = new Set<string>();
  const expr = unwrap(pc);
  if (expr.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(expr) && expr.text === 'undefined')) return out;
  const key = analysis.ownerKey(expr);
  if (key) out.add(`key:${key}`);
  for (const origin of analysis.origins(expr)) {
    if (origin.kind !== 'expr' && origin.kind !== 'param') continue;
    const node = origin.node;
    if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')) continue;
    out.add(`origin:${node.getSourceFile().fileName}:${node.pos}:${node.kind}`);
  }
  return out;
}

/** The addNewFabric call that set up the connection `call` is about (itself for addNewFabric). */
function fabricCall(context: Context, call: SdkCall): SdkCall | undefined {
  if (call.method.name === 'addNewFabric') return call;
  const pc = connectionOf(call);
  const key = pc && context.analysis.ownerKey(pc);
  if (!key) return undefined;
  return context.calls.find((c) => c.method.name === 'addNewFabric' && c.call.arguments[0] && context.analysis.ownerKey(c.call.arguments[0]) === key);
}

export function connectionTopology(context: Context, call: SdkCall, config: ResolvedConfig, remoteIsServerId: boolean): ConnectionTopology {
  const pc = connectionOf(call);
  const fabric = fabricCall(context, call);
  const attrs = fabric ? attributes(fabric.call) : {};
  const reasons: string[] = [];
  let direction = attrs.direction;
  if (direction) reasons.push(`fabricTransmissionDirection ${direction}`);
  if (!direction && pc) {
    const directions = transceiverDirections(context, pc);
    if (directions.length && directions.every((d) => DIRECTION_SEND.has(d))) direction = 'sendonly';
    else if (directions.length && directions.every((d) => DIRECTION_RECEIVE.has(d))) direction = 'recvonly';
    if (direction) reasons.push(`transceivers ${direction}`);
  }
  const send = !!direction && DIRECTION_SEND.has(direction);
  const receive = !!direction && DIRECTION_RECEIVE.has(direction);

  if (config.topology !== 'auto') {
    reasons.unshift(`configured topology ${config.topology}`);
    if (config.topology === 'mesh') return { kind: 'mesh', reasons };
    if (config.topology === 'sfu-single-pc') return { kind: 'bridge', reasons };
    return { kind: receive || (!send && !remoteIsServerId) ? 'server-receive' : 'server-send', reasons };
  }

  let server: boolean | undefined;
  if (attrs.endpoint === 'server' || attrs.endpoint === 'peer') {
    server = attrs.endpoint === 'server';
    reasons.push(`remoteEndpointType ${attrs.endpoint}`);
  }
  // A connection not traced to its addNewFabric() (kept in a Map, say): the file's imports say little
  // about it when the file's own fabrics say otherwise. Only all of them naming a server tells.
  const untraced = !fabric && call.method.name !== 'addNewFabric';
  const fileEndpoints = untraced ? new Set(context.calls.filter((c) => c.method.name === 'addNewFabric' && c.call.getSourceFile() === call.call.getSourceFile()).map((c) => attributes(c.call).endpoint)) : undefined;
  if (server === undefined && fileEndpoints?.size === 1 && fileEndpoints.has('server')) {
    server = true;
    reasons.push('every addNewFabric() of the file has remoteEndpointType server');
  }
  if (server === undefined && !fileEndpoints?.has('peer')) {
    const lib = importsSfuLibrary((fabric ?? call).call.getSourceFile());
    if (lib) {
      server = true;
      reasons.push(`uses ${lib}`);
    } else if (remoteIsServerId) {
      server = true;
      reasons.push('remoteUserID is a configured conference server ID');
    }
  }
  if (server === false) return { kind: 'mesh', reasons };
  const several = !!pc && carriesSeveralParticipants(context, pc);
  if (several) reasons.push("associateMstWithUserID maps several participants' tracks");
  if (send) return { kind: 'server-send', reasons };
  // A receiving connection whose tracks are mapped to several participants carries them all.
  if (receive) return { kind: several ? 'bridge' : 'server-receive', reasons };
  if (server || several) return { kind: 'bridge', reasons };
  return { kind: 'unknown', reasons };
}
