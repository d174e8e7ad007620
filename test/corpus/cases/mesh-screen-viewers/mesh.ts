// Small-team huddles: a full mesh for cameras, plus a one-way screen share to every viewer.
import callstats from 'callstats-js/callstats.min';

const APP_ID = '540978116';
const cs = new callstats();

export interface Huddle {
  id: string;
  startedAt: number;
  memberIds: string[];
}

export function startHuddleStats(localUserId: string, secret: string): void {
  cs.initialize(APP_ID, secret, localUserId);
}

function conferenceIdOf(huddle: Huddle): string {
  return `huddle-${huddle.id}-${huddle.startedAt}`;
}

export function connectCameras(huddle: Huddle, localUserId: string, open: (peerId: string) => RTCPeerConnection): void {
  for (const memberId of huddle.memberIds) {
    if (memberId === localUserId) continue;
    const pc = open(memberId);
    cs.addNewFabric(pc, memberId, cs.fabricUsage.multiplex, conferenceIdOf(huddle), { remoteEndpointType: cs.endpointType.peer });
  }
}

// Each viewer gets its own send-only connection carrying the screen.
export function shareScreen(huddle: Huddle, viewers: string[], open: (peerId: string) => RTCPeerConnection): void {
  for (const viewerId of viewers) {
    const pc = open(viewerId);
    cs.addNewFabric(pc, 'screen-viewer', cs.fabricUsage.screen, conferenceIdOf(huddle), { // expect: remote-userid-topology -- one constant for every viewer of the mesh
      remoteEndpointType: cs.endpointType.peer,
      fabricTransmissionDirection: cs.transmissionDirection.sendonly,
    });
  }
}

// A late joiner may not have announced its id yet when the connection opens.
export function connectLateJoiner(huddle: Huddle, pc: RTCPeerConnection, peerId?: string): void {
  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceIdOf(huddle), { remoteEndpointType: cs.endpointType.peer }); // expect: id-empty -- peerId is optional and unchecked; addNewFabric() fails on undefined
}

export function connectAnnouncedPeer(huddle: Huddle, pc: RTCPeerConnection, peerId?: string): void {
  if (!peerId) return;
  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceIdOf(huddle), { remoteEndpointType: cs.endpointType.peer }); // ok: id-empty -- checked just before
}

// Invitations carry the invitee's id; a broken invitation is a bug worth an exception, not an anonymous fabric.
export function connectInvitee(huddle: Huddle, pc: RTCPeerConnection, invitation: { inviteeId?: string }): void {
  const peerId = invitation.inviteeId;
  if (!peerId) throw new Error(`invitation to huddle ${huddle.id} has no invitee`);
  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceIdOf(huddle), { remoteEndpointType: cs.endpointType.peer }); // ok: id-empty -- the throw above leaves no path with an empty peerId
}

