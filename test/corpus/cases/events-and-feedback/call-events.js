// The call page's event reporting: media toggles, failures and the rating dialog, all about the current room's call.
import callstats from 'callstats-js/callstats.min';

const ROOM_PREFIX = 'meet.example.com/';
const csio = new callstats();

export function startStats(user, tokenGenerator) {
  csio.initialize('818346020', tokenGenerator, user.id, (status, message) => {
    if (status !== 'success') console.warn('callstats:', message);
  });
}

export async function openCall(room, peer, stream) {
  const conferenceID = ROOM_PREFIX + room.slug;
  const pc = new RTCPeerConnection({ iceServers: room.iceServers });
  stream.getTracks().forEach((track) => pc.addTrack(track, stream));
  csio.addNewFabric(pc, peer.userId, csio.fabricUsage.multiplex, conferenceID, { remoteEndpointType: csio.endpointType.peer });

  try {
    await pc.setLocalDescription(await pc.createOffer());
  } catch (error) {
    csio.reportError(pc, conferenceID, csio.webRTCFunctions.createOffer, error);
    csio.sendFabricEvent(pc, csio.fabricEvent.fabricSetupFailed, conferenceID); // expect: removed-api -- sendFabricEvent() rejects fabricSetupFailed; reportError() above already says it
    throw error;
  }

  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'failed') {
      csio.reportError(pc, room.slug, csio.webRTCFunctions.iceConnectionFailure, new Error('ICE failed')); // expect: conference-id-consistency -- the bare slug, the fabric was added under ROOM_PREFIX + slug
    }
  });

  const controls = {
    mute(kind, muted) {
      const events = csio.fabricEvent;
      const event = kind === 'audio' ? (muted ? events.audioMute : events.audioUnmute) : muted ? events.videoPause : events.videoResume;
      csio.sendFabricEvent(pc, event, conferenceID);
    },
    hold() {
      csio.sendFabricEvent(pc, csio.fabricEvent.fabricHold, conferenceID);
    },
    resume() {
      csio.sendFabricEvent(pc, csio.fabricEvent.fabricResume, conferenceID);
    },
    hangUp() {
      csio.sendFabricEvent(pc, csio.fabricEvent.fabricTerminated, conferenceID);
      pc.close();
    },
  };
  return { pc, conferenceID, controls };
}

export function submitRating(call, user, form) {
  const overall = Number(form.get('overall'));
  if (!Number.isInteger(overall) || overall < 1 || overall > 5) return false;
  csio.sendUserFeedback(call.conferenceID, {
    userID: user.id,
    overall,
    video: Number(form.get('video')) || undefined,
    audio: Number(form.get('audio')) || undefined,
    comment: String(form.get('comment') ?? '').slice(0, 500),
  });
  return true;
}
