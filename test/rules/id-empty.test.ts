// Rule id-empty: empty, null and undefined identifiers in every slot, and values that can become so (optional parameters, optional chains, missing properties), with exact ranges.
import { idEmpty } from '../../server/src/rules/id-empty.js';
import { rangeIn, rangeOfText } from '../helpers/lint.js';
import { note, ruleTester, type ExpectedError } from '../helpers/rule-tester.js';

const PRE = 'const cs = new callstats();\nconst pc = new RTCPeerConnection();\n';

interface Expect {
  label: string;
  value: 'an empty string' | 'null' | 'undefined';
  /** The messageId, which names why the ID is or can be empty; `empty` (it is) when omitted. */
  id?: string;
  /** The data of that reason beyond the label and the value (a parameter's name, a function's name). */
  data?: Record<string, string>;
}

function message(e: Expect): Pick<ExpectedError, 'messageId' | 'data'> {
  return { messageId: e.id ?? 'empty', data: { label: e.label, value: e.value, ...e.data } };
}

const ORIGIN = note(idEmpty, 'origin');
const related = (code: string, needle: string, occurrence = 1) => ({ file: 'app.js', ...rangeOfText(code, needle, occurrence), message: ORIGIN });
const relatedIn = (code: string, anchor: string, needle: string, file = 'app.js') => ({ file, ...rangeIn(code, anchor, needle), message: ORIGIN });

/** The finding at the `occurrence`-th `needle`. */
function at(code: string, needle: string, e: Expect, extra: Partial<ExpectedError> = {}, occurrence = 1): ExpectedError {
  return { ...rangeOfText(code, needle, occurrence), ...message(e), ...extra };
}

// ---- certain: the value is empty --------------------------------------------------------------

const literals = (() => {
  const code = `${PRE}cs.initialize('app', 'secret', '');\ncs.addNewFabric(pc, undefined, cs.fabricUsage.multiplex, null);\ncs.associateMstWithUserID(pc, "", void 0, 1234, 'camera');\n`;
  return {
    name: "'', null, undefined and void 0 in the positional slots",
    code,
    errors: [
      at(code, "''", { label: 'userID', value: 'an empty string' }),
      at(code, 'undefined', { label: 'remoteUserID', value: 'undefined' }),
      at(code, 'null', { label: 'conferenceID', value: 'null' }),
      at(code, '""', { label: 'userID', value: 'an empty string' }),
      at(code, 'void 0', { label: 'conferenceID', value: 'undefined' }),
    ],
  };
})();

const properties = (() => {
  const code = `${PRE}cs.setIdentifiers({ conferenceID: null, remoteUserID: '' }, pc);\ncs.sendUserFeedback('room-42', { userID: undefined, overall: 4 });\ncs.initialize('app', 'secret', { userName: 'Alice', aliasName: '' });\n`;
  return {
    name: 'setIdentifiers properties, feedback.userID and the object form aliasName',
    code,
    errors: [
      at(code, 'null', { label: 'conferenceID', value: 'null' }),
      at(code, "''", { label: 'remoteUserID', value: 'an empty string' }),
      at(code, 'undefined', { label: 'feedback.userID', value: 'undefined' }),
      at(code, "''", { label: 'userID.aliasName', value: 'an empty string' }, {}, 2),
    ],
  };
})();

const undefinedPlaceholder = (() => {
  const code = `${PRE}cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, undefined);\nexport function onRoom(room) {\n  cs.setIdentifiers({ conferenceID: room.id }, pc);\n}\n`;
  return {
    name: 'undefined is no placeholder, even when setIdentifiers() follows: addNewFabric() fails on it',
    code,
    errors: [at(code, 'undefined', { label: 'conferenceID', value: 'undefined' })],
  };
})();

const missing = (() => {
  const code = `${PRE}cs.initialize('app', 'secret');\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex);\n`;
  return {
    name: 'a missing identifier argument: reported at the call',
    code,
    errors: [
      at(code, "cs.initialize('app', 'secret')", { label: 'userID', value: 'undefined', id: 'missing' }),
      at(code, "cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex)", { label: 'conferenceID', value: 'undefined', id: 'missing' }),
    ],
  };
})();

