// After each renegotiation, tells callstats who sends which SSRC on the bridge connection (the bridge rewrites them).
import { csio, local } from './connection.js';

function localSsrcs(pc) {
  return [...new Set([...pc.localDescription.sdp.matchAll(/^a=ssrc:(\d+) /gm)].map((m) => Number(m[1])))];
}

// `sourceMap` is the bridge's signalling message: [{ ssrc, endpointId, kind, streamId }].
export function mapSources(pc, meeting, sourceMap) {
  for (const ssrc of localSsrcs(pc)) {
    csio.associateMstWithUserID(pc, local.userID, meeting.conferenceID, ssrc, 'camera', 'local-video');
  }
  for (const source of sourceMap) {
    csio.associateMstWithUserID(pc, source.endpointId, meeting.conferenceID, source.ssrc, source.kind, `stream-${source.streamId}`);
  }
}
