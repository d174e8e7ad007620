import { onBeforeUnmount, watch } from 'vue';
import { storeToRefs } from 'pinia';
import { csClient, useSessionStore } from './session-store.js';

// One connection per remote participant of a small Vue meeting room.
export function useCallStats(roomSlug) {
  const session = useSessionStore();
  const { statsReady } = storeToRefs(session);
  const tracked = new Map();

  function conferenceId() {
    return `meet.example.org/${roomSlug.value}`;
  }

  function trackPeer(peer, pc) {
    if (!statsReady.value) return;
    const conferenceID = conferenceId();
    csClient.addNewFabric(pc, peer.id, csClient.fabricUsage.multiplex, conferenceID, {
      remoteEndpointType: csClient.endpointType.peer,
      fabricTransmissionDirection: csClient.transmissionDirection.sendrecv,
    });
    tracked.set(peer.id, { pc, conferenceID });

    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed') {
        csClient.reportError(pc, conferenceID, csClient.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
      }
    });
  }

  function setMuted(muted) {
    const event = muted ? csClient.fabricEvent.audioMute : csClient.fabricEvent.audioUnmute;
    for (const { pc, conferenceID } of tracked.values()) {
      csClient.sendFabricEvent(pc, event, conferenceID);
    }
  }

  function untrackPeer(peerId) {
    const entry = tracked.get(peerId);
    if (!entry) return;
    // The room may have changed since: end the fabric under the ID it was added with.
    csClient.sendFabricEvent(entry.pc, csClient.fabricEvent.fabricTerminated, entry.conferenceID);
    tracked.delete(peerId);
  }

  watch(roomSlug, () => {
    for (const peerId of [...tracked.keys()]) untrackPeer(peerId);
  });

  onBeforeUnmount(() => {
    for (const peerId of [...tracked.keys()]) untrackPeer(peerId);
  });

  return { trackPeer, untrackPeer, setMuted };
}
