// The help desk: customers call support from their account page, and an agent picks the call up from the queue.
import { csObject, onStatsReady, onFabricReady } from './stats.js';
import { APP_ID, APP_SECRET, ROOM_PREFIX } from './config.js';

// Every support call joins the help desk's one standing room.
// expect: conference-id-reuse
const HELP_DESK_ROOM = ROOM_PREFIX + 'Help-Desk';

// Support staff look customers up by their e-mail address, so the page identifies them by it.
export function startSupportStats(customer) {
  // expect: userid-privacy
  csObject.initialize(APP_ID, APP_SECRET, customer.email, onStatsReady);
}

// `ticket` comes from the queue service; `ticket.agent` stays unset until an agent accepts the call.
export function callAgent(ticket, stream) {
  const pc = new RTCPeerConnection();
  stream.getTracks().forEach((track) => pc.addTrack(track, stream));
  // expect: id-empty
  csObject.addNewFabric(pc, ticket.agent?.id, csObject.fabricUsage.multiplex, HELP_DESK_ROOM, {
    remoteEndpointType: csObject.endpointType.peer,
  }, onFabricReady);
  return pc;
}

// Escalation hands the call to the second-level queue's shared seat. Its ID was pasted from the CRM
// and brought a zero-width space along (written as an escape here so that it can be seen).
export function escalate(pc) {
  // expect: id-unicode
  csObject.setIdentifiers({ remoteUserID: 'tier2-seat\u200B' }, pc);
}

// The rating form after hang-up; it names the room the way the CRM's ticket template spells it.
export function rateCall(customer, rating) {
  csObject.sendUserFeedback(
    // expect: id-case-collision, conference-id-reuse
    ROOM_PREFIX + 'help-desk',
    // expect: userid-privacy
    { userID: customer.email, overall: rating },
  );
}
