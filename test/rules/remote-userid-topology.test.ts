// Rule remote-userid-topology: remoteUserID per mesh / server with several connections / one bridge connection, config overrides, fixes.
import { remoteUserIdTopology } from '../../server/src/rules/remote-userid-topology.js';
import { rangeIn, rangeOfText } from '../helpers/lint.js';
import { note, ruleTester, type ExpectedError, type ExpectedFix } from '../helpers/rule-tester.js';

const HEAD = "const cs = new callstats();\nconst localUserID = 'alice';\ncs.initialize('app', 'secret', localUserID);\n";
const SERVER = 'remoteEndpointType: cs.endpointType.server';
const PEER = 'remoteEndpointType: cs.endpointType.peer';
const SEND = `{ ${SERVER}, fabricTransmissionDirection: cs.transmissionDirection.sendonly }`;
const RECEIVE = `{ ${SERVER}, fabricTransmissionDirection: cs.transmissionDirection.receiveonly }`;

const fabric = (remote: string, attrs = '') => `cs.addNewFabric(pc, ${remote}, cs.fabricUsage.multiplex, 'room-42'${attrs ? ', ' + attrs : ''})`;

/** A function opening one connection: `fn(params) { const pc = new RTCPeerConnection(); <lines> }`. */
const opens = (fn: string, params: string, ...lines: string[]) =>
  `export function ${fn}(${params}) {\n  const pc = new RTCPeerConnection();\n${lines.map((l) => `  ${l};\n`).join('')}}\n`;

const topology = (label: string, reasons: string) => note(remoteUserIdTopology, 'topology', { topology: label, reasons });
const MESH = 'mesh connection to one remote participant';
const SEND_LABEL = 'send-only connection to a conference server';
const RECEIVE_LABEL = "connection receiving one participant's media from a conference server";
const BRIDGE = 'single connection to a bridge carrying every participant';

const participantFix = (code: string, remote: string, anchor: string, id: string): ExpectedFix => ({
  title: `Use the remote participant's ID (${id})`,
  kind: 'suggestion',
  output: replacedIn(code, anchor, remote, id),
});
/** Only offered, even with one configured server ID: it replaces the ID the app computes. */
const serverFix = (code: string, remote: string, anchor: string, id: string): ExpectedFix => ({
  title: `Use the conference server ID '${id}'`,
  kind: 'suggestion',
  output: replacedIn(code, anchor, remote, `'${id}'`),
});

/** `code` with the first `needle` after `anchor` replaced. */
function replacedIn(code: string, anchor: string, needle: string, by: string): string {
  const at = code.indexOf(needle, code.indexOf(anchor));
  return code.slice(0, at) + by + code.slice(at + needle.length);
}

/** The finding at the remoteUserID `remote` of the addNewFabric (or setIdentifiers) call `call`. */
function at(code: string, call: string, remote: string, messageId: string, extra: Partial<ExpectedError> = {}): ExpectedError {
  return { ...rangeIn(code, call, remote), messageId, ...extra };
}

const callRelated = (code: string, call: string, label: string, reasons: string) => ({ file: 'app.js', ...rangeIn(code, call, call), message: topology(label, reasons) });
const unknownRelated = (code: string, call: string, reasons: string) => ({ file: 'app.js', ...rangeIn(code, call, call), message: note(remoteUserIdTopology, 'unknownTopology', { reasons }) });
const initRelated = (code: string) => ({ file: 'app.js', ...rangeIn(code, 'cs.initialize(', 'localUserID'), message: note(remoteUserIdTopology, 'localUserId') });

// ---- cases ------------------------------------------------------------------------------------

