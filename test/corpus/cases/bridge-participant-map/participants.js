// Keeps who is in the conference and which SSRCs each participant sends, from the bridge's
// signalling messages (source-add / source-remove, as Jingle-style bridges send them).
const bySsrc = new Map();
const byEndpoint = new Map();

export function onParticipantJoined({ endpointId, statsId }) {
  byEndpoint.set(endpointId, { endpointId, statsId, ssrcs: new Set() });
}

export function onSourceAdd({ endpointId, sources }) {
  const participant = byEndpoint.get(endpointId);
  if (!participant) return;
  for (const source of sources) {
    participant.ssrcs.add(source.ssrc);
    bySsrc.set(source.ssrc, { statsId: participant.statsId, kind: source.media });
  }
}

export function onParticipantLeft(endpointId) {
  const participant = byEndpoint.get(endpointId);
  if (!participant) return;
  for (const ssrc of participant.ssrcs) bySsrc.delete(ssrc);
  byEndpoint.delete(endpointId);
}

export function ownerOfSsrc(ssrc) {
  return bySsrc.get(ssrc);
}
