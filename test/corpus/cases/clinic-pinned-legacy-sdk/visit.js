// Video visits between a doctor and a patient. The SDK is still the version from the first release.
import callstats from 'callstats-js/callstats.min';
import io from 'socket.io-client';

const APP_ID = '270418863';
const APP_SECRET = 'Y2xpbmljLXZpc2l0cw==';
const SETUP_FAILED = 'fabricSetupFailed';

const cs = new callstats();
const socket = io('/visits');
let visit = null;

function onInit(status, message) {
  if (status !== 'success') console.error('[visit] callstats', status, message);
}

export function signInDoctor(doctor) {
  cs.initialize(APP_ID, APP_SECRET, { // expect: userid-object-shape:error
    userName: doctor.fullName,
    aliasname: doctor.pseudonym, // expect: userid-object-shape:error
  }, onInit);
}

export function signInGuest(guest) {
  const guestUser = { userName: guest.displayName, loginID: guest.email }; // expect: userid-object-shape:error, userid-object-shape:error
  cs.initialize(APP_ID, APP_SECRET, guestUser, onInit);
}

cs.on('stats', (stats) => console.debug('[visit] stats', stats)); // ok: removed-api -- an accepted event
cs.on('recommendedConfig', (config) => console.info('[visit] recommended', config)); // ok: removed-api -- an accepted event
cs.on('error', (error) => console.error('[visit] callstats error', error)); // expect: removed-api
cs.on('preCalltestResults', (status, results) => console.info('[visit] precall', status, results)); // expect: removed-api

export function joinVisit(visitId, remoteId, localStream) {
  const pc = new RTCPeerConnection();
  localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
  cs.addNewFabric(pc, remoteId, cs.fabricUsage.multiplex, visitId);
  visit = { id: visitId, remoteId, pc };

  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'failed') {
      cs.sendFabricEvent(pc, SETUP_FAILED, visitId); // expect: removed-api
      socket.emit('visit:ice-failed', { visitId });
    }
  });
  return pc;
}

socket.on('visit:participant-renamed', ({ newId }) => {
  if (!visit) return;
  cs.reportUserIDChange(visit.pc, visit.id, newId, cs.userIDType.remote); // expect: removed-api
  visit.remoteId = newId;
});

socket.on('visit:ended', () => {
  if (!visit) return;
  cs.sendFabricEvent(visit.pc, cs.fabricEvent.fabricTerminated, visit.id);
  visit.pc.close();
  visit = null;
});
