// Rule conference-id-reuse: constant conferenceIDs and ones made once at module load, reported where the value is written; per-call values are fine.
import { conferenceIdReuse } from '../../server/src/rules/conference-id-reuse.js';
import { rangeOfText } from '../helpers/lint.js';
import { note, ruleTester, type ExpectedError } from '../helpers/rule-tester.js';

const PRE = 'const cs = new callstats();\nconst pc = new RTCPeerConnection();\n';

const constant = (value: string, label = 'conferenceID') => ({ messageId: 'constant', data: { label, value } });
const once = (source: string, label = 'conferenceID') => ({ messageId: 'once', data: { label, source } });
const usedBy = (code: string, call: string, method: string, label = 'conferenceID', file = 'app.js') => ({ file, ...rangeOfText(code, call), message: note(conferenceIdReuse, 'usedAs', { label, method }) });

const literal = (() => {
  const code = `${PRE}cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n`;
  return { name: 'a literal in the call', code, errors: [{ ...rangeOfText(code, "'room-42'"), ...constant('"room-42"'), related: [] }] };
})();

const sharedConst = (() => {
  const fabric = "cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, CONFERENCE_ID)";
  const hold = 'cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, CONFERENCE_ID)';
  const code = `${PRE}const CONFERENCE_ID = 'daily-standup';\nexport function callPeer(peerId) {\n  ${fabric};\n}\nexport function hold() {\n  ${hold};\n}\n`;
  return {
    name: 'one constant for every call: one finding where it is written, related to each use',
    code,
    errors: [{ ...rangeOfText(code, "'daily-standup'"), ...constant('"daily-standup"'), related: [usedBy(code, fabric, 'addNewFabric'), usedBy(code, hold, 'sendFabricEvent')] }],
  };
})();

const atLoad = (() => {
  const template = '`call-${Date.now()}-${Math.random().toString(36).slice(2)}`';
  const call = 'cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, CALL_ID)';
  const code = `${PRE}const CALL_ID = ${template};\nexport function callPeer(peerId) {\n  ${call};\n}\n`;
  return {
    name: 'timestamp plus random number, but made once when the module loads',
    code,
    errors: [{ ...rangeOfText(code, template), ...once('Date.now()'), related: [usedBy(code, call, 'addNewFabric')] }],
  };
})();

const uuidAtLoad = (() => {
  const call = 'cs.setIdentifiers({ conferenceID: SESSION_ID }, pc)';
  const code = `import { v4 as uuidv4 } from 'uuid';\n${PRE}const SESSION_ID = uuidv4();\nexport function rejoin() {\n  ${call};\n}\n`;
  return { name: 'a uuid made at load time, in setIdentifiers', code, errors: [{ ...rangeOfText(code, 'uuidv4()'), ...once('uuidv4()'), related: [usedBy(code, call, 'setIdentifiers')] }] };
})();

const imported = (() => {
  const config = "export const SUPPORT_ROOM = 'meet.example.com/support';\nexport const PAGE_SESSION = new Date().toISOString();\n";
  const fabric = "cs.addNewFabric(pc, agentId, cs.fabricUsage.multiplex, SUPPORT_ROOM)";
  const stats = 'cs.sendCustomStats(pc, PAGE_SESSION, {})';
  const app = `import { SUPPORT_ROOM, PAGE_SESSION } from './config.js';\n${PRE}export function callAgent(agentId) {\n  ${fabric};\n  ${stats};\n}\n`;
  return {
    name: 'constants of another module: reported in the module that writes them',
    files: { 'config.js': config, 'app.js': app },
    errors: [
      { file: 'config.js', ...rangeOfText(config, "'meet.example.com/support'"), ...constant('"meet.example.com/support"'), related: [usedBy(app, fabric, 'addNewFabric')] },
      { file: 'config.js', ...rangeOfText(config, 'new Date().toISOString()'), ...once('new Date()'), related: [usedBy(app, stats, 'sendCustomStats')] },
    ],
  };
})();