const localMesh = HEAD + opens('callPeer', 'peerId', fabric('localUserID', `{ ${PEER} }`));
const localServer = HEAD + opens('joinBridge', 'room', fabric('localUserID', `{ ${SERVER} }`));
const randomUuid = HEAD + opens('callPeer', 'peerId', fabric('crypto.randomUUID()'));
const uuidv4 = "import { v4 as uuidv4 } from 'uuid';\n" + HEAD + opens('callPeer', 'peerId', 'const fabricId = uuidv4()', fabric('fabricId', `{ ${PEER} }`));
const meshConstant = HEAD + opens('callPeer', 'peerId', fabric("'remote-peer'", `{ ${PEER} }`));
const sendParticipant = HEAD + opens('publish', 'room, stream', "stream.getTracks().forEach((t) => pc.addTransceiver(t, { direction: 'sendonly' }))", fabric('room.hostId', SEND));
const sendShifted = HEAD + opens('publish', 'queue', fabric('queue.shift()', SEND));
const sendByTransceivers = HEAD + opens('publish', 'room, stream', "stream.getTracks().forEach((t) => pc.addTransceiver(t, { direction: 'sendonly' }))", fabric('room.hostId'));
const receiveFromInfo = HEAD + opens('subscribe', 'info', "pc.addTransceiver('video', { direction: 'recvonly' })", "show(info.publisherId)", fabric("'sfu-1'", RECEIVE));
const receiveDestructured = HEAD + opens('subscribe', '{ publisherId, room }', "pc.addTransceiver('video', { direction: 'recvonly' })", fabric("'sfu-1'", RECEIVE));
const receiveNoParticipant = HEAD + opens('subscribe', 'info, track', "pc.addTransceiver('video', { direction: 'recvonly' })", "show(info.roomId, track)", fabric("'sfu-1'", RECEIVE));
/** One receive transport for every producer (mediasoup): the server's ID, then one association per consumer. */
const perConsumerTransport = `${HEAD}export function onSendTransport(sendPc, room) {
  cs.addNewFabric(sendPc, 'sfu', cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.server, fabricTransmissionDirection: cs.transmissionDirection.sendonly });
}
export function onConsumer(recvPc, room, ssrc, peerId) {
  cs.addNewFabric(recvPc, 'sfu', cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.server, fabricTransmissionDirection: cs.transmissionDirection.receiveonly });
  cs.associateMstWithUserID(recvPc, peerId, room, ssrc, 'camera');
}
`;
/** A subscriber connection per publisher, made by an app factory, its one publisher's track mapped to it. */
const factorySubscriber = `${HEAD}function makePc() {
  return new RTCPeerConnection();
}
export function subscribe(feed, room) {
  const pc = makePc();
  pc.addTransceiver('video', { direction: 'recvonly' });
  cs.addNewFabric(pc, feed.publisherId, cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.server });
  cs.associateMstWithUserID(pc, feed.publisherId, room, feed.ssrc, 'camera');
}
`;
/** Peer connections kept in a Map, renamed through setIdentifiers(), in a file that also imports an SFU library. */
const mapRename = `import { connect } from 'twilio-video';
${HEAD}const pcs = new Map();
export function onParticipant(sid, pc, room) {
  pcs.set(sid, pc);
  cs.addNewFabric(pc, sid, cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.peer });
}
export function onRenamed(oldSid, newSid) {
  cs.setIdentifiers({ remoteUserID: newSid }, pcs.get(oldSid));
}
`;
const receiveServer = HEAD + opens('subscribe', 'participantId', "pc.addTransceiver('video', { direction: 'recvonly' })", fabric("'sfu-1'", RECEIVE));
const receiveKnownServer = HEAD + opens('publish', 'stream', fabric("'sfu-1'", SEND)) + opens('subscribe', 'participantId', fabric("'sfu-1'", RECEIVE));
const bridgeParticipant = HEAD + opens('joinBridge', 'room, sources', fabric('room.participants[0].id', `{ ${SERVER} }`), "for (const s of sources) cs.associateMstWithUserID(pc, s.owner, 'room-42', s.ssrc, 'camera')");
const mediasoup = "import { Device } from 'mediasoup-client';\n" + HEAD + opens('join', 'participant', fabric('participant.id'));
const configMesh = HEAD + opens('callPeer', 'peerId', fabric("'everyone'"));
const configMultiSend = HEAD + opens('publish', 'room', "pc.addTransceiver('video', { direction: 'sendonly' })", fabric('room.hostId'));
const configSingle = HEAD + opens('join', 'room', fabric('room.hostId'));
const setIdentifiersLocal = HEAD + opens('rename', 'peerId', "cs.setIdentifiers({ remoteUserID: localUserID }, pc)");
const setIdentifiersReceive = HEAD + opens('subscribe', 'participantId', "pc.addTransceiver('video', { direction: 'recvonly' })", fabric('participantId', `{ ${SERVER} }`), "cs.setIdentifiers({ remoteUserID: 'sfu-1' }, pc)");

