// The collaboration app's stats session: started after sign-in with a per-session token, torn down on sign-out.
import callstats from 'callstats-js/callstats.min';

const APP_ID = '871153906';

export const session = { userId: null, conferenceId: null };
let sdk = null;

export async function signedIn(account) {
  const response = await fetch('/api/session/callstats-token', { method: 'POST', credentials: 'include' });
  const token = await response.text();
  const tokenGenerator = (forceNew, callback) => (forceNew ? refreshToken().then((t) => callback(null, t), callback) : callback(null, token));
  try {
    sdk = new callstats();
    session.userId = account.id;
    sdk.initialize(APP_ID, tokenGenerator, session.userId, (status, message) => {
      if (status !== 'success') console.warn('callstats:', message);
    });
  } catch (error) {
    sdk = null; // ok: reinit-on-userid-change -- resets the SDK instance after a failed start, not the userID
    console.error('callstats could not start', error);
  }
}

function refreshToken() {
  return fetch('/api/session/callstats-token?forceNew=true', { method: 'POST', credentials: 'include' }).then((r) => r.text());
}

export function joinRoom(pc, room, peerId) {
  if (!sdk) return;
  session.conferenceId = `workspace-${room.workspaceId}/${room.id}`;
  sdk.addNewFabric(pc, peerId, sdk.fabricUsage.multiplex, session.conferenceId, { remoteEndpointType: sdk.endpointType.peer });
}

export function signedOut(connections) {
  if (sdk) for (const pc of connections) sdk.sendFabricEvent(pc, sdk.fabricEvent.fabricTerminated, session.conferenceId);
  connections.forEach((pc) => pc.close());
  sdk = null;
  session.userId = null; // ok: reinit-on-userid-change -- sign-out drops the SDK and every connection; nothing is reported under any ID afterwards
  session.conferenceId = null;
}