const constant = (() => {
  const code = `${PRE}const ROOM = '';\ncs.sendCustomStats(pc, ROOM, { fps: 30 });\n`;
  return {
    name: 'an empty const: reported at the call, related to the literal',
    code,
    errors: [at(code, 'ROOM,', { label: 'conferenceID', value: 'an empty string' }, { ...rangeIn(code, 'sendCustomStats', 'ROOM'), related: [related(code, "''")] })],
  };
})();

const imported = (() => {
  const config = "export const CONFERENCE_ID = null;\n";
  const app = `import { CONFERENCE_ID } from './config.js';\n${PRE}cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, CONFERENCE_ID);\n`;
  return {
    name: 'a null const imported from another module',
    files: { 'config.js': config, 'app.js': app },
    errors: [
      { file: 'app.js', ...rangeIn(app, 'fabricHold', 'CONFERENCE_ID'), ...message({ label: 'conferenceID', value: 'null' }), related: [{ file: 'config.js', ...rangeOfText(config, 'null'), message: ORIGIN }] },
    ],
  };
})();

const missingProperty = (() => {
  const code = `${PRE}const settings = { room: 'room-42' };\nconst { conferenceId } = settings;\ncs.sendCallDetails(pc, conferenceId, { role: 'host' });\ncs.sendCustomEvent(pc, settings.conferenceId, []);\n`;
  const reason = { id: 'missingProperty', data: { name: 'conferenceId' } };
  return {
    name: 'a property the object literal does not have: destructured and read',
    code,
    errors: [
      { ...rangeIn(code, 'sendCallDetails', 'conferenceId'), ...message({ label: 'conferenceID', value: 'undefined', ...reason }), related: [related(code, "{ room: 'room-42' }")] },
      { ...rangeOfText(code, 'settings.conferenceId'), ...message({ label: 'conferenceID', value: 'undefined', ...reason }), related: [related(code, "{ room: 'room-42' }")] },
    ],
  };
})();

// ---- possible: the value can be empty ---------------------------------------------------------

const optionalParameter = (() => {
  const code = `${PRE}export function callPeer(room: string, peerId?: string) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, room);\n}\n`;
  return {
    name: 'an optional parameter without a fallback (TypeScript)',
    code,
    filename: 'app.ts',
    errors: [
      { file: 'app.ts', ...rangeIn(code, 'addNewFabric', 'peerId'), ...message({ label: 'remoteUserID', value: 'undefined', id: 'optionalParameter', data: { name: 'peerId' } }), related: [{ file: 'app.ts', ...rangeOfText(code, 'peerId?: string'), message: ORIGIN }] },
    ],
  };
})();

const nullableParameter = (() => {
  const code = `${PRE}export function report(conferenceId: string | null, error: Error) {\n  cs.reportError(pc, conferenceId, cs.webRTCFunctions.createOffer, error);\n}\n`;
  return {
    name: 'a parameter declared as string | null',
    code,
    filename: 'app.ts',
    errors: [
      { file: 'app.ts', ...rangeIn(code, 'reportError', 'conferenceId'), ...message({ label: 'conferenceID', value: 'null', id: 'nullableParameter', data: { name: 'conferenceId', type: 'string | null' } }), related: [{ file: 'app.ts', ...rangeOfText(code, 'conferenceId: string | null'), message: ORIGIN }] },
    ],
  };
})();

const defaultUndefined = (() => {
  const code = `${PRE}export function start(appSecret, userId = undefined) {\n  cs.initialize('app', appSecret, userId);\n}\n`;
  return {
    name: 'a parameter defaulting to undefined',
    code,
    errors: [
      { ...rangeIn(code, 'cs.initialize', 'userId'), ...message({ label: 'userID', value: 'undefined', id: 'defaultParameter', data: { name: 'userId' } }), related: [related(code, 'userId = undefined')] },
    ],
  };
})();

