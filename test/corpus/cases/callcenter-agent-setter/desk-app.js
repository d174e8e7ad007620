import { AgentDesk } from './agent-desk';
import { Gateway } from './gateway-client';

async function tokenGenerator(forceNew, callback) {
  try {
    const response = await fetch('/desk/api/callstats-token', { method: 'POST', credentials: 'include' });
    callback(null, await response.text());
  } catch (error) {
    callback(error);
  }
}

const desk = new AgentDesk(window.DESK_CONFIG.workstationId, tokenGenerator);
const gateway = new Gateway(window.DESK_CONFIG.gatewayUrl);

document.querySelector('#login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const response = await fetch('/desk/api/login', {
    method: 'POST',
    body: JSON.stringify({ login: form.get('login'), password: form.get('password') }),
    headers: { 'Content-Type': 'application/json' },
  });
  if (!response.ok) {
    document.querySelector('#login-error').textContent = 'Sign-in failed';
    return;
  }
  const agent = await response.json();
  desk.agentId = agent.agentNumber;
  document.querySelector('#agent-name').textContent = agent.displayName;
  gateway.register(agent.agentNumber);
});

gateway.on('incoming', async (call) => {
  const pc = new RTCPeerConnection({ iceServers: window.DESK_CONFIG.iceServers });
  desk.acceptCall(call, pc);
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  stream.getTracks().forEach((track) => pc.addTrack(track, stream));
  pc.ontrack = ({ streams }) => { document.querySelector('#customer-audio').srcObject = streams[0]; };
  await pc.setRemoteDescription(call.offer);
  await pc.setLocalDescription(await pc.createAnswer());
  gateway.answer(call.id, pc.localDescription);
});

gateway.on('hold', ({ call, onHold }) => desk.hold(call, onHold));
gateway.on('ended', ({ call, wrapUp }) => desk.endCall(call, wrapUp));
