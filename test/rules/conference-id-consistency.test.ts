// Rule conference-id-consistency: exact and provably different conferenceIDs on one connection, the temporary-ID pattern, connections through parameters, fixes.
import { conferenceIdConsistency } from '../../server/src/rules/conference-id-consistency.js';
import { rangeIn } from '../helpers/lint.js';
import { note, replaced, ruleTester, type ExpectedError } from '../helpers/rule-tester.js';

const FIX = 'Use the conferenceID of addNewFabric()';
const HEAD = "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n";
const PREFIX = "const ROOM_PREFIX = 'meet.example.com/';\n";

const different = (method: string, value: string, fabric: string) => ({ messageId: 'different', data: { method, value, fabric } });
const registered = (code: string, anchor: string, conference: string) => ({ file: 'app.js', ...rangeIn(code, anchor, conference), message: note(conferenceIdConsistency, 'registered') });

const literals = `${HEAD}const pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\ncs.sendFabricEvent(pc, cs.fabricEvent.audioMute, "room42");\n`;
const prefixed = `${HEAD}${PREFIX}export function callPeer(room, peerId) {
  const pc = new RTCPeerConnection();
  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, ROOM_PREFIX + room);
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === 'failed') cs.reportError(pc, room, cs.webRTCFunctions.iceConnectionFailure, new Error('ice'));
  };
  cs.sendCustomEvent(pc, \`\${room}-events\`, []);
}
`;
const throughParameter = `${HEAD}function mute(connection) {\n  cs.sendFabricEvent(connection, cs.fabricEvent.audioMute, 'room42');\n}\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\nmute(pc);\n`;
const constant = `${HEAD}${PREFIX}export function join(room, pc) {\n  const conferenceID = ROOM_PREFIX + room;\n  cs.addNewFabric(pc, 'sfu', cs.fabricUsage.multiplex, conferenceID);\n  cs.sendCallDetails(pc, room, { callType: 'inbound' });\n}\n`;
const renamed = `${HEAD}const pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\nconst conferenceID = 'room-43';\ncs.setIdentifiers({ conferenceID }, pc);\n`;
const classConnection = `${HEAD}class Call {\n  start(room) {\n    this.room = room;\n    this.pc = new RTCPeerConnection();\n    cs.addNewFabric(this.pc, 'bob', cs.fabricUsage.multiplex, \`room-\${this.room}\`);\n  }\n  hold() {\n    cs.sendFabricEvent(this.pc, cs.fabricEvent.fabricHold, this.room);\n  }\n}\n`;

const assigned = `${HEAD}let last;\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\ncs.sendFabricEvent(pc, cs.fabricEvent.audioMute, last = 'room42');\n`;
const assignedFabric = `${HEAD}let current;\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, current = 'room-42');\ncs.sendFabricEvent(pc, cs.fabricEvent.audioMute, 'room42');\n`;

const at = (code: string, anchor: string, conference: string, message: { messageId: string; data: Record<string, string> }, extra: Partial<ExpectedError> = {}): ExpectedError => ({
  ...rangeIn(code, anchor, conference),
  ...message,
  ...extra,
});