const callers = (() => {
  const code = `${PRE}function callPeer(room, peerId) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, room);\n}\nfunction feedback(room, userId) {\n  cs.sendUserFeedback(room, { userID: userId, overall: 3 });\n}\ncallPeer('room-42');\nfeedback('room-42', null);\n`;
  return {
    name: 'callers that leave the argument out or pass null',
    code,
    errors: [
      { ...rangeIn(code, 'addNewFabric', 'peerId'), ...message({ label: 'remoteUserID', value: 'undefined', id: 'omittedArgument', data: { fn: 'callPeer' } }), related: [related(code, "callPeer('room-42')")] },
      { ...rangeIn(code, 'userID:', 'userId'), ...message({ label: 'feedback.userID', value: 'null', id: 'passedArgument', data: { fn: 'feedback' } }), related: [relatedIn(code, "feedback('room-42'", 'null')] },
    ],
  };
})();

/** A parameter deciding the branch: the caller passing null for the other branch's ID never uses it. */
const ASSOCIATE = `${PRE}cs.initialize('app', 'secret', 'alice');\nfunction associate(ssrc, isLocal, endpointId) {\n  const userID = isLocal ? 'alice' : endpointId;\n  cs.associateMstWithUserID(pc, userID, 'room-42', ssrc, 'camera');\n}\n`;
const branchByFlag = `${ASSOCIATE}export function onLocal(ssrc) {\n  associate(ssrc, true, null);\n}\nexport function onRemote(ssrc, owner) {\n  associate(ssrc, false, owner);\n}\n`;
const branchByFlagEmpty = (() => {
  const code = `${ASSOCIATE}export function onRemote(ssrc) {\n  associate(ssrc, false, null);\n}\n`;
  return {
    name: 'a caller passing null on the branch it takes (isLocal false)',
    code,
    errors: [{ ...rangeIn(code, 'cs.associateMstWithUserID(pc, ', 'userID'), ...message({ label: 'userID', value: 'null', id: 'passedArgument', data: { fn: 'associate' } }), related: [relatedIn(code, 'associate(ssrc, false, ', 'null')] }],
  };
})();

/** Browser APIs that answer null for what is missing. */
const browserNull = (() => {
  const code = `${PRE}const params = new URLSearchParams(location.search);\nexport function join(pc, peerId) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, params.get('room'));\n  cs.initialize('app', 'secret', localStorage.getItem('uid'));\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, new URL(location.href).searchParams.get('r'));\n}\n`;
  return {
    name: "URLSearchParams#get, localStorage.getItem and url.searchParams.get give null when the value is missing",
    code,
    errors: [
      { ...rangeOfText(code, "params.get('room')"), ...message({ label: 'conferenceID', value: 'null', id: 'missingAnswersNull', data: { text: "params.get('room')" } }) },
      { ...rangeOfText(code, "localStorage.getItem('uid')"), ...message({ label: 'userID', value: 'null', id: 'missingAnswersNull', data: { text: "localStorage.getItem('uid')" } }) },
      { ...rangeOfText(code, "new URL(location.href).searchParams.get('r')"), ...message({ label: 'conferenceID', value: 'null', id: 'missingAnswersNull', data: { text: "new URL(location.href).searchParams.get('r')" } }) },
    ],
  };
})();

const optionalChain = (() => {
  const code = `${PRE}export function join(session, room) {\n  cs.initialize('app', 'secret', session.user?.id);\n  cs.addNewFabric(pc, room.peer?.id ?? '', cs.fabricUsage.multiplex, room.id);\n}\n`;
  return {
    name: 'an optional chain without a fallback, and one whose fallback is empty',
    code,
    errors: [
      { ...rangeOfText(code, 'session.user?.id'), ...message({ label: 'userID', value: 'undefined', id: 'optionalChain', data: { text: 'session.user?.id' } }) },
      { ...rangeOfText(code, "room.peer?.id ?? ''"), ...message({ label: 'remoteUserID', value: 'an empty string', id: 'fallback' }) },
    ],
  };
})();

const branches = (() => {
  const code = `${PRE}export function hold(call) {\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, call.live ? call.room : undefined);\n}\n`;
  return {
    name: 'one branch of a condition is undefined',
    code,
    errors: [
      { ...rangeOfText(code, 'call.live ? call.room : undefined'), ...message({ label: 'conferenceID', value: 'undefined', id: 'branch' }) },
    ],
  };
})();

