// The callstats integrations of the corpus (mesh, bridge, webinar SFU, several connections), each with or without planted findings.
//
// A planted finding is marked `⟪rule-id⟫` at the end of the line callstats-lint must report; index.mjs
// strips the marks and records the lines in the manifest, so the marks never reach the corpus.

export const BRIDGE_ID = 'jvb-bridge';
export const SFU_ID = 'sfu-edge';
/** What the corpus's .callstatslintrc.json declares as media servers. */
export const CONFERENCE_SERVER_IDS = [BRIDGE_ID, SFU_ID];

const INSTANCE_NAMES = ['csObject', 'callStats', 'statsClient', 'csClient'];
const HOSTS = ['meet.example.com', 'rooms.acme.io', 'call.northwind.dev', 'video.contoso.net'];

/** 98 characters but 274 bytes of UTF-8: over the 256-byte userID limit only when counted as the service does. */
const LONG_JAPANESE = '株式会社みなと商事 東京本社 千代田区丸の内二丁目七番二号 みなとタワー二十三階 総合受付ロビー 来客対応ビデオ通話キオスク端末 一号機 施設管理部総務課管理 二〇二四年四月設置 常設型 壁掛け式';
/** 248 bytes: with any ROOM_PREFIX host in front the conferenceID passes 256. */
const LONG_SLUG =
  'quarterly-product-update-for-enterprise-customers-in-europe-the-middle-east-and-africa-covering-the-roadmap-pricing-changes-data-residency-options-and-the-new-administrator-console-with-live-questions-from-the-audience-and-a-recorded-replay-2024-q3';

export function statsModule(rng, ts, inst) {
  const a = (type) => (ts ? `: ${type}` : '');
  return `// The app's one callstats.js instance; every call page shares it.
import callstats from 'callstats-js';

export const APP_ID = '${rng.int(100000000, 999999999)}';
export const APP_SECRET = '${rng.hex(24)}';
export const ROOM_PREFIX = '${rng.pick(HOSTS)}/';

export const ${inst} = new callstats();

export function onStatsReady(csError${a('string')}, csErrMsg${a('string')})${a('void')} {
  if (csError !== 'success') console.warn('callstats initialize failed:', csError, csErrMsg);
}

export function onFabricReady(status${a('string')}, message${a('string')})${a('void')} {
  if (status !== 'success') console.warn('callstats addNewFabric failed:', message);
}
`;
}

