// The corpus's one 3,000-line integration module (a desktop call console), the file the editor benchmark types into.
import { pascal, NOUNS } from './random.mjs';
import { statsModule } from './integrations.mjs';

export const CONSOLE_LINES = 3000;
/** The string the editor benchmark types into: every conferenceID of the file is built from it. */
export const EDIT_ANCHOR = "const ROOM_SUFFIX = '";

function connect(rng, i, inst, planted) {
  const remote = planted === 'random' ? 'fabricId' : planted === 'local' ? 'localUserId' : 'peerId';
  return `export async function connectPeer${i}(room: string, peerId: string, stream: MediaStream): Promise<PeerState> {
  const pc = new RTCPeerConnection({ iceServers: ICE_SERVERS, bundlePolicy: '${rng.pick(['balanced', 'max-bundle'])}' });
  stream.getTracks().forEach((track) => pc.addTrack(track, stream));${planted === 'random' ? '\n  const fabricId = crypto.randomUUID();' : ''}
  ${inst}.addNewFabric(pc, ${remote}, ${inst}.fabricUsage.${rng.pick(['multiplex', 'multiplex', 'audio', 'video'])}, conferenceIdFor(room), { remoteEndpointType: ${inst}.endpointType.peer }, onFabricReady);${planted ? '⟪remote-userid-topology⟫' : ''}
  const state: PeerState = { pc, peerId, room, since: Date.now(), bytes: 0 };
  peers.set(peerId, state);
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === 'failed') {
      ${inst}.sendFabricEvent(pc, ${inst}.fabricEvent.fabricTerminated, conferenceIdFor(room));
      peers.delete(peerId);
    }
  };
  await pc.setLocalDescription(await pc.createOffer());
  return state;
}`;
}

function hold(rng, i, inst) {
  const event = rng.pick(['fabricHold', 'fabricResume', 'audioMute', 'audioUnmute', 'videoPause', 'videoResume']);
  return `export function ${event}Peer${i}(peerId: string): boolean {
  const state = peers.get(peerId);
  if (!state) return false;
  ${inst}.sendFabricEvent(state.pc, ${inst}.fabricEvent.${event}, conferenceIdFor(state.room));
  state.since = Date.now();
  return true;
}`;
}

function reportFailure(rng, i, inst) {
  const fn = rng.pick(['createOffer', 'createAnswer', 'setLocalDescription', 'setRemoteDescription', 'addIceCandidate']);
  return `export async function retry${pascal(fn)}${i}(peerId: string, attempt = 0): Promise<void> {
  const state = peers.get(peerId);
  if (!state) return;
  try {
    ${fn === 'addIceCandidate' ? 'await state.pc.addIceCandidate(null as never);' : fn.startsWith('create') ? `await state.pc.${fn}();` : `await state.pc.${fn}(state.pc.${fn.includes('Local') ? 'localDescription' : 'remoteDescription'} ?? undefined);`}
  } catch (error) {
    ${inst}.reportError(state.pc, conferenceIdFor(state.room), ${inst}.webRTCFunctions.${fn}, error);
    if (attempt < ${rng.int(2, 4)}) {
      await new Promise((resolve) => setTimeout(resolve, ${rng.pick([250, 500, 1000])} * (attempt + 1)));
      await retry${pascal(fn)}${i}(peerId, attempt + 1);
    }
  }
}`;
}

function feedback(rng, i, inst) {
  return `export function rateCall${i}(room: string, rating: number, comment = ''): void {
  const overall = Math.max(1, Math.min(5, Math.round(rating)));
  ${inst}.sendUserFeedback(conferenceIdFor(room), { userID: localUserId, overall, comment: comment.slice(0, ${rng.pick([200, 500, 1000])}) });
}`;
}

function bitrate(rng, i) {
  return `export async function sampleBitrate${i}(peerId: string): Promise<number> {
  const state = peers.get(peerId);
  if (!state) return 0;
  const report = await state.pc.getStats();
  let bytes = 0;
  report.forEach((entry) => {
    if (entry.type === '${rng.pick(['inbound-rtp', 'outbound-rtp'])}' && entry.kind === '${rng.pick(['audio', 'video'])}') {
      bytes += entry.${rng.pick(['bytesReceived', 'bytesSent'])} ?? 0;
    }
  });
  const seconds = Math.max(1, (Date.now() - state.since) / 1000);
  const bitsPerSecond = ((bytes - state.bytes) * 8) / seconds;
  state.bytes = bytes;
  state.since = Date.now();
  return Math.round(bitsPerSecond);
}`;
}

