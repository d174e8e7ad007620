// Conference rooms on the videobridge: one connection carries our media and every other participant's.
import { csObject, onFabricReady } from './stats.js';
import { ROOM_PREFIX } from './config.js';

function ssrcsOf(sdp) {
  return [...new Set([...sdp.matchAll(/^a=ssrc:(\d+) /gm)].map((match) => Number(match[1])))];
}

function openBridgeConnection(localStream) {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  localStream.getTracks().forEach((track) => pc.addTransceiver(track, { direction: 'sendrecv', streams: [localStream] }));
  return pc;
}

// The bridge rewrites SSRCs, so callstats cannot tell who sent a stream; the bridge's source map can.
function associateStreams(pc, conferenceID, localUserID, sources) {
  for (const ssrc of ssrcsOf(pc.localDescription.sdp)) {
    csObject.associateMstWithUserID(pc, localUserID, conferenceID, ssrc, 'camera', 'local-video');
  }
  for (const source of sources) {
    csObject.associateMstWithUserID(pc, source.owner, conferenceID, source.ssrc, source.kind, `video-${source.owner}`);
  }
}

// `jingle.negotiate(pc)` runs offer/answer with the bridge and resolves to its source map.
export async function joinBridge(room, localStream, localUserID, jingle) {
  const conferenceID = ROOM_PREFIX + room;
  const pc = openBridgeConnection(localStream);
  csObject.addNewFabric(pc, 'jvb-bridge', csObject.fabricUsage.multiplex, conferenceID, {
    remoteEndpointType: csObject.endpointType.server,
    fabricTransmissionDirection: csObject.transmissionDirection.sendrecv,
  }, onFabricReady);
  associateStreams(pc, conferenceID, localUserID, await jingle.negotiate(pc));
  return pc;
}

// Bridge migration: the old bridge went away mid-call, so open a fresh connection to its replacement.
export async function migrateBridge(room, localStream, localUserID, jingle, participants) {
  const conferenceID = ROOM_PREFIX + room;
  const pc = openBridgeConnection(localStream);
  // expect: remote-userid-topology
  csObject.addNewFabric(pc, participants[0].id, csObject.fabricUsage.multiplex, conferenceID, {
    remoteEndpointType: csObject.endpointType.server,
    fabricTransmissionDirection: csObject.transmissionDirection.sendrecv,
  }, onFabricReady);
  associateStreams(pc, conferenceID, localUserID, await jingle.negotiate(pc));
  return pc;
}
