import callstats from 'callstats-js/callstats.min';
import { maskPhone, toE164 } from './format.js';

const cs = new callstats();
let session = null;

export function startCallstats(user, token) {
  const localId = toE164(user.phoneNumber);
  cs.initialize('519604728', () => token, localId, (status) => { // expect: userid-privacy
    if (status !== 'success') console.warn('callstats not ready:', status);
  });
  session = { localId, label: maskPhone(localId) };
  document.querySelector('#me').textContent = session.label;
}

export function callContact(contact, callId) {
  const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:stun.example.com' }] });
  // Contacts are addressed by their account uid, never by the number in the address book.
  cs.addNewFabric(pc, contact.uid, cs.fabricUsage.multiplex, callId); // ok: userid-privacy -- an opaque account uid
  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'failed') {
      cs.reportError(pc, callId, cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
    }
  });
  return pc;
}

export function rateCall(callId, stars, comment) {
  if (!session) return;
  cs.sendUserFeedback(callId, { userID: session.localId, overall: stars, comment }); // expect: userid-privacy
}