const recommendedBridge = `${HEAD}export function joinBridge(pc, room, localSsrcs, sources) {
  cs.addNewFabric(pc, 'jvb-bridge', cs.fabricUsage.multiplex, room, { ${SERVER} });
  for (const ssrc of localSsrcs) cs.associateMstWithUserID(pc, localUserID, room, ssrc, 'camera', 'local-video');
  for (const source of sources) cs.associateMstWithUserID(pc, source.owner, room, source.ssrc, 'camera', \`video-\${source.owner}\`);
}
`;
const recommendedMulti = HEAD + opens('publish', 'stream', "stream.getTracks().forEach((t) => pc.addTransceiver(t, { direction: 'sendonly' }))", fabric("'sfu-1'", SEND)) + opens('subscribe', 'participantId', "pc.addTransceiver('video', { direction: 'recvonly' })", fabric('participantId', RECEIVE));
const participantRegistry = `${HEAD}const participants = new Map();
export function onJoin(name) {
  const participant = { name, id: crypto.randomUUID() };
  participants.set(name, participant);
  return participant;
}
export function callParticipant(name) {
  const participant = participants.get(name) ?? onJoin(name);
  const pc = new RTCPeerConnection();
  cs.addNewFabric(pc, participant.id, cs.fabricUsage.multiplex, 'room-42', { ${PEER} });
}
`;

/** The SDK and the local identity handed to a class; the callee names itself as the remote. */
const injected = `import callstats from 'callstats-js';
class CallManager {
  constructor(stats, me) {
    this.stats = stats;
    this.me = me;
  }
  answer(from, pc) {
    this.stats.addNewFabric(pc, this.me.userId, this.stats.fabricUsage.multiplex, 'room', { remoteEndpointType: this.stats.endpointType.peer });
  }
}
export function boot(student) {
  const stats = new callstats();
  stats.initialize('app', 'secret', student.userId);
  return new CallManager(stats, { userId: student.userId });
}
`;

/** One receive transport carrying every peer: the SFU's ID is right there. */
const receiveTransport = `import callstats from 'callstats-js';
import { Device } from 'mediasoup-client';
const stats = new callstats();
export const SFU_ID = 'mediasoup-sfu';
export async function createTransports(device, transport, recvTransport) {
  stats.addNewFabric(transport.pc, SFU_ID, stats.fabricUsage.multiplex, 'room', { remoteEndpointType: stats.endpointType.server, fabricTransmissionDirection: stats.transmissionDirection.sendonly });
  stats.addNewFabric(recvTransport.pc, SFU_ID, stats.fabricUsage.multiplex, 'room', { remoteEndpointType: stats.endpointType.server, fabricTransmissionDirection: stats.transmissionDirection.receiveonly });
}
`;

/** A subscriber connection per publisher of a list, each named after the server. */
const perFeed = `import callstats from 'callstats-js';
const stats = new callstats();
const SERVER_ID = 'Janus';
function publish(pc) {
  stats.addNewFabric(pc, SERVER_ID, stats.fabricUsage.multiplex, 'room', { remoteEndpointType: stats.endpointType.server, fabricTransmissionDirection: stats.transmissionDirection.sendonly });
}
function subscribe(feed) {
  const pc = new RTCPeerConnection();
  stats.addNewFabric(pc, SERVER_ID, stats.fabricUsage.multiplex, 'room', { remoteEndpointType: stats.endpointType.server, fabricTransmissionDirection: stats.transmissionDirection.receiveonly });
}
export function onPublishers(publishers, pc) {
  publish(pc);
  publishers.forEach((feed) => subscribe(feed));
}
`;

