import React, { createContext, useContext, useEffect, useMemo } from 'react';
import callstats from 'callstats-js/callstats.min';
import { useAuth } from './auth';

const APP_ID = process.env.REACT_APP_CALLSTATS_APP_ID;

const CallStatsContext = createContext(null);

function reportInitStatus(status, message) {
  if (status !== 'success') {
    console.warn('[callstats] initialize failed:', message);
  }
}

// One SDK instance per signed-in user: the memo is keyed on the user's id, so signing in as
// someone else builds a new instance and initializes it with the new id.
export function CallStatsProvider({ children }) {
  const { user, fetchCallstatsToken } = useAuth();
  const userId = user ? user.id : null;

  const client = useMemo(() => {
    if (!userId) return null;
    const cs = new callstats();
    cs.on('connectionRecommendation', (event) => console.debug('[callstats] recommendation', event));
    cs.initialize(APP_ID, fetchCallstatsToken, userId, reportInitStatus, null, { // ok: reinit-on-userid-change, id-empty -- returns early without a user; the memo depends on userId, a new user gets a new initialized instance
      applicationVersion: '4.2.0',
      disableBeforeUnloadHandler: false,
    });
    return cs;
  }, [userId, fetchCallstatsToken]);

  return <CallStatsContext.Provider value={client}>{children}</CallStatsContext.Provider>;
}

export function useCallStats() {
  return useContext(CallStatsContext);
}

// Used by the call screen for each peer connection it opens (one per remote participant).
export function useTrackedPeerConnection(pc, remoteUserId, roomId) {
  const client = useCallStats();
  useEffect(() => {
    if (!client || !pc || !remoteUserId || !roomId) return;
    client.addNewFabric(pc, remoteUserId, client.fabricUsage.multiplex, roomId, {
      remoteEndpointType: client.endpointType.peer,
    });
    const onState = () => {
      if (pc.iceConnectionState === 'failed') {
        client.reportError(pc, roomId, client.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
      }
    };
    pc.addEventListener('iceconnectionstatechange', onState);
    return () => pc.removeEventListener('iceconnectionstatechange', onState);
  }, [client, pc, remoteUserId, roomId]);
}
