import callstats from 'callstats-js/callstats.min';
import { onParticipantJoined, onParticipantLeft, onSourceAdd } from './participants.js';
import { associateLocalTracks, attachTrackHandler } from './tracks.js';

const BRIDGE_ID = 'videobridge';

export async function joinConference(signalling, conference, account) {
  const stats = new callstats();
  const { token } = await signalling.request('callstats-token');
  stats.initialize('562739418', () => token, account.statsId);

  const pc = new RTCPeerConnection({ iceServers: conference.iceServers, bundlePolicy: 'max-bundle' });
  stats.addNewFabric(pc, BRIDGE_ID, stats.fabricUsage.multiplex, conference.roomName, { // ok: remote-userid-topology -- one connection to the bridge carries everyone: the bridge's ID
    remoteEndpointType: stats.endpointType.server,
  });
  attachTrackHandler(stats, pc, conference);

  signalling.on('participant-joined', onParticipantJoined);
  signalling.on('source-add', onSourceAdd);
  signalling.on('participant-left', onParticipantLeft);

  const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  media.getTracks().forEach((track) => pc.addTrack(track, media));
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  const answer = await signalling.request('session-initiate', { sdp: offer.sdp });
  await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
  associateLocalTracks(stats, pc, conference, account.statsId);
  return { pc, stats };
}
