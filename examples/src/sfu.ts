// Webinar mode on the same videobridge: one send-only connection for our media, one receiving connection per speaker.
import { csObject, onFabricReady } from './stats.js';
import { ROOM_PREFIX, WEBINAR_SERIES_SLUG } from './config.js';

export interface Webinar {
  hostId: string;
  speakerIds: string[];
}

// expect: id-max-bytes, conference-id-reuse
const conferenceID = ROOM_PREFIX + WEBINAR_SERIES_SLUG;

export function publish(webinar: Webinar, stream: MediaStream): RTCPeerConnection {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  stream.getTracks().forEach((track) => pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] }));
  // expect: remote-userid-topology
  csObject.addNewFabric(pc, webinar.hostId, csObject.fabricUsage.multiplex, conferenceID, {
    remoteEndpointType: csObject.endpointType.server,
    fabricTransmissionDirection: csObject.transmissionDirection.sendonly,
  }, onFabricReady);
  return pc;
}

export function subscribe(speakerId: string): RTCPeerConnection {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  pc.addTransceiver('audio', { direction: 'recvonly' });
  pc.addTransceiver('video', { direction: 'recvonly' });
  csObject.addNewFabric(pc, speakerId, csObject.fabricUsage.multiplex, conferenceID, {
    remoteEndpointType: csObject.endpointType.server,
    fabricTransmissionDirection: csObject.transmissionDirection.receiveonly,
  }, onFabricReady);
  return pc;
}

export function joinWebinar(webinar: Webinar, stream: MediaStream): RTCPeerConnection[] {
  return [publish(webinar, stream), ...webinar.speakerIds.map(subscribe)];
}
