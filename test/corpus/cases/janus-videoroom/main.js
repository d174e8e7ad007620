// Page entry: sign-in state, then the Janus session and the room.
import Janus from 'janus-gateway';
import { startStats } from './stats.js';
import { VideoRoom } from './videoroom.js';

const token = (forceNew, callback) =>
  fetch('/callstats-token', { method: 'POST', body: String(forceNew) })
    .then((r) => r.text())
    .then((t) => callback(null, t), callback);

export async function enterRoom(me, roomId) {
  startStats('604418223', token, me.userId);
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  Janus.init({
    callback: () => {
      const janus = new Janus({
        server: '/janus',
        success: () => new VideoRoom(janus, { roomId, me }).publish(stream),
        error: (error) => Janus.error('janus session failed', error),
      });
    },
  });
}
