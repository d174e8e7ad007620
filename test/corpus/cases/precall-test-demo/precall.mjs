// Network check page: runs callstats' pre-call test before the user joins, then starts stats for the call itself.
import callstats from 'callstats-js/callstats.min';

const APP_ID = '335180924';
const csio = new callstats();

function ephemeralUserId() {
  const stored = sessionStorage.getItem('callstats-ephemeral-id');
  if (stored) return stored;
  const fresh = crypto.randomUUID();
  sessionStorage.setItem('callstats-ephemeral-id', fresh);
  return fresh;
}

csio.on('preCallTestResults', (status, results) => {
  const verdict = document.getElementById('verdict');
  if (status !== 'success') {
    verdict.textContent = 'The network test could not run.';
    return;
  }
  verdict.textContent = results.throughput > 1000 ? 'Your connection is good for video.' : 'Audio only is recommended.';
});
csio.on('connectionRecommendation', (pc, recommendation) => console.info('callstats recommends', recommendation));
csio.setProxyConfig({ collectorURL: 'https://stats-proxy.example.org/collector' });

const token = await fetch('/api/callstats/token', { method: 'POST' }).then((response) => response.text());
csio.initialize(APP_ID, (forceNew, callback) => callback(null, token), ephemeralUserId(), (status, message) => {
  if (status !== 'success') console.warn(message);
}, undefined, { disablePrecalltest: false });

export function joinCall(pc, call) {
  csio.addNewFabric(pc, call.remoteUserId, csio.fabricUsage.multiplex, call.conferenceId, {
    remoteEndpointType: csio.endpointType.peer,
    fabricTransmissionDirection: csio.transmissionDirection.sendrecv,
  });
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'failed') csio.reportError(pc, call.conferenceId, csio.webRTCFunctions.iceConnectionFailure, new Error('connection failed'));
  });
}

export function rateCall(call, overall) {
  csio.sendUserFeedback(call.conferenceId, { userID: ephemeralUserId(), overall, comment: document.getElementById('comment').value });
}
