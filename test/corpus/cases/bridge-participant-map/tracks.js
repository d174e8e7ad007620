// Track handler for the single bridge connection: every remote track is mapped to the
// participant who sent it, local tracks to the local user.
import { ownerOfSsrc } from './participants.js';

function ssrcOfReceiver(receiver) {
  const [source] = receiver.getSynchronizationSources();
  return source ? String(source.source) : null;
}

export function attachTrackHandler(stats, pc, conference) {
  pc.addEventListener('track', (event) => {
    const ssrc = ssrcOfReceiver(event.receiver);
    if (!ssrc) return;
    const owner = ownerOfSsrc(ssrc);
    if (!owner) {
      console.debug('track before source-add, ssrc', ssrc);
      return;
    }
    const videoTagId = `remote-${owner.statsId}-${owner.kind}`;
    stats.associateMstWithUserID(pc, owner.statsId, conference.roomName, ssrc, owner.kind, videoTagId); // ok: remote-track-association -- the sender looked up by SSRC, not the bridge
  });
}

export function associateLocalTracks(stats, pc, conference, localUserId) {
  for (const sender of pc.getSenders()) {
    const ssrc = sender.getParameters().encodings?.[0]?.ssrc;
    if (!ssrc || !sender.track) continue;
    stats.associateMstWithUserID(pc, localUserId, conference.roomName, String(ssrc), sender.track.kind, 'local-video');
  }
}
