import { config } from './config.js';
import { initCallstats, trackCall, endCall } from './callstats-setup.js';

let session = null;

async function post(path, body) {
  const response = await fetch(`${config.apiBase}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'include',
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

export async function signIn(login, password) {
  session = await post('/session', { login, password });
  initCallstats(session.agent.id);
  return session.agent;
}

export async function signOut() {
  await post('/session/end', {});
  session = null;
}

// Agents share desks: the console switches accounts without reloading the page.
export async function switchAgent(login, password) {
  await signOut();
  return signIn(login, password);
}

export async function acceptCall(offer) {
  if (!session) throw new Error('not signed in');
  const call = await post('/calls/accept', { callId: offer.callId });
  const pc = new RTCPeerConnection({ iceServers: call.iceServers });
  trackCall(pc, { id: call.conferenceId, remoteUserId: call.customerToken });
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'closed') endCall(pc, { id: call.conferenceId });
  });
  return pc;
}
