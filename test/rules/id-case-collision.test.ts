// Rule id-case-collision: conferenceIDs and userIDs across the workspace that differ only in letter case, reported at the later one.
import { idCaseCollision } from '../../server/src/rules/id-case-collision.js';
import { rangeIn, rangeOfText } from '../helpers/lint.js';
import { note, ruleTester, type ExpectedError } from '../helpers/rule-tester.js';

const PRE = 'const cs = new callstats();\nconst pc = new RTCPeerConnection();\n';

interface Pair {
  label: string;
  value: string;
  other: string;
  /** Where the first spelling is written, and what uses it. */
  first: { file?: string; code: string; anchor: string; needle: string; label?: string; method: string };
  conference?: boolean;
}

function collision(code: string, anchor: string, needle: string, pair: Pair, file?: string): ExpectedError {
  const data = { label: pair.label, value: JSON.stringify(pair.value), other: JSON.stringify(pair.other) };
  return {
    ...(file ? { file } : {}),
    ...rangeIn(code, anchor, needle),
    messageId: pair.conference ? 'conferenceId' : 'userId',
    data,
    related: [
      {
        file: pair.first.file ?? 'app.js',
        ...rangeIn(pair.first.code, pair.first.anchor, pair.first.needle),
        message: note(idCaseCollision, 'other', { other: data.other, label: pair.first.label ?? pair.label, method: pair.first.method }),
      },
    ],
  };
}

const literals = (() => {
  const code = `${PRE}cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'Standup-42');\ncs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, 'standup-42');\n`;
  const first = { code, anchor: 'addNewFabric', needle: "'Standup-42'", method: 'addNewFabric' };
  return {
    name: 'two conferenceID literals: reported at the second, related to the first',
    code,
    errors: [collision(code, 'sendFabricEvent', "'standup-42'", { label: 'conferenceID', value: 'standup-42', other: 'Standup-42', first, conference: true })],
  };
})();

const userIds = (() => {
  const code = `${PRE}cs.initialize('app', 'secret', 'Alice');\nexport function callBob() {\n  cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n}\nexport function associate() {\n  cs.associateMstWithUserID(pc, 'alice', 'room-42', 1234, 'camera');\n  cs.sendUserFeedback('room-42', { userID: 'BOB', overall: 4 });\n}\n`;
  return {
    name: 'user IDs share one namespace: the local userID, remote IDs, associateMstWithUserID and feedback',
    code,
    errors: [
      collision(code, 'associateMstWithUserID', "'alice'", { label: 'userID', value: 'alice', other: 'Alice', first: { code, anchor: 'initialize', needle: "'Alice'", method: 'initialize' } }),
      collision(code, 'sendUserFeedback', "'BOB'", { label: 'feedback.userID', value: 'BOB', other: 'bob', first: { code, anchor: 'addNewFabric', needle: "'bob'", label: 'remoteUserID', method: 'addNewFabric' } }),
    ],
  };
})();

const threeSpellings = (() => {
  const code = `${PRE}cs.sendCustomStats(pc, 'Lobby', {});\ncs.sendCustomStats(pc, 'lobby', {});\ncs.sendCustomStats(pc, 'Lobby', {});\ncs.sendCustomStats(pc, 'LOBBY', {});\n`;
  const first = { code, anchor: 'sendCustomStats', needle: "'Lobby'", method: 'sendCustomStats' };
  const pair = (value: string) => ({ label: 'conferenceID', value, other: 'Lobby', first, conference: true });
  return {
    name: 'three spellings: each later one that differs is reported against the first; a repeat of the first is not',
    code,
    errors: [collision(code, "'lobby'", "'lobby'", pair('lobby')), collision(code, "'LOBBY'", "'LOBBY'", pair('LOBBY'))],
  };
})();

const acrossFiles = (() => {
  const config = "export const ROOM = 'meet.example.com/Design-Review';\n";
  const agent = `${PRE}export function join(peerId) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, 'meet.example.com/design-review');\n}\n`;
  const app = `import { ROOM } from './config.js';\n${PRE}export function join(peerId) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, ROOM);\n}\n`;
  // Files in path order: agent.js, app.js, config.js. The value of ROOM is written in config.js.
  return {
    name: 'across files: the order is by file, then position; a constant counts where it is written',
    files: { 'config.js': config, 'app.js': app, 'agent.js': agent },
    errors: [
      collision(config, 'ROOM', "'meet.example.com/Design-Review'", {
        label: 'conferenceID',
        value: 'meet.example.com/Design-Review',
        other: 'meet.example.com/design-review',
        first: { file: 'agent.js', code: agent, anchor: 'addNewFabric', needle: "'meet.example.com/design-review'", method: 'addNewFabric' },
        conference: true,
      }, 'config.js'),
    ],
  };
})();

