import { createListenerMiddleware, isAnyOf } from '@reduxjs/toolkit';
import callstats from 'callstats-js/callstats.min';
import { signedIn, accountSwitched, peerConnected, roomAssigned, peerLeft } from './callSlice';
import { connections } from './connections';

const cs = new callstats();
const APP_ID = '141421356';

cs.on('preCallTestResults', (status: string, results: unknown) => console.debug('precall', status, results));

async function tokenFor(forceNew: boolean, done: (error: unknown, token?: string) => void) {
  try {
    const response = await fetch(`/api/callstats-token?force=${forceNew}`);
    done(null, await response.text());
  } catch (error) {
    done(error);
  }
}

export const callstatsListener = createListenerMiddleware();

// A new profile means a new local user: initialize() again every time.
callstatsListener.startListening({
  matcher: isAnyOf(signedIn, accountSwitched),
  effect: (action) => {
    const { profile } = action.payload;
    cs.initialize(APP_ID, tokenFor, { userName: profile.displayName, aliasName: profile.statsAlias }); // ok: userid-privacy -- the display name is the object form's userName, the alias is the ID
  },
});

// Peers connect while the lobby is still matching people: the room id comes later.
callstatsListener.startListening({
  actionCreator: peerConnected,
  effect: (action, api) => {
    const { peerAlias } = action.payload;
    const pc = connections.get(peerAlias);
    if (!pc) return;
    const { roomId } = (api.getState() as { call: { roomId: string | null } }).call;
    cs.addNewFabric(pc, peerAlias, cs.fabricUsage.multiplex, '', { remoteEndpointType: cs.endpointType.peer }); // ok: id-empty -- temporary ID, replaced by setIdentifiers() once the room is assigned
    if (roomId) cs.setIdentifiers({ conferenceID: roomId }, pc);
  },
});

callstatsListener.startListening({
  actionCreator: roomAssigned,
  effect: (action) => {
    const { roomId } = action.payload;
    for (const pc of connections.values()) {
      cs.setIdentifiers({ conferenceID: roomId }, pc);
      cs.sendFabricEvent(pc, cs.fabricEvent.fabricResume, roomId); // ok: conference-id-consistency -- setIdentifiers() just gave the connection this ID
    }
  },
});

callstatsListener.startListening({
  actionCreator: peerLeft,
  effect: (action, api) => {
    const pc = connections.get(action.payload.peerAlias);
    const { roomId } = (api.getState() as { call: { roomId: string | null } }).call;
    if (pc && roomId) cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, roomId);
  },
});
