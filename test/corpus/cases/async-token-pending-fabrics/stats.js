// callstats for the classroom app. The token comes from our backend, so initialize() waits for it;
// connections that open before that are queued and added once the SDK is ready.
import callstats from 'callstats-js/callstats.min';

const APP_ID = '390417726';
const cs = new callstats();

let ready = false;
const pending = [];

async function fetchToken(userId) {
  const response = await fetch(`/api/callstats/token?user=${encodeURIComponent(userId)}`, { credentials: 'include' });
  if (!response.ok) throw new Error(`token request failed: ${response.status}`);
  const { token } = await response.json();
  return token;
}

export async function initStats(userId) {
  const token = await fetchToken(userId);
  cs.initialize(APP_ID, (forceNew, callback) => callback(null, token), userId, (status) => {
    ready = status === 'httpStatusOk';
    if (!ready) return;
    for (const add of pending.splice(0)) add();
  });
}

export function trackPeer(pc, peerId, classroomId) {
  const add = () => cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, classroomId, { // ok: api-before-initialize -- queued until initialize() reports success
    remoteEndpointType: cs.endpointType.peer,
  });
  if (ready) add();
  else pending.push(add);
}

export function enterClassroom(signaling, user, classroomId) {
  initStats(user.id).catch((err) => console.warn('callstats disabled', err));

  signaling.on('offer', async ({ from, sdp }) => {
    const pc = new RTCPeerConnection();
    trackPeer(pc, from, classroomId); // ok: api-before-initialize -- goes through the queue
    await pc.setRemoteDescription(sdp);
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    signaling.send({ to: from, sdp: pc.localDescription });
  });

  // The teacher's console connection is opened straight away, without waiting for the token.
  const consolePc = new RTCPeerConnection();
  cs.addNewFabric(consolePc, 'teacher-console', cs.fabricUsage.data, classroomId, { // expect: api-before-initialize
    remoteEndpointType: cs.endpointType.server,
  });
  consolePc.addEventListener('iceconnectionstatechange', () => {
    if (consolePc.iceConnectionState !== 'failed') return;
    const error = new DOMException('ICE failed on the console connection', 'NetworkError');
    cs.reportError(consolePc, `classroom-${classroomId}`, cs.webRTCFunctions.iceConnectionFailure, error); // expect: conference-id-consistency
  });
  return consolePc;
}
