// Preload of the call window. contextIsolation is off for this window: the SDK
// has to see the page's own RTCPeerConnection objects.
const { ipcRenderer } = require('electron');
const { createHash } = require('crypto');
const callstats = require('callstats-js/callstats.min');

const cs = new callstats();
const APP_ID = process.env.CALLSTATS_APP_ID || '918273645';
let currentAccountId = null;

function conferenceIdFor(meetingUrl) {
  // Every participant hashes the same canonical meeting URL.
  const canonical = new URL(meetingUrl);
  canonical.search = '';
  canonical.hash = '';
  return createHash('sha1').update(canonical.toString()).digest('hex');
}

function tokenGenerator(forceNew, callback) {
  ipcRenderer
    .invoke('callstats:token', { forceNew })
    .then((token) => callback(null, token), (error) => callback(error));
}

function startFor(account) {
  if (!account || account.id === currentAccountId) return;
  currentAccountId = account.id;
  cs.initialize(APP_ID, tokenGenerator, account.id, (status, message) => { // ok: id-empty -- startFor() returns early without an account
    ipcRenderer.send('callstats:status', { status, message });
  });
}

ipcRenderer.invoke('account:current').then(startFor);
ipcRenderer.on('account:changed', (_event, account) => startFor(account)); // ok: reinit-on-userid-change -- a different account id always reaches initialize()

window.meetingStats = {
  addConnection(pc, remoteParticipantId, meetingUrl) {
    if (!remoteParticipantId) return;
    cs.addNewFabric(pc, remoteParticipantId, cs.fabricUsage.multiplex, conferenceIdFor(meetingUrl), {
      remoteEndpointType: cs.endpointType.peer,
    });
  },
  connectionFailed(pc, meetingUrl, error) {
    cs.reportError(pc, conferenceIdFor(meetingUrl), cs.webRTCFunctions.iceConnectionFailure, error);
  },
  screenShare(pc, meetingUrl, started) {
    const event = started ? cs.fabricEvent.screenShareStart : cs.fabricEvent.screenShareStop;
    cs.sendFabricEvent(pc, event, conferenceIdFor(meetingUrl));
  },
  feedback(meetingUrl, rating, comment) {
    cs.sendUserFeedback(conferenceIdFor(meetingUrl), { userID: currentAccountId, overall: rating, comment }); // ok: id-empty -- feedback is only offered after a call, which needs a signed-in account
  },
};
