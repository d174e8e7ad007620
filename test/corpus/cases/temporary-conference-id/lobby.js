// Instant calls: the connection starts before the server has assigned a room, so callstats gets a temporary ID first.
import callstats from 'callstats-js/callstats.min';

const cs = new callstats();

export function startStats(user, tokenGenerator) {
  cs.initialize('694410251', tokenGenerator, user.id);
}

export function dialInstant(callee, stream, signalling) {
  const pc = new RTCPeerConnection();
  stream.getTracks().forEach((track) => pc.addTrack(track, stream));
  // No room yet: the SDK files the fabric under its temporary ID until setIdentifiers() below names the room.
  cs.addNewFabric(pc, callee.id, cs.fabricUsage.multiplex, '', { remoteEndpointType: cs.endpointType.peer }); // ok: id-empty, conference-id-reuse -- the temporary-ID pattern, replaced by setIdentifiers() once the room exists

  signalling.once('room-assigned', ({ roomId }) => {
    cs.setIdentifiers({ conferenceID: roomId }, pc);
    cs.sendFabricEvent(pc, cs.fabricEvent.fabricResume, roomId); // ok: conference-id-consistency -- the ID setIdentifiers() gave the connection
  });
  signalling.once('room-closed', ({ roomId }) => {
    cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, roomId);
    pc.close();
  });
  signalling.send({ type: 'dial', to: callee.id });
  return pc;
}

// When the callee's device forwards the call to another of their devices, the remote side's ID changes.
export function onForwarded(pc, newCallee) {
  cs.setIdentifiers({ remoteUserID: newCallee.id }, pc);
}
