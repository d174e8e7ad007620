// Screen sharing next to the camera call: a second connection per peer, with its own events.
import callstats from 'callstats-js/callstats.min';

interface Session {
  user?: { id: string; name: string };
  deviceId: string;
}

interface Room {
  name: string;
  startedAt: number;
}

const cs = new callstats();

export function startStats(session: Session, secret: string): void {
  cs.initialize('880231574', secret, session.user?.id); // expect: id-empty -- a guest has no user, and there is no fallback
}

export function startGuestStats(session: Session, secret: string): void {
  cs.initialize('880231574', secret, session.user?.id ?? `guest-${session.deviceId}`); // ok: id-empty -- a real fallback for guests
}

function callId(room: Room): string {
  return `${room.name}-${room.startedAt}`;
}

export function shareTo(room: Room, peerId: string, screen: MediaStream): RTCPeerConnection {
  const pc = new RTCPeerConnection();
  screen.getTracks().forEach((track) => pc.addTrack(track, screen));
  const conferenceID = callId(room);
  cs.addNewFabric(pc, peerId, cs.fabricUsage.screen, conferenceID, {
    remoteEndpointType: cs.endpointType.peer,
    fabricTransmissionDirection: cs.transmissionDirection.sendonly,
  });
  cs.sendFabricEvent(pc, cs.fabricEvent.screenShareStart, conferenceID);
  screen.getVideoTracks()[0]?.addEventListener('ended', () => {
    cs.sendFabricEvent(pc, cs.fabricEvent.screenShareStop, `${conferenceID}-screen`); // expect: conference-id-consistency -- the fabric was added under conferenceID, not conferenceID + "-screen"
    pc.close();
  });
  return pc;
}
