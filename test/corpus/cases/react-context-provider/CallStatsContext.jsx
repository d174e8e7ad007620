// Shares one callstats client with the whole app through context; the provider sits above the account switcher.
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import callstats from 'callstats-js';

const APP_ID = '447120985';
const CallStatsContext = createContext(null);

function tokenGenerator(forceNew, callback) {
  fetch('/api/callstats-token', { method: 'POST', credentials: 'include', body: JSON.stringify({ forceNew }) })
    .then((response) => response.text())
    .then((token) => callback(null, token), callback);
}

export function CallStatsProvider({ account, children }) {
  const clientRef = useRef(null);
  const [status, setStatus] = useState('idle');

  useEffect(() => {
    if (!account) return;
    if (!clientRef.current) { // expect: reinit-on-userid-change -- the effect runs again for a new account, but the guard skips initialize() for it
      clientRef.current = new callstats();
      clientRef.current.initialize(APP_ID, tokenGenerator, account.id, (result) => setStatus(result));
    }
  }, [account?.id]);

  return <CallStatsContext.Provider value={{ client: clientRef.current, status }}>{children}</CallStatsContext.Provider>;
}

export function useCallStatsClient() {
  const value = useContext(CallStatsContext);
  if (!value) throw new Error('useCallStatsClient must be used inside <CallStatsProvider>');
  return value;
}

export function useFabric(pc, remoteUserId, conferenceId) {
  const { client } = useCallStatsClient();
  useEffect(() => {
    if (!client || !pc) return;
    client.addNewFabric(pc, remoteUserId, client.fabricUsage.multiplex, conferenceId, { remoteEndpointType: client.endpointType.peer });
    return () => client.sendFabricEvent(pc, client.fabricEvent.fabricTerminated, conferenceId);
  }, [client, pc, remoteUserId, conferenceId]);
}
