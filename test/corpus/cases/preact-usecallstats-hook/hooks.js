// Hooks shared by the Preact call screens.
import { useEffect, useRef } from 'preact/hooks';
import callstats from 'callstats-js/callstats.min';

const APP_ID = '815502163';

export const cs = new callstats();

export function useCallstats(user, tokenGenerator) {
  const userID = user?.id ?? 'anonymous';
  useEffect(() => {
    cs.initialize(APP_ID, tokenGenerator, userID, (status, message) => { // ok: reinit-on-userid-change, id-empty -- runs again whenever the user's ID changes; a signed-out visitor is 'anonymous'
      if (status !== 'httpStatusOk') console.warn('callstats', status, message);
    });
  }, [userID]);
  return userID;
}

export function usePeerFabric(pc, peer, roomId) {
  const added = useRef(null);
  useEffect(() => {
    if (!pc || !peer?.id) return undefined;
    if (added.current === pc) return undefined;
    added.current = pc;
    cs.addNewFabric(pc, peer.id, cs.fabricUsage.multiplex, roomId, { // ok: id-empty -- peer?.id checked above
      remoteEndpointType: cs.endpointType.peer,
    });
    return () => cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, roomId);
  }, [pc, peer?.id, roomId]);
}