const computed = (() => {
  const code = `${PRE}const PREFIX = 'meet.example.com/';\ncs.sendCustomEvent(pc, PREFIX + 'Support', []);\ncs.sendCustomEvent(pc, \`\${PREFIX}support\`, []);\n`;
  return {
    name: 'computed values with known text: reported where they are built',
    code,
    errors: [
      { ...rangeOfText(code, '`${PREFIX}support`'), messageId: 'conferenceId', data: { label: 'conferenceID', value: '"meet.example.com/support"', other: '"meet.example.com/Support"' }, related: [{ file: 'app.js', ...rangeOfText(code, "PREFIX + 'Support'"), message: note(idCaseCollision, 'other', { other: '"meet.example.com/Support"', label: 'conferenceID', method: 'sendCustomEvent' }) }] },
    ],
  };
})();

/** Templates of one shape whose known parts differ only in case: two conferences for one ticket. */
const templates = `${PRE}export function answer(ticket) {
  cs.addNewFabric(pc, ticket.customer, cs.fabricUsage.multiplex, \`Support-Ticket-\${ticket.number}\`);
}
export function escalate(ticket, supervisorPc) {
  cs.addNewFabric(supervisorPc, ticket.supervisor, cs.fabricUsage.multiplex, \`support-ticket-\${ticket.number}\`);
}
`;

/** The same shape written as `+` chains, and a template against a chain of the same shape. */
const concatenations = `${PRE}export function customer(pc, agentId, queue) {
  cs.addNewFabric(pc, agentId, cs.fabricUsage.multiplex, 'Queue-' + queue.id);
}
export function agent(pc, customerId, queue) {
  cs.addNewFabric(pc, customerId, cs.fabricUsage.multiplex, 'queue-' + queue.id);
}
`;

ruleTester('id-case-collision', {
  valid: [
    { name: '+ chains whose computed parts differ are not compared', code: `${PRE}export function a(t) { cs.sendCustomStats(pc, 'Room-' + t.id, {}); }\nexport function b(t) { cs.sendCustomStats(pc, 'room-' + t.name, {}); }\n` },
    { name: 'templates whose computed parts differ are not compared', code: `${PRE}export function a(t) { cs.sendCustomStats(pc, \`Room-\${t.id}\`, {}); }\nexport function b(t) { cs.sendCustomStats(pc, \`room-\${t.name}\`, {}); }\n` },
    { name: 'the same spelling everywhere', code: `${PRE}cs.initialize('app', 'secret', 'alice');\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'Room-42');\ncs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, 'Room-42');\n` },
    { name: 'a conferenceID and a userID may differ only in case: different namespaces', code: `${PRE}cs.initialize('app', 'secret', 'alice');\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'Alice');\n` },
    { name: 'values not known statically', code: `${PRE}export function join(room, peer) {\n  cs.addNewFabric(pc, peer.id, cs.fabricUsage.multiplex, room.id.toLowerCase());\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, room.id);\n}\n` },
    { name: 'one constant used by several calls', code: `${PRE}const ROOM = 'Room-42';\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, ROOM);\ncs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, ROOM);\n` },
    { name: 'IDs that differ in more than case', code: `${PRE}cs.sendCustomStats(pc, 'room-1', {});\ncs.sendCustomStats(pc, 'Room-2', {});\n` },
  ],
  invalid: [
    {
      name: 'templates of the same shape whose known text differs only in case (a likely finding)',
      code: templates,
      errors: [
        {
          ...rangeOfText(templates, '`support-ticket-${ticket.number}`'),
          messageId: 'conferenceId',
          severity: 'warn',
          data: { label: 'conferenceID', value: '"support-ticket-${ticket.number}"', other: '"Support-Ticket-${ticket.number}"' },
        },
      ],
    },
    {
      name: "+ chains of the same shape whose known text differs only in case (a likely finding)",
      code: concatenations,
      errors: [
        {
          ...rangeOfText(concatenations, "'queue-' + queue.id"),
          messageId: 'conferenceId',
          severity: 'warn',
          data: { label: 'conferenceID', value: '"queue-${queue.id}"', other: '"Queue-${queue.id}"' },
        },
      ],
    },
    literals, userIds, threeSpellings, acrossFiles, computed],
});