const configObject = (() => {
  const call = 'cs.sendCallDetails(pc, CONFIG.stats.conference, { role: \'agent\' })';
  const code = `${PRE}const CONFIG = Object.freeze({ stats: { conference: 'support-line' } });\nexport function details() {\n  ${call};\n}\n`;
  return { name: 'a property of a frozen configuration object', code, errors: [{ ...rangeOfText(code, "'support-line'"), ...constant('"support-line"'), related: [usedBy(code, call, 'sendCallDetails')] }] };
})();

const classField = (() => {
  const call = 'cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, this.conferenceId)';
  const code = `${PRE}class Call {\n  conferenceId = 'main-hall';\n  connect(peerId) {\n    ${call};\n  }\n}\n`;
  return { name: 'a class field that is never reassigned', code, errors: [{ ...rangeOfText(code, "'main-hall'"), ...constant('"main-hall"'), related: [usedBy(code, call, 'addNewFabric')] }] };
})();

const choice = (() => {
  const code = `${PRE}const STAGING = location.hostname !== 'meet.example.com';\ncs.sendCustomEvent(pc, STAGING ? 'qa-room' : 'prod-room', []);\n`;
  return { name: 'a choice between constants', code, errors: [{ ...rangeOfText(code, "STAGING ? 'qa-room' : 'prod-room'"), ...constant('"qa-room" or "prod-room"'), related: [] }] };
})();

const long = (() => {
  const value = 'meet.example.com/' + 'weekly-engineering-all-hands-and-roadmap-review';
  const code = `${PRE}const PREFIX = 'meet.example.com/';\ncs.reportError(pc, PREFIX + 'weekly-engineering-all-hands-and-roadmap-review', cs.webRTCFunctions.createOffer, new Error('x'));\n`;
  const shown = JSON.stringify(`${value.slice(0, 47)}…`);
  return {
    name: 'a long constant is cut in the message',
    code,
    errors: [{ ...rangeOfText(code, "PREFIX + 'weekly-engineering-all-hands-and-roadmap-review'"), ...constant(shown), related: [] }] as ExpectedError[],
  };
})();

const appFunction = (() => {
  const call = 'cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceIdFor())';
  const code = `${PRE}function conferenceIdFor() {\n  return 'team-sync';\n}\nexport function callPeer(peerId) {\n  ${call};\n}\n`;
  return { name: 'an app function that returns a constant', code, errors: [{ ...rangeOfText(code, "'team-sync'"), ...constant('"team-sync"'), related: [usedBy(code, call, 'addNewFabric')] }] };
})();

/** Constants the engine's value follower finds: an enum member, a namespace constant, `import * as`. */
const enumMember = (() => {
  const call = 'cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, Rooms.AllHands)';
  const code = `${PRE}const enum Rooms {\n  AllHands = 'all-hands',\n  Lobby = 'lobby',\n}\nexport function join(peerId: string) {\n  ${call};\n}\n`;
  return { name: 'a const enum member', filename: 'app.ts', code, errors: [{ file: 'app.ts', ...rangeOfText(code, "'all-hands'"), ...constant('"all-hands"'), related: [usedBy(code, call, 'addNewFabric', 'conferenceID', 'app.ts')] }] };
})();
const namespaceImport = {
  'settings.js': "export const SUPPORT_ROOM = 'support-desk';\nexport namespace_placeholder;\n".replace('export namespace_placeholder;\n', ''),
  'app.js': "import * as settings from './settings.js';\nconst cs = new callstats();\nexport function connect(pc, agentId) {\n  cs.addNewFabric(pc, agentId, cs.fabricUsage.multiplex, settings.SUPPORT_ROOM);\n}\n",
};

/** The conferenceID of a settings object a CommonJS module exports. */
const commonJs = {
  'config.cjs': "module.exports = {\n  appId: '190284476',\n  supportConference: 'support-widget-call',\n};\n",
  'stats.cjs': "const config = require('./config.cjs');\nconst client = new callstats();\nexports.connect = (pc, agentId) => client.addNewFabric(pc, agentId, client.fabricUsage.multiplex, config.supportConference);\n",
};

