// Rule removed-api: reportUserIDChange (with and without a pinned old build), the rejected fabricSetupFailed event, on() event names.
import { ACCEPTED_EVENTS, removedApi } from '../../server/src/rules/removed-api.js';
import { rangeIn, rangeOfText } from '../helpers/lint.js';
import { note, replaced, ruleTester, type ExpectedError } from '../helpers/rule-tester.js';

const eventFix = (known: string) => `Use the event name '${known}'`;
const HEAD = "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\nconst pc = new RTCPeerConnection();\n";
/** An event name on() does not accept: a misspelling of one it does, or no event at all. */
const unknownEvent = (event: string, known?: string): Pick<ExpectedError, 'messageId' | 'data'> =>
  known ? { messageId: 'misspeltEvent', data: { event, known } } : { messageId: 'unknownEvent', data: { event, accepted: ACCEPTED_EVENTS.join(', ') } };

const remoteRename = `${HEAD}export function onPeerRenamed(newId) {\n  cs.reportUserIDChange(pc, 'room-42', newId, cs.userIDType.remote);\n}\n`;
const elementAccess = `${HEAD}cs['reportUserIDChange'](pc, 'room-42', 'bob-2', 'remote');\n`;
const manifest = (range: string) => `{\n  "dependencies": {\n    "react-native-callstats": "${range}"\n  }\n}\n`;
const moduleApp = "import callstats from 'react-native-callstats';\nconst cs = new callstats();\nexport function rename(pc, id) {\n  cs.reportUserIDChange(pc, 'room-42', id, cs.userIDType.remote);\n}\n";

const setupFailed = `${HEAD}cs.sendFabricEvent(pc, cs.fabricEvent.fabricSetupFailed, 'room-42');\ncs.sendFabricEvent(pc, 'fabricSetupFailed', 'room-42');\nconst FAILED = cs.fabricEvent.fabricSetupFailed;\ncs.sendFabricEvent(pc, FAILED, 'room-42');\n`;
const events = `${HEAD}cs.on('error', onError);\ncs.on("precalltestresults", onResults);\nconst QUALITY = 'connectionQuality';\ncs.on(QUALITY, onQuality);\n`;

ruleTester('removed-api', {
  valid: [
    { name: 'documented fabric events', code: `${HEAD}cs.sendFabricEvent(pc, cs.fabricEvent.audioMute, 'room-42');\ncs.sendFabricEvent(pc, 'fabricTerminated', 'room-42');\n` },
    { name: 'every event name bundle 3.73.16 accepts', code: HEAD + ACCEPTED_EVENTS.map((e) => `cs.on('${e}', handler);\n`).join('') },
    { name: 'an event name the linter cannot work out', code: `${HEAD}export function listen(name, handler) {\n  cs.on(name, handler);\n}\n` },
    { name: "'error' on a socket, not on the SDK", code: "import { io } from 'socket.io-client';\nconst socket = io('wss://signal.example.com');\nsocket.on('error', console.warn);\nconst cs = new callstats();\n" },
    { name: 'a method of the same name on another object', code: "const audit = window.auditLog;\naudit.reportUserIDChange('alice', 'bob');\nconst cs = new callstats();\n" },
  ],
  invalid: [
    {
      name: 'reportUserIDChange for a remote participant: reported at the method name',
      code: remoteRename,
      errors: [{ ...rangeIn(remoteRename, 'cs.', 'reportUserIDChange'), messageId: 'reportUserIdChange', related: [] }],
    },
    { name: "cs['reportUserIDChange']", code: elementAccess, errors: [{ ...rangeOfText(elementAccess, "'reportUserIDChange'"), messageId: 'reportUserIdChange' }] },
    {
      name: 'reportUserIDChange with react-native-callstats 3.24.6 pinned: works there, breaks on upgrade',
      files: { 'package.json': manifest('3.24.6'), 'src/app.js': moduleApp },
      errors: [
        {
          file: 'app.js',
          ...rangeIn(moduleApp, 'cs.', 'reportUserIDChange'),
          messageId: 'reportUserIdChangePinned',
          data: { version: '3.24.6' },
          related: [{ file: 'package.json', ...rangeOfText(manifest('3.24.6'), '3.24.6'), message: note(removedApi, 'pinned', { version: '3.24.6' }) }],
        },
      ],
    },
    {
      name: 'reportUserIDChange with ^3.73.16 pinned: the plain message',
      files: { 'package.json': manifest('^3.73.16'), 'src/app.js': moduleApp },
      errors: [{ file: 'app.js', ...rangeIn(moduleApp, 'cs.', 'reportUserIDChange'), messageId: 'reportUserIdChange', related: [] }],
    },
    {
      name: 'fabricSetupFailed as the enum member, the string and a constant',
      code: setupFailed,
      errors: [
        { ...rangeOfText(setupFailed, 'cs.fabricEvent.fabricSetupFailed'), messageId: 'fabricSetupFailed' },
        { ...rangeOfText(setupFailed, "'fabricSetupFailed'"), messageId: 'fabricSetupFailed' },
        { ...rangeIn(setupFailed, 'sendFabricEvent(pc, FAILED', 'FAILED'), messageId: 'fabricSetupFailed' },
      ],
    },
    {
      name: "on('error'), a name in the wrong case (with its fix) and an unknown name through a constant",
      code: events,
      errors: [
        { ...rangeOfText(events, "'error'"), messageId: 'errorEvent' },
        { ...rangeOfText(events, '"precalltestresults"'), ...unknownEvent('precalltestresults', 'preCallTestResults'), fixes: [{ title: eventFix('preCallTestResults'), kind: 'suggestion', output: replaced(events, '"precalltestresults"', '"preCallTestResults"') }] },
        { ...rangeIn(events, 'cs.on(QUALITY', 'QUALITY'), ...unknownEvent('connectionQuality') },
      ],
    },
  ],
});