function layout(rng, i) {
  const noun = rng.pick(NOUNS);
  return `export function layout${pascal(noun)}Grid${i}(count: number, width: number, height: number): { columns: number; rows: number; tile: { width: number; height: number } } {
  const aspect = ${rng.pick(['16 / 9', '4 / 3', '1'])};
  let best = { columns: 1, rows: count, tile: { width, height: height / Math.max(1, count) } };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const tileWidth = Math.min(width / columns, (height / rows) * aspect);
    if (tileWidth > best.tile.width) {
      best = { columns, rows, tile: { width: tileWidth, height: tileWidth / aspect } };
    }
  }
  return best;
}`;
}

function sdp(rng, i) {
  const codec = rng.pick(['VP8', 'VP9', 'H264', 'AV1', 'opus']);
  return `export function prefer${codec}${i}(description: string): string {
  const lines = description.split('\\r\\n');
  const mediaLine = lines.findIndex((line) => line.startsWith('m=${codec === 'opus' ? 'audio' : 'video'}'));
  if (mediaLine < 0) return description;
  const payloads = lines
    .filter((line) => /^a=rtpmap:\\d+ ${codec}\\//.test(line))
    .map((line) => line.slice('a=rtpmap:'.length).split(' ')[0]);
  if (payloads.length === 0) return description;
  const parts = lines[mediaLine].split(' ');
  const rest = parts.slice(3).filter((pt) => !payloads.includes(pt));
  lines[mediaLine] = [...parts.slice(0, 3), ...payloads, ...rest].join(' ');
  return lines.join('\\r\\n');
}`;
}

function devices(rng, i) {
  return `export async function pick${pascal(rng.pick(['camera', 'microphone', 'speaker']))}${i}(preferredLabel?: string): Promise<MediaDeviceInfo | undefined> {
  const all = await navigator.mediaDevices.enumerateDevices();
  const matching = all.filter((device) => device.kind === '${rng.pick(['videoinput', 'audioinput', 'audiooutput'])}');
  if (preferredLabel) {
    const preferred = matching.find((device) => device.label.toLowerCase().includes(preferredLabel.toLowerCase()));
    if (preferred) return preferred;
  }
  return matching.find((device) => device.deviceId === 'default') ?? matching[0];
}`;
}

/**
 * The console's text: sections until CONSOLE_LINES, two of them with planted findings (a fresh
 * random remote ID, and the local userID as remote ID).
 */
export function consoleFiles(rng, dir) {
  const inst = 'consoleStats';
  const head = `// The call console: every call mode of the desktop app in one module, grown over the years.
import { ${inst}, APP_ID, APP_SECRET, ROOM_PREFIX, onStatsReady, onFabricReady } from './stats';

export interface PeerState {
  pc: RTCPeerConnection;
  peerId: string;
  room: string;
  since: number;
  bytes: number;
}

const ICE_SERVERS = [{ urls: 'stun:stun.example.com:3478' }, { urls: 'turn:turn.example.com:443', username: 'console', credential: 'console' }];
${EDIT_ANCHOR}desk';
const peers = new Map<string, PeerState>();
let localUserId = '';

const conferenceIdFor = (room: string): string => ROOM_PREFIX + room + ROOM_SUFFIX;

export function startConsole(userId: string): void {
  localUserId = userId;
  ${inst}.initialize(APP_ID, APP_SECRET, localUserId, onStatsReady);
}
`;
  const sections = [head];
  let lines = head.split('\n').length;
  const plain = [bitrate, layout, sdp, devices];
  const sdk = [hold, reportFailure, feedback];
  for (let i = 0; lines < CONSOLE_LINES; i++) {
    const planted = i === 11 ? 'random' : i === 47 ? 'local' : undefined;
    const roll = rng.next();
    const section = planted || roll < 0.22 ? connect(rng, i, inst, planted) : roll < 0.45 ? rng.pick(sdk)(rng, i, inst) : rng.pick(plain)(rng, i);
    sections.push(section);
    lines += section.split('\n').length + 1;
  }
  return [
    { path: `${dir}/stats.ts`, text: statsModule(rng, true, inst) },
    { path: `${dir}/call-console.ts`, text: sections.join('\n\n') + '\n' },
  ];
}