ruleTester('conference-id-reuse', {
  valid: [
    { name: 'the room the call is about (a parameter)', code: `${PRE}export function join(room, peerId) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, room.id);\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, 'meet.example.com/' + room.slug);\n}\n` },
    { name: 'a parameter whose callers pass constants: the caller picks the room', code: `${PRE}function join(room, peerId) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, room);\n}\njoin('standup', 'bob');\n` },
    { name: 'timestamp plus random number made when the call starts', code: `${PRE}export function startCall(peerId) {\n  const conferenceId = \`\${Date.now()}-\${Math.random().toString(36).slice(2)}\`;\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceId);\n}\n` },
    { name: 'a uuid per call', code: `import { v4 as uuidv4 } from 'uuid';\n${PRE}export function startCall(peerId) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, uuidv4());\n}\n` },
    { name: 'the page URL', code: `${PRE}cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, location.href);\ncs.sendCustomStats(pc, window.location.pathname, {});\n` },
    { name: 'a variable set when each call starts', code: `${PRE}let conferenceId = 'lobby';\nexport function join(room) {\n  conferenceId = room.id;\n}\nexport function hold() {\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, conferenceId);\n}\n` },
    { name: 'a class field set from the room', code: `${PRE}class Call {\n  conferenceId = 'lobby';\n  constructor(room) {\n    this.conferenceId = room.id;\n  }\n  connect(peerId) {\n    cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, this.conferenceId);\n  }\n}\n` },
    { name: 'a helper building the ID from the room', code: `${PRE}const PREFIX = 'meet.example.com/';\nconst conferenceIdFor = (room) => PREFIX + room;\nexport function join(room, peerId) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceIdFor(room));\n}\n` },
    { name: 'a configuration property the app sets at run time', code: `${PRE}const state = { conferenceId: 'none' };\nexport function enter(room) { state.conferenceId = room.id; }\nexport function hold() { cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, state.conferenceId); }\n` },
    { name: 'user IDs are not conference IDs', code: `${PRE}export function join(room) {\n  cs.initialize('app', 'secret', 'kiosk-1');\n  cs.addNewFabric(pc, 'jvb', cs.fabricUsage.multiplex, room.id);\n}\n` },
    { name: 'an enum member picked by the caller through a parameter', filename: 'app.ts', code: `${PRE}enum Rooms {\n  Lobby = 'lobby',\n}\nexport function join(room: string, peerId: string) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, room);\n}\njoin(Rooms.Lobby, 'bob');\n` },
    {
      name: 'a variable of a module read through import * as, which the module sets when a call starts',
      files: {
        'state.js': "export let current = 'lobby';\nexport function enter(room) {\n  current = room.id;\n}\n",
        'app.js': `import * as state from './state.js';\n${PRE}export function hold() {\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, state.current);\n}\n`,
      },
    },
    { name: 'an empty conferenceID is left to id-empty', code: `${PRE}cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, '');\n` },
  ],
  invalid: [
    {
      name: "a constant of the object a required CommonJS module exports",
      files: commonJs,
      errors: [{ file: 'config.cjs', ...rangeOfText(commonJs['config.cjs'], "'support-widget-call'"), ...constant('"support-widget-call"'), related: [usedBy(commonJs['stats.cjs'], 'client.addNewFabric(pc, agentId, client.fabricUsage.multiplex, config.supportConference)', 'addNewFabric', 'conferenceID', 'stats.cjs')] }],
    },
    {
      name: 'a constant read through import * as',
      files: namespaceImport,
      errors: [{ file: 'settings.js', ...rangeOfText(namespaceImport['settings.js'], "'support-desk'"), ...constant('"support-desk"'), related: [usedBy(namespaceImport['app.js'], 'cs.addNewFabric(pc, agentId, cs.fabricUsage.multiplex, settings.SUPPORT_ROOM)', 'addNewFabric')] }],
    },
    enumMember, literal, sharedConst, atLoad, uuidAtLoad, imported, configObject, classField, choice, long, appFunction],
});

