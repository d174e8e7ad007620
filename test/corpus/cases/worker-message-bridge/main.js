// Page side of the bridge: media and callstats live here, signalling in the worker.
const worker = new Worker(new URL('./signalling.worker.js', import.meta.url), { type: 'module' });
const cs = new window.callstats();

let localUserId = null;
let currentCallId = null;
let pc = null;

function send(payload) {
  worker.postMessage({ type: 'send', payload });
}

async function answerCall({ callId, from, sdp }) {
  currentCallId = callId;
  pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:stun.example.org' }] });
  pc.onicecandidate = ({ candidate }) => candidate && send({ kind: 'candidate', callId, candidate });
  cs.addNewFabric(pc, from, cs.fabricUsage.multiplex, currentCallId);
  const media = await navigator.mediaDevices.getUserMedia({ audio: true });
  media.getTracks().forEach((track) => pc.addTrack(track, media));
  await pc.setRemoteDescription({ type: 'offer', sdp });
  const answer = await pc.createAnswer();
  await pc.setLocalDescription(answer);
  send({ kind: 'answer', callId, sdp: answer.sdp });
}

function holdCall(onHold) {
  if (!pc) return;
  const event = onHold ? cs.fabricEvent.fabricHold : cs.fabricEvent.fabricResume;
  cs.sendFabricEvent(pc, event, 'call-' + currentCallId); // expect: conference-id-consistency
}

function hangUp() {
  if (!pc) return;
  cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, currentCallId);
  pc.close();
  pc = null;
}

worker.onmessage = ({ data }) => {
  switch (data.type) {
    case 'identity':
      localUserId = data.userId;
      cs.initialize('630518274', 'callstats-app-secret', localUserId);
      break;
    case 'identity-changed':
      // The guest became a signed-in account: the header shows the new name from here on.
      localUserId = data.userId; // expect: reinit-on-userid-change:error
      document.querySelector('#who').textContent = localUserId;
      break;
    case 'incoming-call':
      answerCall(data).catch((error) => console.error('answer failed', error));
      break;
    default:
      break;
  }
};

document.querySelector('#hold').addEventListener('change', (event) => holdCall(event.target.checked));
document.querySelector('#hangup').addEventListener('click', hangUp);
worker.postMessage({ type: 'connect', url: 'wss://signal.example.org/ws' });