/** Mesh calls: one connection per remote peer; the socket id doubles as the userID. */
function mesh(rng, dir) {
  const inst = rng.pick(INSTANCE_NAMES);
  const bad = { reinit: rng.chance(0.5), random: rng.chance(0.5), local: rng.chance(0.4), constant: rng.chance(0.4) };
  const files = [
    { path: `${dir}/stats.ts`, text: statsModule(rng, true, inst) },
    {
      path: `${dir}/call-analytics.ts`,
      text: `// Starts the SDK once per page and remembers the userID the other peers know us by.
import { ${inst}, APP_ID, APP_SECRET, onStatsReady } from './stats';

export class CallAnalytics {
  private readonly backend = ${inst};
  private started = false;
  localUserID = '';

  // Called from every socket 'connect'; the socket id is the userID and changes on reconnect.
  start(userID: string): void {
${bad.reinit ? '    if (this.started) return;⟪reinit-on-userid-change⟫' : '    if (this.started && userID === this.localUserID) return;'}
    this.localUserID = userID;
    this.backend.initialize(APP_ID, APP_SECRET, this.localUserID, onStatsReady);
    this.started = true;
  }
}

export const analytics = new CallAnalytics();
`,
    },
    {
      path: `${dir}/signalling.ts`,
      text: `// Presence, offers, answers and ICE candidates between peers.
import { io } from 'socket.io-client';
import { analytics } from './call-analytics';

export const socket = io('wss://signal.${rng.pick(HOSTS)}', { transports: ['websocket'] });

socket.on('connect', () => analytics.start(socket.id!));
`,
    },
    {
      path: `${dir}/mesh.ts`,
      text: `// Mesh calls: one RTCPeerConnection per remote participant.
import { ${inst}, ROOM_PREFIX, onFabricReady } from './stats';
import { analytics } from './call-analytics';
import { socket } from './signalling';

const peers = new Map<string, RTCPeerConnection>();
const SCREEN_VIEWER_ID = 'screen-viewer';
let camera: MediaStream | undefined;

const conferenceIdFor = (room: string): string => ROOM_PREFIX + room;

function createPeerConnection(peerId: string, stream?: MediaStream): RTCPeerConnection {
  const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:stun.${rng.pick(HOSTS)}:3478' }] });
  pc.onicecandidate = ({ candidate }) => candidate && socket.emit('candidate', { to: peerId, candidate });
  stream?.getTracks().forEach((track) => pc.addTrack(track, stream));
  return pc;
}

async function sendOffer(peerId: string, pc: RTCPeerConnection): Promise<void> {
  await pc.setLocalDescription();
  socket.emit('offer', { to: peerId, sdp: pc.localDescription });
}

export async function connectToPeer(room: string, peerId: string): Promise<void> {
  camera ??= await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  const pc = createPeerConnection(peerId, camera);
  peers.set(peerId, pc);
  ${inst}.addNewFabric(pc, peerId, ${inst}.fabricUsage.multiplex, conferenceIdFor(room), { remoteEndpointType: ${inst}.endpointType.peer }, onFabricReady);
  pc.oniceconnectionstatechange = () => pc.iceConnectionState === 'failed' && restartPeer(room, peerId);
  await sendOffer(peerId, pc);
}

// An ICE failure replaces the whole connection; the new one gets its own fabric.
async function restartPeer(room: string, peerId: string): Promise<void> {
  peers.get(peerId)?.close();
  const pc = createPeerConnection(peerId, camera);
  peers.set(peerId, pc);
${bad.random ? `  const fabricId = crypto.randomUUID();
  ${inst}.addNewFabric(pc, fabricId, ${inst}.fabricUsage.multiplex, conferenceIdFor(room), { remoteEndpointType: ${inst}.endpointType.peer }, onFabricReady);⟪remote-userid-topology⟫` : `  ${inst}.addNewFabric(pc, peerId, ${inst}.fabricUsage.multiplex, conferenceIdFor(room), { remoteEndpointType: ${inst}.endpointType.peer }, onFabricReady);`}
  await sendOffer(peerId, pc);
}

// Chat runs on its own data-only connection to each peer.
export async function openChat(room: string, peerId: string): Promise<RTCDataChannel> {
  const pc = createPeerConnection(peerId);
  const channel = pc.createDataChannel('chat');
  ${inst}.addNewFabric(pc, ${bad.local ? 'analytics.localUserID' : 'peerId'}, ${inst}.fabricUsage.data, conferenceIdFor(room), { remoteEndpointType: ${inst}.endpointType.peer }, onFabricReady);${bad.local ? '⟪remote-userid-topology⟫' : ''}
  await sendOffer(peerId, pc);
  return channel;
}

export async function shareScreen(room: string): Promise<void> {
  const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
  for (const peerId of peers.keys()) {
    const pc = createPeerConnection(peerId, screen);
    ${inst}.addNewFabric(pc, ${bad.constant ? 'SCREEN_VIEWER_ID' : 'peerId'}, ${inst}.fabricUsage.screen, conferenceIdFor(room), { remoteEndpointType: ${inst}.endpointType.peer }, onFabricReady);${bad.constant ? '⟪remote-userid-topology⟫' : ''}
    await sendOffer(\`\${peerId}:\${SCREEN_VIEWER_ID}\`, pc);
  }
}

socket.on('peer-joined', ({ room, peerId }: { room: string; peerId: string }) => connectToPeer(room, peerId));
socket.on('answer', ({ from, sdp }: { from: string; sdp: RTCSessionDescriptionInit }) => peers.get(from)?.setRemoteDescription(sdp));
`,
    },
  ];
  return { files, entry: { path: `${dir}/mesh.ts`, name: 'connectToPeer', call: (room, id) => `connectToPeer(${room}, ${id})` } };
}

