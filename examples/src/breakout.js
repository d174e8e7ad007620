// Workshop breakout rooms on the videobridge. Workshops are billed to their own callstats app, so this page keeps a second instance.
import callstats from 'callstats-js/callstats.min';
import { ROOM_PREFIX } from './config.js';

const WORKSHOP_APP_ID = '904411873';
const workshopStats = new callstats();

// The workshop backend signs a short-lived token; the SDK asks again (forceNew) when it expires.
function workshopToken(forceNew, callback) {
  fetch('/api/workshop/callstats-token', { method: 'POST', body: JSON.stringify({ forceNew }) })
    .then((response) => response.text())
    .then((token) => callback(null, token), (error) => callback(error));
}

// expect: removed-api
workshopStats.on('error', (error) => console.warn('callstats (workshops):', error));

function ssrcsOf(sdp) {
  return [...new Set([...sdp.matchAll(/^a=ssrc:(\d+) /gm)].map((match) => Number(match[1])))];
}

function attachRemoteVideo(track, stream) {
  const video = document.createElement('video');
  video.id = `video-${stream.id}`;
  video.autoplay = true;
  video.srcObject = stream;
  document.getElementById('breakout-grid').append(video);
}

// `breakout` comes from the workshop socket: { id, negotiate(pc), on(event, handler) }.
export function openBreakout(facilitator, breakout, localStream) {
  const conferenceID = ROOM_PREFIX + breakout.id;
  fetch(`/api/workshop/facilitators/${facilitator.id}`)
    .then((response) => response.json())
    .then((profile) => {
      workshopStats.initialize(WORKSHOP_APP_ID, workshopToken, {
        userName: profile.displayName,
        aliasName: facilitator.id,
        // expect: userid-object-shape
        role: profile.role,
      });
    });

  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  localStream.getTracks().forEach((track) => pc.addTransceiver(track, { direction: 'sendrecv', streams: [localStream] }));
  // expect: api-before-initialize
  workshopStats.addNewFabric(pc, 'jvb-bridge', workshopStats.fabricUsage.multiplex, conferenceID, {
    remoteEndpointType: workshopStats.endpointType.server,
    fabricTransmissionDirection: workshopStats.transmissionDirection.sendrecv,
  });
  // expect: remote-track-association
  pc.ontrack = ({ track, streams }) => attachRemoteVideo(track, streams[0]);

  breakout.negotiate(pc).then(() => {
    for (const ssrc of ssrcsOf(pc.localDescription.sdp)) {
      workshopStats.associateMstWithUserID(pc, facilitator.id, conferenceID, ssrc, 'camera', 'local-video');
    }
  });

  // Raised hands show up next to the call's quality graphs.
  breakout.on('hand-raised', (participantId) => {
    // expect: conference-id-consistency
    workshopStats.sendCustomEvent(pc, breakout.id, [{ type: 'handRaised', participantId }]);
  });
  return pc;
}
