// Maps every SSRC of a Jingle session to the endpoint that sends it, so per-participant quality is right.
import { BRIDGE_ID, getBackend, getLocalUserID } from './statistics.js';

function ssrcsOf(sdp) {
  return [...new Set([...sdp.matchAll(/^a=ssrc:(\d+) /gm)].map((match) => Number(match[1])))];
}

export function mapLocalSources(tpc, roomName) {
  const backend = getBackend();
  for (const ssrc of ssrcsOf(tpc.localDescription.sdp)) {
    backend.associateMstWithUserID(tpc.peerconnection, getLocalUserID(), roomName, ssrc, 'camera', 'localVideo');
  }
}

// `sourceMap` comes from the Jingle source-add: ssrc -> { owner, kind }.
export function mapRemoteSources(tpc, roomName, sourceMap) {
  const backend = getBackend();
  for (const [ssrc, source] of sourceMap) {
    const owner = tpc.isP2P ? source.owner : BRIDGE_ID;
    backend.associateMstWithUserID(tpc.peerconnection, owner, roomName, ssrc, source.kind, `participant_${source.owner}`); // expect: remote-track-association -- on the bridge connection every remote SSRC is mapped to the bridge, not its sender
  }
}
