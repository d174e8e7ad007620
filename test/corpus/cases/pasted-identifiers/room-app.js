// The design team's room app: joins the named rooms, and the recorder bot joins to capture the review.
import callstats from 'callstats-js/callstats.min';
import { PRESENTER_USER_ID, RECORDER_USER_ID, ROOMS } from './settings.js';

const cs = new callstats();

function clean(text) {
  return text.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').trim();
}

export function startAs(role, tokenGenerator, member) {
  const userID = role === 'recorder' ? RECORDER_USER_ID : role === 'presenter' ? PRESENTER_USER_ID : member.id;
  cs.initialize('205517736', tokenGenerator, userID);
}

export function joinRoom(pc, roomKey, peerId, meetingDate) {
  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, `${ROOMS[roomKey]}/${meetingDate}`, { remoteEndpointType: cs.endpointType.peer });
}

export function joinReview(pc, peerId, meetingDate) {
  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, `${ROOMS.designReview}/${meetingDate}`, { remoteEndpointType: cs.endpointType.peer });
}

// Guests type the room name they were given; whatever they paste is cleaned first.
export function joinByName(pc, typedRoomName, peerId) {
  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, clean(typedRoomName), { remoteEndpointType: cs.endpointType.peer });
}
