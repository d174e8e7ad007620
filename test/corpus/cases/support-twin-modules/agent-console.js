// Agent console: agents join the customer's room through the company's SFU on one connection.
const APP_ID = '661205938';
const APP_SECRET = 'YWdlbnQtY29uc29sZQ==';
const SFU_ID = 'sfu-eu-west';
export const ONBOARDING_ROOM = 'onboarding-room';

const cs = new callstats();

export function signInAgent(agent) {
  cs.initialize(APP_ID, APP_SECRET, agent.staffId, (status, message) => {
    if (status !== 'success') console.warn('[console] callstats', message);
  });
}

export async function joinOnboarding(agent, localStream, sfu) {
  const pc = new RTCPeerConnection({ iceServers: sfu.iceServers });
  localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
  cs.addNewFabric(pc, SFU_ID, cs.fabricUsage.multiplex, ONBOARDING_ROOM, {
    remoteEndpointType: cs.endpointType.server,
  });
  pc.ontrack = ({ track, streams }) => { // expect: remote-track-association
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

export function openTicketCall(ticket, customer, pc) {
  cs.addNewFabric(pc, customer.id, cs.fabricUsage.multiplex, `Ticket-${ticket.id}`);
}

export function openQueueCall(queue, customer, pc) {
  cs.addNewFabric(pc, customer.id, cs.fabricUsage.multiplex, 'Queue-' + queue.id);
}