const returned = (() => {
  const code = `${PRE}function roomFromUrl() {\n  const match = /rooms\\/(\\w+)/.exec(location.pathname);\n  if (!match) return null;\n  return match[1];\n}\ncs.sendCustomStats(pc, roomFromUrl(), { fps: 30 });\n`;
  return {
    name: 'a function of the app that can return null',
    code,
    errors: [
      { ...rangeOfText(code, 'roomFromUrl()', 2), ...message({ label: 'conferenceID', value: 'null', id: 'returned', data: { fn: 'roomFromUrl' } }), related: [relatedIn(code, 'return null', 'null')] },
    ],
  };
})();

const destructuredParameter = (() => {
  const code = `${PRE}function join({ room, userId }) {\n  cs.initialize('app', 'secret', userId);\n  cs.addNewFabric(pc, 'bridge', cs.fabricUsage.multiplex, room);\n}\njoin({ room: 'room-42', user: 'alice' });\n`;
  return {
    name: 'a destructured parameter whose callers pass an object without the property',
    code,
    errors: [
      { ...rangeIn(code, 'cs.initialize', 'userId'), ...message({ label: 'userID', value: 'undefined', id: 'missingPropertyPossible', data: { name: 'userId' } }), related: [related(code, "{ room: 'room-42', user: 'alice' }")] },
    ],
  };
})();

const oneCallerEmpty = (() => {
  const code = `${PRE}function join({ room }) {\n  cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, room);\n}\njoin({ room: 'room-1' });\njoin({ room: '' });\n`;
  return {
    name: 'a destructured parameter one of whose callers passes an empty string: it can be empty',
    code,
    errors: [
      { ...rangeIn(code, 'multiplex, ', 'room'), ...message({ label: 'conferenceID', value: 'an empty string', id: 'possible' }), related: [relatedIn(code, "join({ room: '' ", "''")] },
    ],
  };
})();

const getterCanBeEmpty = (() => {
  const code = `${PRE}const session = { get id() { if (window.guest) return ''; return window.name; } };\ncs.initialize('app', 'secret', session.id);\n`;
  return {
    name: 'a getter that returns an empty string on one path, on an object nothing writes to: it can be empty',
    code,
    errors: [{ ...rangeOfText(code, 'session.id'), ...message({ label: 'userID', value: 'an empty string', id: 'possible' }), related: [relatedIn(code, 'return ', "''")] }],
  };
})();

/** The value comes from getters and methods that always return one: present, not empty. */
const getters = `${PRE}class Participant {
  constructor(session) { this.session = session; }
  get id() { return 'u-' + this.session.accountId; }
  conferenceIdFor(meeting) { return meeting.slug; }
}
const identity = { account: { id: 7 }, get alias() { return 'share-' + this.account.id; } };
export function start(session, meeting) {
  const me = new Participant(session);
  cs.initialize('app', 'secret', me.id);
  cs.initialize('app', 'secret', identity.alias);
  cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, me.conferenceIdFor(meeting));
}
`;

/** A property of the SDK instance that nothing in the app sets, read back for a retry. */
const sdkProperty = `import callstats from 'callstats-js';
export const sdk = new callstats();
export function retry(tokenGenerator) {
  setTimeout(() => sdk.initialize('app', tokenGenerator, sdk.userID), 1000);
}
`;

