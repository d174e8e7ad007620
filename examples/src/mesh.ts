// Mesh calls: one RTCPeerConnection per remote participant, negotiated over the signalling socket.
import { csObject, onFabricReady } from './stats.js';
import { ICE_SERVERS, ROOM_PREFIX, SCREEN_VIEWER_ID } from './config.js';
import { analytics } from './analytics.js';
import { socket } from './signalling.js';

const peers = new Map<string, RTCPeerConnection>();
const chats = new Map<string, RTCDataChannel>();
let camera: MediaStream | undefined;

const conferenceIdFor = (room: string): string => ROOM_PREFIX + room;

function createPeerConnection(peerId: string, stream?: MediaStream): RTCPeerConnection {
  const pc = new RTCPeerConnection({ iceServers: ICE_SERVERS });
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
  csObject.addNewFabric(pc, peerId, csObject.fabricUsage.multiplex, conferenceIdFor(room), { remoteEndpointType: csObject.endpointType.peer }, onFabricReady);
  pc.oniceconnectionstatechange = () => pc.iceConnectionState === 'failed' && restartPeer(room, peerId);
  await sendOffer(peerId, pc);
}

// An ICE failure replaces the whole connection; the new one gets its own fabric.
async function restartPeer(room: string, peerId: string): Promise<void> {
  peers.get(peerId)?.close();
  const pc = createPeerConnection(peerId, camera);
  peers.set(peerId, pc);
  const fabricId = crypto.randomUUID();
  // expect: remote-userid-topology
  csObject.addNewFabric(pc, fabricId, csObject.fabricUsage.multiplex, conferenceIdFor(room), { remoteEndpointType: csObject.endpointType.peer }, onFabricReady);
  await sendOffer(peerId, pc);
}

// Chat runs on its own data-only connection to each peer.
export async function openChat(room: string, peerId: string): Promise<void> {
  const pc = createPeerConnection(peerId);
  chats.set(peerId, pc.createDataChannel('chat'));
  // expect: remote-userid-topology
  csObject.addNewFabric(pc, analytics.localUserID, csObject.fabricUsage.data, conferenceIdFor(room), { remoteEndpointType: csObject.endpointType.peer }, onFabricReady);
  await sendOffer(peerId, pc);
}

export async function shareScreen(room: string): Promise<void> {
  const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
  for (const peerId of peers.keys()) {
    const pc = createPeerConnection(peerId, screen);
    // expect: remote-userid-topology
    csObject.addNewFabric(pc, SCREEN_VIEWER_ID, csObject.fabricUsage.screen, conferenceIdFor(room), { remoteEndpointType: csObject.endpointType.peer }, onFabricReady);
    await sendOffer(peerId, pc);
  }
}

socket.on('peer-joined', ({ room, peerId }: { room: string; peerId: string }) => connectToPeer(room, peerId));
socket.on('answer', ({ from, sdp }: { from: string; sdp: RTCSessionDescriptionInit }) => peers.get(from)?.setRemoteDescription(sdp));
socket.on('candidate', ({ from, candidate }: { from: string; candidate: RTCIceCandidateInit }) => peers.get(from)?.addIceCandidate(candidate));
