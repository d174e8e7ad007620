import JitsiMeetJS from 'lib-jitsi-meet';
import { cs, identity } from './stats.js';

const { events } = JitsiMeetJS;

function videoElementId(track) {
  return track.isLocal() ? 'localVideo' : `remoteVideo_${track.getParticipantId()}`;
}

function mapTrack(pc, track) {
  const ssrc = track.getSSRC();
  if (!ssrc) return;
  // The bridge rewrites SSRCs: tell callstats who really sends each one.
  const owner = track.isLocal() ? identity.userId : track.getParticipantId(); // ok: remote-track-association -- remote SSRCs go to their sender, local ones to the local user
  const label = track.getVideoType?.() === 'desktop' ? 'screen' : track.getType();
  cs.associateMstWithUserID(pc, owner, identity.conferenceId, ssrc, label, videoElementId(track));
}

export function attachTrackHandlers(conference, pc) {
  for (const track of conference.getLocalTracks()) mapTrack(pc, track);

  conference.on(events.conference.TRACK_ADDED, (track) => {
    const el = document.getElementById(videoElementId(track));
    if (el) track.attach(el);
    mapTrack(pc, track);
  });

  conference.on(events.conference.TRACK_MUTE_CHANGED, (track) => {
    if (!track.isLocal()) return;
    const muted = track.isMuted();
    const event = track.getType() === 'audio'
      ? (muted ? cs.fabricEvent.audioMute : cs.fabricEvent.audioUnmute)
      : (muted ? cs.fabricEvent.videoPause : cs.fabricEvent.videoResume);
    cs.sendFabricEvent(pc, event, identity.conferenceId);
  });
}
