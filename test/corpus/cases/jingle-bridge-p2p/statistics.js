// The conference library's callstats module: one SDK instance per page, one fabric per Jingle session.
import callstats from 'callstats-js/callstats.min';

export const BRIDGE_ID = 'jitsi-videobridge';

const backend = new callstats();
let localUserID = null;

export function initStatistics({ appId, appSecret, endpointId, displayName }) {
  if (!appId || !appSecret) throw new TypeError('callstats needs an app id and a secret');
  localUserID = endpointId;
  backend.initialize(appId, appSecret, { userName: displayName, aliasName: endpointId }, (status, message) => {
    if (status !== 'success') console.warn(`callstats init: ${message}`);
  });
}

export function getLocalUserID() {
  return localUserID;
}

export function getBackend() {
  return backend;
}

// A Jingle session is either the one connection to the bridge or a direct connection to one peer.
export function startFabric(tpc, remoteEndpointId, roomName) {
  const remoteUserID = tpc.isP2P ? remoteEndpointId : BRIDGE_ID;
  backend.addNewFabric(tpc.peerconnection, remoteUserID, backend.fabricUsage.multiplex, roomName, { // ok: remote-userid-topology -- the peer on a direct connection, the bridge on the bridge connection
    remoteEndpointType: tpc.isP2P ? backend.endpointType.peer : backend.endpointType.server,
    fabricTransmissionDirection: backend.transmissionDirection.sendrecv,
  });
}

export function reportSetupError(tpc, roomName, webRTCFunction, error) {
  backend.reportError(tpc.peerconnection, roomName, webRTCFunction, error, tpc.localDescription?.sdp, tpc.remoteDescription?.sdp);
}

export function sendMuteEvent(tpc, roomName, muted, kind) {
  const events = backend.fabricEvent;
  const event = kind === 'audio' ? (muted ? events.audioMute : events.audioUnmute) : muted ? events.videoPause : events.videoResume;
  backend.sendFabricEvent(tpc.peerconnection, event, roomName);
}
