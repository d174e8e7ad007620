// Browser softphone on SIP.js: answers incoming calls and reports each one to callstats.
import { UserAgent, Registerer, Invitation, SessionState } from 'sip.js';
import callstats from 'callstats-js/callstats.min';

const APP_ID = '724173581';
const SIP_DOMAIN = 'pbx.example.net';

const stats = new callstats();
const calls = new Map();

function tokenGenerator(forceNew, callback) {
  fetch('/api/callstats/token', { method: 'POST', credentials: 'include', body: JSON.stringify({ forceNew }) })
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`token ${response.status}`))))
    .then((token) => callback(null, token))
    .catch((error) => callback(error));
}

function remoteUserFromSession(session) {
  // The far end's SIP address of record: the same ID that phone passes as its own userID.
  return session.remoteIdentity.uri.user;
}

function onCallEstablished(session) {
  const pc = session.sessionDescriptionHandler.peerConnection;
  const remoteUser = remoteUserFromSession(session);
  const callId = session.request.callId;
  calls.set(callId, { pc, remoteUser });
  stats.addNewFabric(pc, remoteUser, stats.fabricUsage.multiplex, callId, { // ok: remote-userid-topology -- a 1:1 SIP call is a mesh of two, the remote user is the far end
    remoteEndpointType: stats.endpointType.peer,
    fabricTransmissionDirection: stats.transmissionDirection.sendrecv,
  });

  pc.addEventListener('iceconnectionstatechange', () => {
    if (pc.iceConnectionState === 'failed') {
      stats.reportError(pc, callId, stats.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
    }
  });
}

function onInvite(invitation) {
  invitation.stateChange.addListener((state) => {
    switch (state) {
      case SessionState.Established:
        onCallEstablished(invitation);
        break;
      case SessionState.Terminated: {
        const call = calls.get(invitation.request.callId);
        if (call) {
          stats.sendFabricEvent(call.pc, stats.fabricEvent.fabricTerminated, invitation.request.callId);
          calls.delete(invitation.request.callId);
        }
        break;
      }
      default:
        break;
    }
  });
  const accept = window.confirm(`Incoming call from ${invitation.remoteIdentity.uri.user}`);
  if (accept) {
    invitation.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
  } else {
    invitation.reject();
  }
}

export async function startPhone(extension, password) {
  const uri = UserAgent.makeURI(`sip:${extension}@${SIP_DOMAIN}`);
  if (!uri) throw new Error(`bad extension ${extension}`);

  stats.initialize(APP_ID, tokenGenerator, extension, (status, message) => {
    if (status !== 'success') console.warn('callstats:', message);
  });

  const userAgent = new UserAgent({
    uri,
    authorizationUsername: extension,
    authorizationPassword: password,
    transportOptions: { server: `wss://${SIP_DOMAIN}:7443` },
    delegate: { onInvite },
  });
  await userAgent.start();
  await new Registerer(userAgent).register();
  return userAgent;
}

export function hangUpAll() {
  for (const [callId, call] of calls) {
    stats.sendFabricEvent(call.pc, stats.fabricEvent.fabricTerminated, callId);
    call.pc.close();
  }
  calls.clear();
}

export { Invitation };
