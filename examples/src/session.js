// The conference page's identity: who the local user is, and keeping callstats in step when that changes.
import { csObject, onStatsReady } from './stats.js';
import { APP_ID, APP_SECRET, GUEST_USER_ID } from './config.js';
import { joinBridge } from './bridge.js';

export const session = { userID: GUEST_USER_ID };

export function startConferenceStats() {
  csObject.initialize(APP_ID, APP_SECRET, session.userID, onStatsReady);
}

// Signing in turns the guest into a known user; the SDK must authenticate the new ID.
export function onLogin(user) {
  session.userID = user.id;
  csObject.initialize(APP_ID, APP_SECRET, session.userID, onStatsReady);
}

// Called by the profile screen after the user edits their handle.
export function setLocalUserID(newUserID) {
  // expect: reinit-on-userid-change
  session.userID = newUserID;
}

// Kept from the 3.2x SDK days: tells every open connection about the rename.
export function announceRename(connections, conferenceID, newUserID) {
  for (const pc of connections) {
    // expect: reinit-on-userid-change, removed-api
    csObject.reportUserIDChange(pc, conferenceID, newUserID, csObject.userIDType.local);
  }
}

export async function enterRoom(room, jingle) {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  return joinBridge(room, stream, session.userID, jingle);
}
