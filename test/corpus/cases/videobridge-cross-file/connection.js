// The meeting's one connection to the videobridge: our media goes up it, every other participant's comes down it.
import callstats from 'callstats-js/callstats.min';
import { attachRemoteMedia } from './media.js';

export const BRIDGE_ID = 'videobridge';
export const csio = new callstats();
export const local = { userID: null };

export function startStats(appId, tokenGenerator, me) {
  local.userID = me.endpointId;
  csio.initialize(appId, tokenGenerator, local.userID);
}

export function openBridgeConnection(meeting, localStream) {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', iceServers: meeting.iceServers });
  localStream.getTracks().forEach((track) => pc.addTransceiver(track, { direction: 'sendrecv', streams: [localStream] }));
  csio.addNewFabric(pc, BRIDGE_ID, csio.fabricUsage.multiplex, meeting.conferenceID, {
    remoteEndpointType: csio.endpointType.server,
    fabricTransmissionDirection: csio.transmissionDirection.sendrecv,
  });
  pc.addEventListener('track', (event) => attachRemoteMedia(event)); // ok: remote-track-association -- sources.js maps every remote SSRC to its sender
  return pc;
}
