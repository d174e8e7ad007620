// The embeddable widget: a "call an agent" button that opens a peer connection through the support backend.
const stats = require('./stats.cjs');

function visitorId() {
  let id = sessionStorage.getItem('support-visitor');
  if (!id) {
    id = `visitor-${crypto.randomUUID()}`;
    sessionStorage.setItem('support-visitor', id);
  }
  return id;
}

async function callAgent(signal) {
  stats.start(visitorId());
  const offer = await signal('request-agent');
  const pc = new RTCPeerConnection({ iceServers: offer.iceServers });
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  stream.getTracks().forEach((track) => pc.addTrack(track, stream));
  stats.trackAgentCall(pc, offer.agentId);
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'closed') stats.callEnded(pc);
  });
  return pc;
}

module.exports = { callAgent };
