// Group rooms through the media server: one connection carries our tracks and every other participant's.
import callstats from 'callstats-js/callstats.min';
import { RoomSignaling } from './room-signaling.js';

const SFU_ID = 'group-room-sfu';
const csio = new callstats();
let localUserID;

function ssrcsOf(sdp) {
  return [...new Set([...sdp.matchAll(/^a=ssrc:(\d+) /gm)].map((m) => Number(m[1])))];
}

export function startStats(appId, tokenGenerator, identity) {
  localUserID = identity.sid;
  csio.initialize(appId, tokenGenerator, localUserID, (status, message) => {
    if (status !== 'success') console.warn('callstats', message);
  });
}

export async function connectRoom(roomSid, localTracks) {
  const signaling = new RoomSignaling(`/rooms/${roomSid}`);
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', iceServers: await signaling.iceServers() });
  localTracks.forEach((track) => pc.addTransceiver(track, { direction: 'sendrecv' }));
  csio.addNewFabric(pc, SFU_ID, csio.fabricUsage.multiplex, roomSid, { // ok: remote-userid-topology -- one connection to the media server names the server
    remoteEndpointType: csio.endpointType.server,
    fabricTransmissionDirection: csio.transmissionDirection.sendrecv,
  });

  const grid = document.getElementById('participants');
  pc.ontrack = ({ track, streams }) => { // expect: remote-track-association -- remote participants' tracks are shown but never mapped to their senders
    let tile = document.getElementById(`stream-${streams[0].id}`);
    if (!tile) {
      tile = document.createElement('video');
      tile.id = `stream-${streams[0].id}`;
      tile.autoplay = true;
      tile.playsInline = true;
      grid.append(tile);
    }
    tile.srcObject = streams[0];
    track.addEventListener('ended', () => tile.remove());
  };

  await signaling.negotiate(pc);
  for (const ssrc of ssrcsOf(pc.localDescription.sdp)) {
    csio.associateMstWithUserID(pc, localUserID, roomSid, ssrc, 'camera', 'local-video');
  }

  signaling.on('participantDisconnected', (participant) => {
    csio.sendCustomEvent(pc, roomSid, [{ type: 'participantLeft', participantSid: participant.sid }]);
  });
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'failed') {
      csio.reportError(pc, roomSid, csio.webRTCFunctions.iceConnectionFailure, new Error('media connection failed'));
    }
  });
  return { pc, leave: () => leaveRoom(pc, roomSid, signaling) };
}

function leaveRoom(pc, roomSid, signaling) {
  csio.sendFabricEvent(pc, csio.fabricEvent.fabricTerminated, roomSid);
  signaling.close();
  pc.close();
}