ruleTester('id-empty', {
  valid: [
    { name: 'getters and methods of an object literal and of a class always return a value', code: getters },
    { name: "null passed only by the caller that takes the other branch (isLocal true)", code: branchByFlag },
    { name: 'a query parameter with a fallback, or checked before the call; a Map get', code: `${PRE}const params = new URLSearchParams(location.search);\nconst peers = new Map();\nexport function join(pc, peerId) {\n  const room = params.get('room');\n  if (!room) return;\n  cs.addNewFabric(pc, peers.get(peerId), cs.fabricUsage.multiplex, room);\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, params.get('room') ?? 'lobby-' + peerId);\n}\n` },
    { name: 'non-empty identifiers', code: `${PRE}cs.initialize('app', 'secret', 'alice');\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\ncs.setIdentifiers({ remoteUserID: 'bob' }, pc);\n` },
    { name: 'values not known statically', code: `${PRE}export function join(user, room) {\n  cs.initialize('app', 'secret', user.id);\n  cs.addNewFabric(pc, room.peerId, cs.fabricUsage.multiplex, room.id);\n}\n` },
    { name: 'an optional parameter checked first', code: `${PRE}export function callPeer(room: string, peerId?: string) {\n  if (!peerId) return;\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, room);\n}\n`, filename: 'app.ts' },
    { name: 'an optional parameter used inside if (peerId)', code: `${PRE}export function callPeer(room: string, peerId?: string) {\n  if (peerId) {\n    cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, room);\n  }\n}\n`, filename: 'app.ts' },
    { name: 'an optional parameter given a fallback in the function', code: `${PRE}export function start(userId) {\n  userId = userId || 'guest-' + Date.now();\n  cs.initialize('app', 'secret', userId);\n}\nstart();\n` },
    { name: 'optional chains with a non-empty fallback, or guarded', code: `${PRE}export function join(session, room) {\n  cs.initialize('app', 'secret', session.user?.id ?? 'guest');\n  cs.addNewFabric(pc, room.peer?.id || 'bridge', cs.fabricUsage.multiplex, room.id);\n  if (session.user) cs.sendUserFeedback(room.id, { userID: session.user?.id, overall: 4 });\n}\n` },
    { name: 'a non-null assertion says the value is there', code: `${PRE}export function join(session: { user?: { id: string } }, room: string) {\n  cs.initialize('app', 'secret', session.user?.id!);\n}\n`, filename: 'app.ts' },
    { name: 'an empty placeholder overwritten before the call', code: `${PRE}let conferenceId = null;\nexport function join(room) {\n  conferenceId = room.id;\n  cs.addNewFabric(pc, 'bridge', cs.fabricUsage.multiplex, conferenceId);\n}\n` },
    { name: "a class field placeholder ('') set before initialize()", code: `${PRE}class Stats {\n  userId = '';\n  start(userId) {\n    this.userId = userId;\n    cs.initialize('app', 'secret', this.userId);\n  }\n}\nnew Stats().start(socket.id);\n` },
    { name: 'a destructured property the object has, and a default for a missing one', code: `${PRE}const { room, peer = 'bridge' } = { room: 'room-42' };\ncs.addNewFabric(pc, peer, cs.fabricUsage.multiplex, room);\n` },
    { name: 'callers that all pass a value, and a non-empty default', code: `${PRE}function callPeer(room, peerId = 'bridge') {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, room);\n}\ncallPeer('room-42', 'bob');\ncallPeer('room-42');\n` },
    { name: 'a missing argument when the call spreads its arguments', code: `${PRE}export function forward(args) { cs.addNewFabric(...args); }\n` },
    { name: 'setIdentifiers without the optional properties', code: `${PRE}cs.setIdentifiers({ remoteUserID: 'bob' }, pc);\n` },
    { name: "a temporary '' conferenceID that setIdentifiers() replaces on the same connection", code: `${PRE}cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, '');\nexport function onRoom(room) {\n  cs.setIdentifiers({ conferenceID: room.id }, pc);\n}\n` },
    { name: 'another SDK with an empty ID', code: `${PRE}const feedback = window.feedbackWidget;\nfeedback.initialize('fw', 'key', '');\n` },
  ],
  invalid: [
    {
      name: 'an SDK instance property nothing in the app sets (sdk.userID read back)',
      code: sdkProperty,
      errors: [{ ...rangeOfText(sdkProperty, 'sdk.userID'), messageId: 'unsetSdkProperty', data: { label: 'userID', value: 'undefined', text: 'sdk.userID' } }],
    },
    literals, properties, undefinedPlaceholder, missing, constant, imported, missingProperty, optionalParameter, nullableParameter, defaultUndefined, callers, optionalChain, branches, returned, destructuredParameter, oneCallerEmpty, getterCanBeEmpty, branchByFlagEmpty, browserNull],
});
