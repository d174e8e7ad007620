// Rule remote-track-association: one bridge connection with remote tracks never mapped, only local tracks mapped, or tracks mapped to the bridge's ID.
import { remoteTrackAssociation } from '../../server/src/rules/remote-track-association.js';
import { rangeIn, rangeOfText } from '../helpers/lint.js';
import { note, ruleTester } from '../helpers/rule-tester.js';

const HEAD = "const cs = new callstats();\nconst localUserID = 'alice';\ncs.initialize('app', 'secret', localUserID);\n";
const SERVER = '{ remoteEndpointType: cs.endpointType.server }';
const LOCAL = "for (const ssrc of localSsrcs(pc)) cs.associateMstWithUserID(pc, localUserID, room, ssrc, 'camera', 'local-video')";
const REMOTE = "for (const source of sources) cs.associateMstWithUserID(pc, source.owner, room, source.ssrc, source.kind, `video-${source.owner}`)";
const ONTRACK = 'pc.ontrack = ({ streams }) => show(streams[0])';

/** `export function join(room, sources) { const pc = ...; cs.addNewFabric(pc, <remote>, ..., room, <attrs>); <lines> }` */
const join = (remote: string, attrs: string, ...lines: string[]) =>
  `export function join(room, sources) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, ${remote}, cs.fabricUsage.multiplex, room${attrs ? ', ' + attrs : ''});\n${lines.map((l) => `  ${l};\n`).join('')}}\n`;

/** The whole addNewFabric(...) call of the one `join` in `code`. */
const fabricCall = (code: string) => {
  const start = code.indexOf('cs.addNewFabric(');
  const end = code.indexOf(');\n', start) + 1;
  return code.slice(start, end);
};
const related = (code: string, reasons = 'remoteEndpointType server') => [{ file: 'app.js', ...rangeOfText(code, fabricCall(code)), message: note(remoteTrackAssociation, 'bridge', { reasons }) }];

const handlerOnly = HEAD + join("'jvb'", SERVER, ONTRACK, LOCAL);
const listener = HEAD + join("'jvb'", SERVER, "pc.addEventListener('track', (event) => show(event.streams[0]))");
const localOnly = HEAD + join("'jvb'", SERVER, LOCAL);
const toBridge = HEAD + join("'jvb'", SERVER, ONTRACK, LOCAL, "for (const source of sources) cs.associateMstWithUserID(pc, 'jvb', room, source.ssrc, 'camera', `video-${source.owner}`)");
const configured = HEAD + join("'jvb-1'", '', "for (const source of sources) cs.associateMstWithUserID(pc, 'jvb-2', room, source.ssrc, 'camera', `video-${source.owner}`)");
const bridgeVariable = HEAD + `export function join(room, bridgeId, sources) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, bridgeId, cs.fabricUsage.multiplex, room, ${SERVER});\n  for (const source of sources) cs.associateMstWithUserID(pc, bridgeId, room, source.ssrc, 'camera', 'v');\n}\n`;
const objectForm = "const cs = new callstats();\nexport function start(me, room) {\n  cs.initialize('app', 'secret', { userName: me.name, aliasName: me.id });\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, 'jvb', cs.fabricUsage.multiplex, room, " + SERVER + ");\n  pc.ontrack = ({ streams }) => show(streams[0]);\n  cs.associateMstWithUserID(pc, me.id, room, 1111, 'camera', 'local-video');\n}\n";

ruleTester('remote-track-association', {
  valid: [
    { name: 'local tracks with the local userID, remote tracks with their senders', code: HEAD + join("'jvb'", SERVER, ONTRACK, LOCAL, REMOTE) },
    { name: 'a mesh connection needs no associations', code: HEAD + join('peerId', '{ remoteEndpointType: cs.endpointType.peer }', ONTRACK) },
    { name: "a participant's ID as remoteUserID: one connection per participant (remote-userid-topology's case)", code: HEAD + join('sources[0].owner', SERVER, ONTRACK, LOCAL) },
    { name: 'a send-only connection to the server carries no remote tracks', code: HEAD + join("'jvb'", '{ remoteEndpointType: cs.endpointType.server, fabricTransmissionDirection: cs.transmissionDirection.sendonly }', LOCAL) },
    { name: 'no associations and no track handler in sight', code: HEAD + join("'jvb'", SERVER) },
    { name: "the local userID as the bridge's remoteUserID is remote-userid-topology's finding", code: HEAD + join('localUserID', SERVER, LOCAL, REMOTE) },
    {
      name: 'remote tracks associated where the connection cannot be told',
      code: HEAD + join("'jvb'", SERVER, ONTRACK, LOCAL) + "export function mapRemote(connection, room, source) {\n  cs.associateMstWithUserID(connection, source.owner, room, source.ssrc, 'camera', 'v');\n}\n",
    },
  ],
  invalid: [
    {
      name: 'remote tracks shown through ontrack, only local tracks mapped: reported at the handler',
      code: handlerOnly,
      errors: [{ ...rangeIn(handlerOnly, '  ', 'pc.ontrack'), messageId: 'noRemote', related: related(handlerOnly) }],
    },
    {
      name: "addEventListener('track') and no association at all",
      code: listener,
      errors: [{ ...rangeOfText(listener, "'track'"), messageId: 'noRemote', related: related(listener) }],
    },
    {
      name: 'only local tracks mapped, no handler in sight: reported at the association',
      code: localOnly,
      errors: [{ ...rangeIn(localOnly, 'cs.', 'associateMstWithUserID'), messageId: 'localOnly', related: related(localOnly) }],
    },
    {
      name: "remote tracks mapped to the bridge's own remoteUserID",
      code: toBridge,
      errors: [
        {
          ...rangeIn(toBridge, 'cs.associateMstWithUserID(pc, ', "'jvb'"),
          messageId: 'bridgeId', data: { value: '"jvb"' },
          related: [{ file: 'app.js', ...rangeIn(toBridge, 'cs.addNewFabric(pc, ', "'jvb'"), message: note(remoteTrackAssociation, 'bridgeRemote') }],
        },
      ],
    },
    {
      name: 'a configured conference server ID with "topology": "sfu-single-pc"',
      code: configured,
      config: { conferenceServerIds: ['jvb-1', 'jvb-2'], topology: 'sfu-single-pc' },
      errors: [{ ...rangeOfText(configured, "'jvb-2'"), messageId: 'bridgeId', data: { value: '"jvb-2"' } }],
    },
    {
      name: "the bridge's ID passed in a variable",
      code: bridgeVariable,
      errors: [{ ...rangeIn(bridgeVariable, 'associateMstWithUserID(pc, ', 'bridgeId'), messageId: 'bridgeId', data: { value: 'bridgeId' } }],
    },
    {
      name: "the object form's aliasName counts as the local userID",
      code: objectForm,
      errors: [{ ...rangeIn(objectForm, '  ', 'pc.ontrack'), messageId: 'noRemote', related: related(objectForm) }],
    },
  ],
});
