// Signalling for the whiteboard's data channels; the server renames us on every reconnect.
import { io } from 'socket.io-client';
import { CallStats } from './call-stats.js';

const tokenGenerator = (forceNew, callback) =>
  fetch('/callstats/token').then((r) => r.text()).then((token) => callback(null, token), callback);

export const stats = new CallStats(tokenGenerator);
export const socket = io('/whiteboard', { transports: ['websocket'], reconnectionDelayMax: 10_000 });

socket.on('connect', () => stats.start(socket.id));

socket.on('peer-offer', async ({ from, boardId, sdp }) => {
  const pc = new RTCPeerConnection();
  pc.ondatachannel = ({ channel }) => channel.addEventListener('message', (event) => window.dispatchEvent(new CustomEvent('board-op', { detail: event.data })));
  await pc.setRemoteDescription({ type: 'offer', sdp });
  await pc.setLocalDescription(await pc.createAnswer());
  socket.emit('peer-answer', { to: from, sdp: pc.localDescription.sdp });
  stats.addPeer(pc, from, boardId);
});
