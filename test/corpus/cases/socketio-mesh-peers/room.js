import { io } from 'socket.io-client';
import { meshStats } from './stats.js';

const roomName = decodeURIComponent(location.pathname.split('/').pop() || 'lobby');
const socket = io('https://signal.example.net', { transports: ['websocket'] });
const peers = new Map(); // socket id -> RTCPeerConnection
let localStream;

socket.on('connect', () => {
  meshStats.start(socket.id); // ok: reinit-on-userid-change -- start() re-initializes whenever the id differs
  socket.emit('join', { room: roomName });
});

function createPeer(peerSocketId, initiator) {
  const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:stun.example.net' }] });
  peers.set(peerSocketId, pc);
  localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
  meshStats.addPeer(pc, peerSocketId, roomName); // ok: remote-userid-topology -- mesh: the remote peer's own socket id, which it uses as its userID

  pc.onicecandidate = ({ candidate }) => {
    if (candidate) socket.emit('signal', { to: peerSocketId, candidate });
  };
  pc.ontrack = ({ streams }) => {
    const video = document.getElementById(`peer-${peerSocketId}`) ?? document.createElement('video');
    video.id = `peer-${peerSocketId}`;
    video.autoplay = true;
    video.srcObject = streams[0];
    document.querySelector('#grid').append(video);
  };
  pc.oniceconnectionstatechange = () => {
    if (pc.iceConnectionState === 'failed') meshStats.peerFailed(pc, roomName, new Error('ICE failed'));
  };

  if (initiator) {
    pc.createOffer()
      .then((offer) => pc.setLocalDescription(offer))
      .then(() => socket.emit('signal', { to: peerSocketId, description: pc.localDescription }));
  }
  return pc;
}

socket.on('peers', (ids) => ids.forEach((id) => createPeer(id, true)));
socket.on('peer-joined', ({ id }) => createPeer(id, false));

socket.on('signal', async ({ from, description, candidate }) => {
  const pc = peers.get(from) ?? createPeer(from, false);
  if (description) {
    await pc.setRemoteDescription(description);
    if (description.type === 'offer') {
      await pc.setLocalDescription(await pc.createAnswer());
      socket.emit('signal', { to: from, description: pc.localDescription });
    }
  } else if (candidate) {
    await pc.addIceCandidate(candidate);
  }
});

socket.on('peer-left', ({ id }) => {
  const pc = peers.get(id);
  if (!pc) return;
  meshStats.peerLeft(pc, roomName);
  pc.close();
  peers.delete(id);
  document.getElementById(`peer-${id}`)?.remove();
});

export async function joinRoom() {
  localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  document.querySelector('#local').srcObject = localStream;
}
