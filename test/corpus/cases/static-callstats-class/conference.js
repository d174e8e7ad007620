// Wires the conference's connections to callstats: the bridge connection and, when only two are in the room, a direct one.
import CallStats from './CallStats.js';

const BRIDGE_ID = 'jitsi-videobridge';

export function startConferenceStats(config, me) {
  return CallStats.initBackend({
    callStatsID: config.callStatsID,
    callStatsSecret: config.callStatsSecret,
    aliasName: me.endpointId,
    userName: me.displayName,
    applicationName: 'conference-web',
  });
}

export function trackConnection(tpc, room, remoteEndpointId) {
  const stats = new CallStats(tpc, {
    confID: `${room.domain}/${room.name}`,
    remoteUserID: tpc.isP2P ? remoteEndpointId : BRIDGE_ID,
  });
  tpc.peerconnection.addEventListener('iceconnectionstatechange', () => {
    if (tpc.peerconnection.iceConnectionState === 'failed') stats.sendIceConnectionFailedEvent();
  });
  tpc.peerconnection.addEventListener('connectionstatechange', () => {
    if (tpc.peerconnection.connectionState === 'closed') stats.sendTerminateEvent();
  });
  return stats;
}
