import CallStatsBackend from './CallStatsBackend';

export function onRemoteSourceAdded(tpc, { ssrc, owner, mediaType }) {
  CallStatsBackend.associateStreamWithVideoTag(tpc, ssrc, false, owner, mediaType === 'video' ? 'camera' : 'microphone', `participant_${owner}`);
}

export function onLocalTrackAdded(tpc, { ssrc, mediaType }) {
  CallStatsBackend.associateStreamWithVideoTag(tpc, ssrc, true, null, mediaType === 'video' ? 'camera' : 'microphone', 'localVideo_container');
}

export function onIceConnectionStateChange(tpc) {
  if (tpc.peerconnection.iceConnectionState === 'failed') CallStatsBackend.sendIceFailed(tpc);
}
