// React hooks for callstats: the SDK is (re)initialized whenever the signed-in user changes, fabrics follow peer connections.
import { useEffect, useMemo, useState } from 'react';
import callstats from 'callstats-js';

const APP_ID = '913377260';
const sdk = new callstats();

export interface SignedInUser {
  id: string;
  displayName: string;
}

function tokenFor(userId: string) {
  return (forceNew: boolean, callback: (error: Error | null, token?: string) => void) => {
    fetch(`/api/users/${encodeURIComponent(userId)}/callstats-token?forceNew=${forceNew}`)
      .then((response) => response.text())
      .then((token) => callback(null, token), (error: Error) => callback(error));
  };
}

/**
 * Runs initialize() again for every new user id: the SDK reports under the ID it was last initialized with.
 * Gives the SDK only once initialize() has answered, so components render their fabrics after it.
 */
export function useCallStats(user: SignedInUser | null): typeof sdk | null {
  const [readyFor, setReadyFor] = useState<string | null>(null);
  useEffect(() => {
    if (!user) return;
    setReadyFor(null);
    sdk.initialize(APP_ID, tokenFor(user.id), { userName: user.displayName, aliasName: user.id }, (status: string) => {
      if (status === 'success') setReadyFor(user.id);
    });
  }, [user?.id]);
  return user && readyFor === user.id ? sdk : null;
}

/** Registers one mesh connection with callstats for as long as the component that owns it is mounted. */
export function usePeerFabric(pc: RTCPeerConnection | null, remoteUserId: string, roomId: string): void {
  const conferenceID = useMemo(() => `rooms/${roomId}`, [roomId]);
  useEffect(() => {
    if (!pc) return;
    sdk.addNewFabric(pc, remoteUserId, sdk.fabricUsage.multiplex, conferenceID, {
      remoteEndpointType: sdk.endpointType.peer,
      fabricTransmissionDirection: sdk.transmissionDirection.sendrecv,
    });
    const onIce = () => {
      if (pc.iceConnectionState === 'failed') {
        sdk.reportError(pc, conferenceID, sdk.webRTCFunctions.iceConnectionFailure, new Error(`ICE to ${remoteUserId} failed`));
      }
    };
    pc.addEventListener('iceconnectionstatechange', onIce);
    return () => {
      pc.removeEventListener('iceconnectionstatechange', onIce);
      sdk.sendFabricEvent(pc, sdk.fabricEvent.fabricTerminated, conferenceID);
    };
  }, [pc, remoteUserId, conferenceID]);
}

export function sendCallRating(roomId: string, user: SignedInUser, overall: number): void {
  sdk.sendUserFeedback(`rooms/${roomId}`, { userID: user.id, overall });
}