ruleTester('remote-userid-topology', {
  valid: [
    { name: 'one receive transport carrying every peer names the SFU', code: receiveTransport },
    { name: 'mesh: the peer id parameter', code: HEAD + opens('callPeer', 'peerId', fabric('peerId', `{ ${PEER} }`)) },
    { name: 'mesh: the peer object id, no attributes', code: HEAD + opens('callPeer', 'peer', fabric('peer.id')) },
    { name: 'recommended bridge setup: bridge ID, endpointType.server, tracks mapped to their senders', code: recommendedBridge },
    { name: 'recommended bridge setup with conferenceServerIds', code: recommendedBridge, config: { conferenceServerIds: ['jvb-bridge'] } },
    { name: 'recommended bridge setup with topology sfu-single-pc', code: recommendedBridge, config: { topology: 'sfu-single-pc' } },
    { name: 'several connections: server ID on the send-only one, participants on the receiving ones', code: recommendedMulti, config: { conferenceServerIds: ['sfu-1'] } },
    { name: 'several connections without configuration', code: recommendedMulti },
    { name: 'topology sfu-multi-pc: a receiving connection with a participant ID', code: HEAD + opens('subscribe', 'participantId', fabric('participantId')), config: { topology: 'sfu-multi-pc' } },
    { name: 'topology sfu-multi-pc: a configured server ID (taken as the send-only connection)', code: HEAD + opens('publish', 'stream', fabric("'sfu-1'")), config: { topology: 'sfu-multi-pc', conferenceServerIds: ['sfu-1'] } },
    { name: 'topology sfu-single-pc: the bridge ID constant', code: HEAD + opens('join', 'room', fabric("'jvb-bridge'")), config: { topology: 'sfu-single-pc' } },
    { name: 'a server wrapper passing its bridgeId parameter', code: HEAD + opens('joinBridge', 'bridgeId', fabric('bridgeId', `{ ${SERVER} }`)) },
    { name: 'a participant ID generated once when the participant joins, not per connection', code: participantRegistry },
    { name: 'a random ID made once at load time for the local user is not a remoteUserID', code: "const cs = new callstats();\nconst me = crypto.randomUUID();\ncs.initialize('app', 'secret', me);\n" + opens('callPeer', 'peerId', fabric('peerId')) },
    { name: "a receiving connection with the server's ID in a function given no participant (it may carry everyone)", code: receiveNoParticipant, config: { conferenceServerIds: ['sfu-1'] } },
    { name: "one receive transport for every producer, its tracks mapped per consumer: the server's ID is right", code: perConsumerTransport },
    { name: "a subscriber connection per publisher made by an app factory, mapped to its publisher: the publisher's ID is right", code: factorySubscriber },
    { name: 'a connection from a Map renamed through setIdentifiers(): the file\'s fabrics are all peer connections', code: mapRename },
    { name: "rule turned off", code: meshConstant, config: { rules: { 'remote-userid-topology': 'off' } } },
  ],
  invalid: [
    {
      name: 'the local identity handed to a class through its constructor, used as the remoteUserID',
      code: injected,
      errors: [{ ...rangeOfText(injected, 'this.me.userId'), messageId: 'local', related: [{ file: 'app.js', ...rangeIn(injected, 'stats.initialize(', 'student.userId'), message: note(remoteUserIdTopology, 'localUserId') }, { file: 'app.js', ...rangeIn(injected, 'this.stats.addNewFabric(', "this.stats.addNewFabric(pc, this.me.userId, this.stats.fabricUsage.multiplex, 'room', { remoteEndpointType: this.stats.endpointType.peer })"), message: topology(MESH, 'remoteEndpointType peer') }] }],
    },
    {
      name: "the server's ID on each subscriber connection, set up per publisher: a likely finding",
      code: perFeed,
      errors: [
        {
          ...rangeIn(perFeed, 'function subscribe', 'SERVER_ID'),
          messageId: 'receiveServer',
          severity: 'warn',
          data: { value: '"Janus"' },
        },
      ],
    },
    {
      name: 'mesh: the local userID as remoteUserID',
      code: localMesh,
      errors: [at(localMesh, 'addNewFabric', 'localUserID', 'local', {
        related: [initRelated(localMesh), callRelated(localMesh, fabric('localUserID', `{ ${PEER} }`), MESH, 'remoteEndpointType peer')],
        fixes: [participantFix(localMesh, 'localUserID', 'addNewFabric', 'peerId')],
      })],
    },
    {
      name: 'server: the local userID as remoteUserID, fixed to the one configured server ID',
      code: localServer,
      config: { conferenceServerIds: ['jvb-bridge'] },
      errors: [at(localServer, 'addNewFabric', 'localUserID', 'local', {
        related: [initRelated(localServer), callRelated(localServer, fabric('localUserID', `{ ${SERVER} }`), BRIDGE, 'remoteEndpointType server')],
        fixes: [serverFix(localServer, 'localUserID', 'addNewFabric', 'jvb-bridge')],
      })],
    },
    {
      // A call counts as a side effect, so no fix replaces it (the same ID through a const, below, gets one).
      name: 'crypto.randomUUID() per connection: a random ID is only computed, so replacing it deletes nothing',
      code: randomUuid,
      errors: [at(randomUuid, 'addNewFabric', 'crypto.randomUUID()', 'random', {
        related: [unknownRelated(randomUuid, fabric('crypto.randomUUID()'), 'no other evidence')],
        fixes: [participantFix(randomUuid, 'crypto.randomUUID()', 'addNewFabric', 'peerId')],
      })],
    },
    { name: 'uuidv4() per connection through a local const', code: uuidv4, errors: [at(uuidv4, 'addNewFabric', 'fabricId', 'random', { fixes: [participantFix(uuidv4, 'fabricId', 'addNewFabric', 'peerId')] })] },
    {
      name: 'mesh: one constant for every peer',
      code: meshConstant,
      errors: [at(meshConstant, 'addNewFabric', "'remote-peer'", 'meshConstant', {
        data: { value: '"remote-peer"' }, fixes: [participantFix(meshConstant, "'remote-peer'", 'addNewFabric', 'peerId')] })],
    },
    {
      name: "send-only connection to a server with a participant's ID",
      code: sendParticipant,
      errors: [at(sendParticipant, 'addNewFabric', 'room.hostId', 'sendParticipant', {
        related: [callRelated(sendParticipant, fabric('room.hostId', SEND), SEND_LABEL, 'fabricTransmissionDirection sendonly, remoteEndpointType server')],
      })],
    },
    {
      name: 'send-only connection, one conferenceServerIds entry: a fix to it, only offered',
      code: sendParticipant,
      config: { conferenceServerIds: ['sfu-1'] },
      errors: [at(sendParticipant, 'addNewFabric', 'room.hostId', 'sendParticipant', { fixes: [serverFix(sendParticipant, 'room.hostId', 'addNewFabric', 'sfu-1')] })],
    },
    {
      name: 'send-only connection, two conferenceServerIds entries: two suggestions',
      code: sendParticipant,
      config: { conferenceServerIds: ['sfu-1', 'sfu-2'] },
      errors: [at(sendParticipant, 'addNewFabric', 'room.hostId', 'sendParticipant', {
        fixes: [serverFix(sendParticipant, 'room.hostId', 'addNewFabric', 'sfu-1'), serverFix(sendParticipant, 'room.hostId', 'addNewFabric', 'sfu-2')],
      })],
    },
    {
      name: 'send-only connection, one conferenceServerIds entry, a remoteUserID with a side effect (queue.shift()): no fix, which would drop the shift',
      code: sendShifted,
      config: { conferenceServerIds: ['sfu-1'] },
      errors: [at(sendShifted, 'addNewFabric', 'queue.shift()', 'sendParticipant')],
    },
    {
      name: 'send-only known from the transceiver directions alone',
      code: sendByTransceivers,
      errors: [at(sendByTransceivers, 'addNewFabric', 'room.hostId', 'sendParticipant', { related: [callRelated(sendByTransceivers, fabric('room.hostId'), SEND_LABEL, 'transceivers sendonly')] })],
    },
    {
      name: "receiving connection with the configured server's ID",
      code: receiveServer,
      config: { conferenceServerIds: ['sfu-1'] },
      errors: [at(receiveServer, 'addNewFabric', "'sfu-1'", 'receiveServer', {
        data: { value: '"sfu-1"' },
        related: [callRelated(receiveServer, fabric("'sfu-1'", RECEIVE), RECEIVE_LABEL, 'fabricTransmissionDirection receiveonly, remoteEndpointType server')],
        fixes: [participantFix(receiveServer, "'sfu-1'", 'addNewFabric', 'participantId')],
      })],
    },
    {
      name: "receiving connection with the server's ID, in a function reading the publisher's ID from its parameter",
      code: receiveFromInfo,
      config: { conferenceServerIds: ['sfu-1'] },
      errors: [at(receiveFromInfo, 'addNewFabric', "'sfu-1'", 'receiveServer', {
        data: { value: '"sfu-1"' },
        related: [callRelated(receiveFromInfo, fabric("'sfu-1'", RECEIVE), RECEIVE_LABEL, 'fabricTransmissionDirection receiveonly, remoteEndpointType server')],
        fixes: [participantFix(receiveFromInfo, "'sfu-1'", 'addNewFabric', 'info.publisherId')],
      })],
    },
    {
      name: "receiving connection with the server's ID, the publisher's ID destructured from the parameter",
      code: receiveDestructured,
      config: { conferenceServerIds: ['sfu-1'] },
      errors: [at(receiveDestructured, 'addNewFabric', "'sfu-1'", 'receiveServer', {
        data: { value: '"sfu-1"' },
        related: [callRelated(receiveDestructured, fabric("'sfu-1'", RECEIVE), RECEIVE_LABEL, 'fabricTransmissionDirection receiveonly, remoteEndpointType server')],
        fixes: [participantFix(receiveDestructured, "'sfu-1'", 'addNewFabric', 'publisherId')],
      })],
    },
    {
      name: "receiving connection with the ID the send-only connection gives the server",
      code: receiveKnownServer,
      errors: [at(receiveKnownServer, 'subscribe', "'sfu-1'", 'receiveServer', {
        data: { value: '"sfu-1"' }, fixes: [participantFix(receiveKnownServer, "'sfu-1'", 'subscribe', 'participantId')] })],
    },
    {
      name: "one bridge connection with a participant's ID",
      code: bridgeParticipant,
      errors: [at(bridgeParticipant, 'addNewFabric', 'room.participants[0].id', 'bridgeParticipant')],
    },
    {
      name: 'one bridge connection, configured bridge ID: a fix to it, only offered',
      code: bridgeParticipant,
      config: { conferenceServerIds: ['jvb-bridge'] },
      errors: [at(bridgeParticipant, 'addNewFabric', 'room.participants[0].id', 'bridgeParticipant', { fixes: [serverFix(bridgeParticipant, 'room.participants[0].id', 'addNewFabric', 'jvb-bridge')] })],
    },
    {
      name: 'a file using mediasoup-client talks to a server',
      code: mediasoup,
      errors: [at(mediasoup, 'addNewFabric', 'participant.id', 'bridgeParticipant', { related: [callRelated(mediasoup, fabric('participant.id'), BRIDGE, 'uses mediasoup-client')] })],
    },
    {
      name: 'topology mesh in the configuration: a constant without attributes',
      code: configMesh,
      config: { topology: 'mesh' },
      errors: [at(configMesh, 'addNewFabric', "'everyone'", 'meshConstant', {
        data: { value: '"everyone"' },
        related: [callRelated(configMesh, fabric("'everyone'"), MESH, 'configured topology mesh')],
        fixes: [participantFix(configMesh, "'everyone'", 'addNewFabric', 'peerId')],
      })],
    },
    {
      name: "topology sfu-multi-pc: a send-only connection with a participant's ID",
      code: configMultiSend,
      config: { topology: 'sfu-multi-pc' },
      errors: [at(configMultiSend, 'addNewFabric', 'room.hostId', 'sendParticipant', { related: [callRelated(configMultiSend, fabric('room.hostId'), SEND_LABEL, 'configured topology sfu-multi-pc, transceivers sendonly')] })],
    },
    {
      name: "topology sfu-single-pc: a participant's ID",
      code: configSingle,
      config: { topology: 'sfu-single-pc' },
      errors: [at(configSingle, 'addNewFabric', 'room.hostId', 'bridgeParticipant', { related: [callRelated(configSingle, fabric('room.hostId'), BRIDGE, 'configured topology sfu-single-pc')] })],
    },
    {
      name: 'setIdentifiers({remoteUserID}) with the local userID',
      code: setIdentifiersLocal,
      errors: [at(setIdentifiersLocal, 'setIdentifiers', 'localUserID', 'local', { fixes: [participantFix(setIdentifiersLocal, 'localUserID', 'setIdentifiers', 'peerId')] })],
    },
    {
      name: "setIdentifiers on a receiving connection (transceivers of its pc) with the server's ID",
      code: setIdentifiersReceive,
      config: { conferenceServerIds: ['sfu-1'] },
      errors: [at(setIdentifiersReceive, 'setIdentifiers', "'sfu-1'", 'receiveServer', {
        data: { value: '"sfu-1"' }, fixes: [participantFix(setIdentifiersReceive, "'sfu-1'", 'setIdentifiers', 'participantId')] })],
    },
  ],
});
