// Agent console: agents join the customer's room through the company's SFU on one connection.
const APP_ID = '661205938';
const APP_SECRET = 'YWdlbnQtY29uc29sZQ==';
const SFU_ID = 'sfu-eu-west';
export const ONBOARDING_ROOM = 'onboarding-room'; // expect: conference-id-reuse

const cs = new callstats();

let currentAgentId = null;

export function signInAgent(agent) {
  currentAgentId = agent.staffId;
  cs.initialize(APP_ID, APP_SECRET, currentAgentId, (status, message) => {
    if (status !== 'success') console.warn('[console] callstats', message);
  });
}

export async function joinOnboarding(agent, localStream, sfu) {
  const pc = new RTCPeerConnection({ iceServers: sfu.iceServers });
  localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
  cs.addNewFabric(pc, SFU_ID, cs.fabricUsage.multiplex, ONBOARDING_ROOM, {
    remoteEndpointType: cs.endpointType.server,
  });
  pc.ontrack = ({ track, streams }) => { // expect: remote-track-association (known miss: agent.staffId of this function's parameter cannot be known to be the signed-in agent, and an unknown userID counts as a remote participant's)
    const tile = document.createElement('video');
    tile.autoplay = true;
    tile.srcObject = streams[0];
    document.querySelector('#customer-tiles').append(tile);
    console.debug('[console] remote', track.kind);
  };
  await sfu.negotiate(pc);
  for (const sender of pc.getSenders()) {
    const ssrc = sfu.ssrcOf(sender);
    if (ssrc) cs.associateMstWithUserID(pc, agent.staffId, ONBOARDING_ROOM, ssrc, 'camera', 'agent-self-view');
  }
  return pc;
}

export async function joinTraining(session, localStream, sfu) {
  const room = `training/${session.id}`;
  const pc = new RTCPeerConnection({ iceServers: sfu.iceServers });
  localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
  cs.addNewFabric(pc, SFU_ID, cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.server });
  pc.addEventListener('track', ({ streams }) => { // expect: remote-track-association
    document.querySelector('#trainer-video').srcObject = streams[0];
  });
  await sfu.negotiate(pc);
  for (const ssrc of sfu.localSsrcs(pc)) cs.associateMstWithUserID(pc, currentAgentId, room, ssrc, 'camera', 'trainee-self-view');
  return pc;
}

export async function joinStage(stage, sfu) {
  const pc = new RTCPeerConnection({ iceServers: sfu.iceServers });
  cs.addNewFabric(pc, SFU_ID, cs.fabricUsage.multiplex, stage.room, { remoteEndpointType: cs.endpointType.server });
  const sources = await sfu.subscribeAll(pc);
  for (const source of sources) {
    cs.associateMstWithUserID(pc, SFU_ID, stage.room, source.ssrc, source.kind, `stage-${source.owner}`); // expect: remote-track-association
  }
  return pc;
}

export function openTicketCall(ticket, customer, pc) {
  cs.addNewFabric(pc, customer.id, cs.fabricUsage.multiplex, `Ticket-${ticket.id}`);
}

export function openQueueCall(queue, customer, pc) {
  cs.addNewFabric(pc, customer.id, cs.fabricUsage.multiplex, 'Queue-' + queue.id);
}
