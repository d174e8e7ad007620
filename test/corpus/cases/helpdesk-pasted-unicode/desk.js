// Agent desk: the agent signs in once per shift, then takes calls for one desk at a time.
import { DESK_ROOMS, DEV_ROOM, ZURICH_ROOM, GENEVA_ROOM } from './rooms.js';

const APP_ID = '903112845';
const APP_SECRET = 'aGVscGRlc2stc2VjcmV0';
// Shared service accounts of the desks, pasted from the staffing spreadsheet.
const DESK_ACCOUNTS = {
  zurich: 'desk-agent-zrh-07 ', // expect: id-unicode
  geneva: 'desk-agent-gva-02',
};

const cs = new callstats();

export function startShift(desk) {
  const userID = desk === 'zurich' ? DESK_ACCOUNTS.zurich : DESK_ACCOUNTS.geneva;
  cs.initialize(APP_ID, APP_SECRET, userID, (status, message) => {
    if (status !== 'success') console.warn('[desk] callstats', status, message);
  });
  return userID;
}

export function takeCall(desk, caller, pc) {
  const conferenceID = DESK_ROOMS[desk] || DEV_ROOM;
  cs.addNewFabric(pc, caller.id, cs.fabricUsage.multiplex, conferenceID);
  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'disconnected') cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, conferenceID);
    if (pc.iceConnectionState === 'connected') cs.sendFabricEvent(pc, cs.fabricEvent.fabricResume, conferenceID);
  });
  return conferenceID;
}

export function escalate(pc, fromDesk) {
  const room = `helpdesk/escalations/${fromDesk}`;
  cs.setIdentifiers({ conferenceID: room }, pc);
  return room;
}

export function transferToZurich(pc) {
  cs.setIdentifiers({ conferenceID: ZURICH_ROOM }, pc);
}

export function openGenevaOverflow(caller) {
  const pc = new RTCPeerConnection();
  cs.addNewFabric(pc, caller.id, cs.fabricUsage.multiplex, GENEVA_ROOM);
  return pc;
}

export function hangUp(pc, conferenceID) {
  cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, conferenceID);
  pc.close();
}
