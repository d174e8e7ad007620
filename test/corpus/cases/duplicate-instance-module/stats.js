// The app's callstats instance, initialized at start-up for the signed-in user.
import callstats from 'callstats-js/callstats.min';

export const csio = new callstats();

export function startStats(user, tokenGenerator) {
  csio.initialize('126640385', tokenGenerator, user.id, (status, message) => {
    if (status !== 'success') console.warn('callstats:', message);
  });
}

export function trackPeer(pc, peer, room) {
  csio.addNewFabric(pc, peer.id, csio.fabricUsage.multiplex, room.conferenceID, { remoteEndpointType: csio.endpointType.peer });
}