ruleTester('conference-id-consistency', {
  valid: [
    { name: 'one constant everywhere', code: `${HEAD}${PREFIX}export function join(room, pc) {\n  const conferenceID = ROOM_PREFIX + room;\n  cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, conferenceID);\n  cs.sendFabricEvent(pc, cs.fabricEvent.audioMute, conferenceID);\n  cs.reportError(pc, ROOM_PREFIX + room, 'createOffer', new Error('x'));\n}\n` },
    { name: 'a template and a concatenation of the same parts', code: `${HEAD}${PREFIX}export function join(room, pc) {\n  cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, ROOM_PREFIX + room);\n  cs.sendCustomStats(pc, \`\${ROOM_PREFIX}\${room}\`, {});\n}\n` },
    { name: 'different variables cannot be compared', code: `${HEAD}export function join(room, conference, pc) {\n  cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, room);\n  cs.sendFabricEvent(pc, cs.fabricEvent.audioMute, conference);\n}\n` },
    { name: 'text around the same variable that may match (prefix against suffix)', code: `${HEAD}export function join(room, pc) {\n  cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, '-' + room);\n  cs.sendFabricEvent(pc, cs.fabricEvent.audioMute, room + '-');\n}\n` },
    { name: 'a temporary ID replaced by setIdentifiers(); later calls use the new one', code: `${HEAD}const pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, '');\nexport function onRoom(roomId) {\n  cs.setIdentifiers({ conferenceID: roomId }, pc);\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricResume, roomId);\n}\n` },
    { name: 'reportError without a connection, feedback without one', code: `${HEAD}const pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\ncs.reportError(null, 'lobby', 'getUserMedia', new Error('denied'));\ncs.sendUserFeedback('lobby', { userID: 'alice', overall: 4 });\n` },
    { name: 'two connections, each consistent', code: `${HEAD}const a = new RTCPeerConnection();\nconst b = new RTCPeerConnection();\ncs.addNewFabric(a, 'bob', cs.fabricUsage.multiplex, 'room-1');\ncs.addNewFabric(b, 'carol', cs.fabricUsage.multiplex, 'room-2');\ncs.sendFabricEvent(a, cs.fabricEvent.audioMute, 'room-1');\ncs.sendFabricEvent(b, cs.fabricEvent.audioMute, 'room-2');\n` },
    { name: 'no addNewFabric() in sight for the connection', code: `${HEAD}export function mute(pc) {\n  cs.sendFabricEvent(pc, cs.fabricEvent.audioMute, 'room-42');\n  cs.sendCustomEvent(pc, 'room-43', []);\n}\n` },
  ],
  invalid: [
    {
      name: 'two spellings of one room: the fix writes the literal in the call\'s quotes',
      code: literals,
      errors: [
        at(literals, 'audioMute, ', '"room42"', different('sendFabricEvent', '"room42"', '"room-42"'), {
          related: [registered(literals, 'multiplex, ', "'room-42'")],
          fixes: [{ title: FIX, kind: 'suggestion', output: replaced(literals, '"room42"', '"room-42"') }],
        }),
      ],
    },
    {
      name: 'the bare room against the prefixed one, in a handler and in a template',
      code: prefixed,
      errors: [
        at(prefixed, 'cs.reportError(pc, ', 'room', different('reportError', '`room`', '`ROOM_PREFIX + room`'), {
          related: [registered(prefixed, 'multiplex, ', 'ROOM_PREFIX + room')],
          fixes: [{ title: FIX, kind: 'suggestion', output: replaced(prefixed, 'reportError(pc, room,', 'reportError(pc, ROOM_PREFIX + room,') }],
        }),
        at(prefixed, 'sendCustomEvent(pc, ', '`${room}-events`', different('sendCustomEvent', '`` `${room}-events` ``', '`ROOM_PREFIX + room`'), {
          fixes: [{ title: FIX, kind: 'suggestion', output: replaced(prefixed, '`${room}-events`', 'ROOM_PREFIX + room') }],
        }),
      ],
    },
    {
      name: 'a helper given the connection as a parameter: no fix across scopes for a non-literal, the literal one is copied',
      code: throughParameter,
      errors: [
        at(throughParameter, 'audioMute, ', "'room42'", different('sendFabricEvent', '"room42"', '"room-42"'), {
          related: [registered(throughParameter, 'multiplex, ', "'room-42'")],
          fixes: [{ title: FIX, kind: 'suggestion', output: replaced(throughParameter, "'room42'", "'room-42'") }],
        }),
      ],
    },
    {
      name: "a constant's initializer is shown next to its name",
      code: constant,
      errors: [
        at(constant, 'sendCallDetails(pc, ', 'room', different('sendCallDetails', '`room`', '`conferenceID` (`ROOM_PREFIX + room`)'), {
          fixes: [{ title: FIX, kind: 'suggestion', output: replaced(constant, 'sendCallDetails(pc, room,', 'sendCallDetails(pc, conferenceID,') }],
        }),
      ],
    },
    {
      name: 'setIdentifiers() with a shorthand conferenceID that differs from a real one',
      code: renamed,
      errors: [
        at(renamed, 'setIdentifiers({ ', 'conferenceID', different('setIdentifiers', '"room-43"', '"room-42"'), {
          fixes: [{ title: FIX, kind: 'suggestion', output: replaced(renamed, '{ conferenceID }', "{ conferenceID: 'room-42' }") }],
        }),
      ],
    },
    {
      name: 'a connection and a room held in class fields',
      code: classConnection,
      errors: [
        at(classConnection, 'fabricHold, ', 'this.room', different('sendFabricEvent', '`this.room`', '`` `room-${this.room}` ``'), {
          fixes: [{ title: FIX, kind: 'suggestion', output: replaced(classConnection, 'fabricHold, this.room', 'fabricHold, `room-${this.room}`') }],
        }),
      ],
    },
    {
      name: 'a conferenceID with a side effect (an assignment): reported, no fix, which would delete the assignment',
      code: assigned,
      errors: [at(assigned, 'audioMute, ', "last = 'room42'", different('sendFabricEvent', '"room42"', '"room-42"'), { related: [registered(assigned, 'multiplex, ', "'room-42'")] })],
    },
    {
      name: "addNewFabric()'s conferenceID has a side effect: reported, no fix, which would copy it",
      code: assignedFabric,
      errors: [at(assignedFabric, 'audioMute, ', "'room42'", different('sendFabricEvent', '"room42"', '"room-42"'), { related: [registered(assignedFabric, 'multiplex, ', "current = 'room-42'")] })],
    },
  ],
});
