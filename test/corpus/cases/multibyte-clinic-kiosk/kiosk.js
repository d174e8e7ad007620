import callstats from 'callstats-js/callstats.min';
import { TENANT, SITE, KIOSK_LOCATION, KIOSK_NO, DESK, VIDEO_ROOM } from './names.js';

const cs = new callstats();

// A fixed reception kiosk: the device itself is the user (244 bytes in UTF-8).
const KIOSK_USER_ID = `${TENANT}／${SITE}／${KIOSK_LOCATION}／受付端末${KIOSK_NO}号機`; // ok: id-max-bytes -- 86 characters, 244 bytes: under 256

cs.initialize('577215664', 'clinic-kiosk-secret', KIOSK_USER_ID, (status, message) => {
  if (status !== 'success') document.body.dataset.statsError = message;
});

async function sha1Hex(text) {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

// Patient check-in call with the front desk: every consultation gets its own room.
export function startConsultation(pc, doctorId, consultationId) {
  const conferenceID = `🏥 ${TENANT}／${SITE}／${DESK}／${VIDEO_ROOM}／${consultationId}`; // expect: id-max-bytes
  cs.addNewFabric(pc, doctorId, cs.fabricUsage.multiplex, conferenceID, {
    remoteEndpointType: cs.endpointType.peer,
  });
  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'failed') {
      cs.reportError(pc, conferenceID, cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
    }
  });
  return conferenceID;
}

// Interpreter calls were added later and hash the readable name, as the guide suggests.
export async function startInterpreterCall(pc, interpreterId, consultationId) {
  const conferenceID = await sha1Hex(`${TENANT}／${SITE}／通訳／${consultationId}`); // ok: id-max-bytes -- a SHA-1 hex digest is 40 bytes
  cs.addNewFabric(pc, interpreterId, cs.fabricUsage.multiplex, conferenceID, {
    remoteEndpointType: cs.endpointType.peer,
  });
  return conferenceID;
}

export function endCall(pc, conferenceID) {
  cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, conferenceID);
  pc.close();
}
