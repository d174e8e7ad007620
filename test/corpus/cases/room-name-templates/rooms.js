// Meeting rooms of a French-speaking association. The room names were written by the
// volunteers in the admin form and copied into this file; the signalling server keys rooms by them.
import callstats from 'callstats-js/callstats.min';

export const ROOM_TEMPLATES = {
  board: (year) => `Conseil d'administration ${year}`, // ok: id-unicode -- precomposed accents, spaces only inside
  volunteers: (team) => `Équipe bénévoles ${team}`, // expect: id-unicode
  helpdesk: (day) => `Permanence ${day} `, // expect: id-unicode
};

const KIOSK_PREFIX = 'accueil-';

const cs = new callstats();

export function startStats(appId, tokenFor, member) {
  const userId = member.kioskNumber
    ? `${KIOSK_PREFIX}${member.kioskNumber} ` // expect: id-unicode
    : member.memberId;
  cs.initialize(appId, tokenFor(member), userId);
  return userId;
}

// Rooms typed in the "join by name" box are cleaned the same way on every client.
export function roomFromInput(text) {
  return text.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
}

export function joinRoom(kind, arg, pc, remoteMemberId) {
  const template = ROOM_TEMPLATES[kind];
  if (!template || !remoteMemberId) throw new Error(`unknown room kind ${kind}`);
  const conferenceID = template(arg);
  cs.addNewFabric(pc, remoteMemberId, cs.fabricUsage.multiplex, conferenceID);
  return conferenceID;
}

export function joinBoard(pc, remoteMemberId) {
  const conferenceID = ROOM_TEMPLATES.board(new Date().getFullYear());
  cs.addNewFabric(pc, remoteMemberId, cs.fabricUsage.multiplex, conferenceID);
}

export function joinVolunteers(pc, remoteMemberId, team) {
  cs.addNewFabric(pc, remoteMemberId, cs.fabricUsage.multiplex, ROOM_TEMPLATES.volunteers(team));
}

export function joinHelpdesk(pc, remoteMemberId, day) {
  cs.addNewFabric(pc, remoteMemberId, cs.fabricUsage.multiplex, ROOM_TEMPLATES.helpdesk(day));
}

export function joinTypedRoom(pc, remoteMemberId, typed) {
  const conferenceID = roomFromInput(typed);
  if (!conferenceID) return null;
  cs.addNewFabric(pc, remoteMemberId, cs.fabricUsage.multiplex, conferenceID); // ok: id-unicode -- normalized to NFC and trimmed where it is built
  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'failed') {
      cs.reportError(pc, conferenceID, cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
    }
  });
  return conferenceID;
}