/** Conference rooms on a videobridge over one connection, with login, rename and a lobby kiosk. */
function bridge(rng, dir) {
  const inst = rng.pick(INSTANCE_NAMES);
  const bad = { migrate: rng.chance(0.5), rename: rng.chance(0.4), legacy: rng.chance(0.3), kiosk: rng.chance(0.4) };
  const files = [
    { path: `${dir}/stats.js`, text: statsModule(rng, false, inst) },
    {
      path: `${dir}/bridge.js`,
      text: `// Conference rooms on the videobridge: one connection carries our media and every other participant's.
import { ${inst}, ROOM_PREFIX, onFabricReady } from './stats';

function ssrcsOf(sdp) {
  return [...new Set([...sdp.matchAll(/^a=ssrc:(\\d+) /gm)].map((match) => Number(match[1])))];
}

function openBridgeConnection(localStream) {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  localStream.getTracks().forEach((track) => pc.addTransceiver(track, { direction: 'sendrecv', streams: [localStream] }));
  return pc;
}

// The bridge rewrites SSRCs, so callstats cannot tell who sent a stream; the bridge's source map can.
function associateStreams(pc, conferenceID, localUserID, sources) {
  for (const ssrc of ssrcsOf(pc.localDescription.sdp)) {
    ${inst}.associateMstWithUserID(pc, localUserID, conferenceID, ssrc, 'camera', 'local-video');
  }
  for (const source of sources) {
    ${inst}.associateMstWithUserID(pc, source.owner, conferenceID, source.ssrc, source.kind, \`video-\${source.owner}\`);
  }
}

export async function joinBridge(room, localStream, localUserID, jingle) {
  const conferenceID = ROOM_PREFIX + room;
  const pc = openBridgeConnection(localStream);
  ${inst}.addNewFabric(pc, '${BRIDGE_ID}', ${inst}.fabricUsage.multiplex, conferenceID, {
    remoteEndpointType: ${inst}.endpointType.server,
    fabricTransmissionDirection: ${inst}.transmissionDirection.sendrecv,
  }, onFabricReady);
  associateStreams(pc, conferenceID, localUserID, await jingle.negotiate(pc));
  return pc;
}

// Bridge migration: the old bridge went away mid-call, so open a fresh connection to its replacement.
export async function migrateBridge(room, localStream, localUserID, jingle, participants) {
  const conferenceID = ROOM_PREFIX + room;
  const pc = openBridgeConnection(localStream);
  ${inst}.addNewFabric(pc, ${bad.migrate ? 'participants[0].id' : `'${BRIDGE_ID}'`}, ${inst}.fabricUsage.multiplex, conferenceID, {${bad.migrate ? '⟪remote-userid-topology⟫' : ''}
    remoteEndpointType: ${inst}.endpointType.server,
    fabricTransmissionDirection: ${inst}.transmissionDirection.sendrecv,
  }, onFabricReady);
  associateStreams(pc, conferenceID, localUserID, await jingle.negotiate(pc));
  return { pc, participants };
}
`,
    },
    {
      path: `${dir}/session.js`,
      text: `// Who the local user is, and keeping callstats in step when that changes.
import { ${inst}, APP_ID, APP_SECRET, onStatsReady } from './stats';
import { joinBridge } from './bridge';

export const session = { userID: '${rng.hex(40)}' };

export function startConferenceStats() {
  ${inst}.initialize(APP_ID, APP_SECRET, session.userID, onStatsReady);
}

// Signing in turns the guest into a known user; the SDK must authenticate the new ID.
export function onLogin(user) {
  session.userID = user.id;
  ${inst}.initialize(APP_ID, APP_SECRET, session.userID, onStatsReady);
}

// Called by the profile screen after the user edits their handle.
export function setLocalUserID(newUserID) {
${bad.rename ? '  session.userID = newUserID;⟪reinit-on-userid-change⟫' : `  session.userID = newUserID;\n  ${inst}.initialize(APP_ID, APP_SECRET, session.userID, onStatsReady);`}
}
${bad.legacy ? `
// Kept from the 3.2x SDK days: tells every open connection about the rename.
export function announceRename(connections, conferenceID, newUserID) {
  for (const pc of connections) {
    ${inst}.reportUserIDChange(pc, conferenceID, newUserID, ${inst}.userIDType.local);⟪reinit-on-userid-change⟫⟪removed-api⟫
  }
}
` : ''}
export async function enterRoom(room, jingle) {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  return joinBridge(room, stream, session.userID, jingle);
}
`,
    },
    {
      path: `${dir}/kiosk.js`,
      text: `// The reception kiosk: a shared lobby device that joins the bridge under a fixed ID.
import { ${inst}, APP_ID, APP_SECRET, onStatsReady } from './stats';
import { joinBridge } from './bridge';

const KIOSK_USER_ID = '${bad.kiosk ? LONG_JAPANESE : `kiosk-${rng.hex(8)}`}';${bad.kiosk ? '⟪id-max-bytes⟫' : ''}

export async function startKiosk(room, jingle) {
  ${inst}.initialize(APP_ID, APP_SECRET, KIOSK_USER_ID, onStatsReady);
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { facingMode: 'user' } });
  return joinBridge(room, stream, KIOSK_USER_ID, jingle);
}
`,
    },
  ];
  return { files, entry: { path: `${dir}/session.js`, name: 'enterRoom', call: (_room, id) => `enterRoom(${id}, window.jingle)` } };
}

/** Webinars: one send-only connection to the SFU plus one receiving connection per speaker. */
function webinar(rng, dir) {
  const inst = rng.pick(INSTANCE_NAMES);
  const bad = { slug: rng.chance(0.4), host: rng.chance(0.5) };
  const files = [
    { path: `${dir}/stats.ts`, text: statsModule(rng, true, inst) },
    {
      path: `${dir}/webinar.ts`,
      text: `// Webinar mode: one send-only connection for our media, one receiving connection per speaker.
import { ${inst}, ROOM_PREFIX, onFabricReady } from './stats';

export interface Webinar {
  sessionId: string;
  hostId: string;
  speakerIds: string[];
}

${bad.slug ? `// Every session of the series shares one conference.
const SERIES_SLUG = '${LONG_SLUG}';
const conferenceIdOf = (_webinar: Webinar): string => ROOM_PREFIX + SERIES_SLUG;⟪id-max-bytes⟫⟪conference-id-reuse⟫` : `const SERIES_SLUG = 'series-${rng.hex(6)}';
const conferenceIdOf = (webinar: Webinar): string => \`\${ROOM_PREFIX}\${SERIES_SLUG}/\${webinar.sessionId}\`;`}

export function publish(webinar: Webinar, stream: MediaStream): RTCPeerConnection {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  stream.getTracks().forEach((track) => pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] }));
  ${inst}.addNewFabric(pc, ${bad.host ? 'webinar.hostId' : `'${SFU_ID}'`}, ${inst}.fabricUsage.multiplex, conferenceIdOf(webinar), {${bad.host ? '⟪remote-userid-topology⟫' : ''}
    remoteEndpointType: ${inst}.endpointType.server,
    fabricTransmissionDirection: ${inst}.transmissionDirection.sendonly,
  }, onFabricReady);
  return pc;
}

export function subscribe(webinar: Webinar, speakerId: string): RTCPeerConnection {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  pc.addTransceiver('audio', { direction: 'recvonly' });
  pc.addTransceiver('video', { direction: 'recvonly' });
  ${inst}.addNewFabric(pc, speakerId, ${inst}.fabricUsage.multiplex, conferenceIdOf(webinar), {
    remoteEndpointType: ${inst}.endpointType.server,
    fabricTransmissionDirection: ${inst}.transmissionDirection.receiveonly,
  }, onFabricReady);
  return pc;
}

export function joinWebinar(webinar: Webinar, stream: MediaStream): RTCPeerConnection[] {
  return [publish(webinar, stream), ...webinar.speakerIds.map((speakerId) => subscribe(webinar, speakerId))];
}
`,
    },
  ];
  return { files, entry: { path: `${dir}/webinar.ts`, name: 'joinWebinar', call: (room, id) => `joinWebinar({ sessionId: ${room}, hostId: ${id}, speakerIds: [] }, new MediaStream())` } };
}

/** Several connections per participant, wrapped in a class that keeps the instance in a field. */
function conferenceClass(rng, dir) {
  const bad = { upstream: rng.chance(0.5) };
  const files = [
    {
      path: `${dir}/conference-stats.ts`,
      text: `// Wraps callstats for the SFU client: one upstream connection and one downstream connection per participant.
import callstats from 'callstats-js';

const SERVER_ID = '${SFU_ID}';

export class ConferenceStats {
  private readonly _callstats = new callstats();
  private localUserId = '';

  constructor(private readonly appId: string, private readonly appSecret: string, private readonly conferenceId: string) {}

  start(localUserId: string): void {
    this.localUserId = localUserId;
    this._callstats.initialize(this.appId, this.appSecret, localUserId, (status: string) => {
      if (status !== 'success') console.warn('callstats initialize failed', status);
    });
  }

  addUpstream(pc: RTCPeerConnection): void {
    this._callstats.addNewFabric(pc, ${bad.upstream ? 'this.localUserId' : 'SERVER_ID'}, this._callstats.fabricUsage.multiplex, this.conferenceId, {${bad.upstream ? '⟪remote-userid-topology⟫' : ''}
      remoteEndpointType: this._callstats.endpointType.server,
      fabricTransmissionDirection: this._callstats.transmissionDirection.sendonly,
    });
  }

  addDownstream(pc: RTCPeerConnection, participantId: string): void {
    this._callstats.addNewFabric(pc, participantId, this._callstats.fabricUsage.multiplex, this.conferenceId, {
      remoteEndpointType: this._callstats.endpointType.server,
      fabricTransmissionDirection: this._callstats.transmissionDirection.receiveonly,
    });
  }

  hold(pc: RTCPeerConnection): void {
    this._callstats.sendFabricEvent(pc, this._callstats.fabricEvent.fabricHold, this.conferenceId);
  }
}
`,
    },
  ];
  return { files, entry: { path: `${dir}/conference-stats.ts`, name: 'ConferenceStats', kind: 'class' } };
}

/** The cluster kinds a corpus draws from, with how often each appears. */
export const CLUSTERS = [
  [mesh, 3],
  [bridge, 3],
  [webinar, 2],
  [conferenceClass, 2],
];
