// The whiteboard app's callstats wrapper, reconnect-safe: initialize() runs again whenever the socket id changes.
import callstats from 'callstats-js/callstats.min';
import { io } from 'socket.io-client';

const APP_ID = '257730194';

type TokenGenerator = (forceNew: boolean, callback: (error: Error | null, token?: string) => void) => void;

export class CallStats {
  private readonly sdk = new callstats();
  private userID: string | undefined = undefined;

  constructor(private readonly tokenGenerator: TokenGenerator) {}

  start(userID: string): void {
    if (userID === this.userID) return; // ok: reinit-on-userid-change -- skips only when the ID is the one already in use
    this.userID = userID;
    this.sdk.initialize(APP_ID, this.tokenGenerator, userID);
  }

  addPeer(pc: RTCPeerConnection, peerSocketId: string, boardId: string): void {
    this.sdk.addNewFabric(pc, peerSocketId, this.sdk.fabricUsage.data, `board-${boardId}`, { remoteEndpointType: this.sdk.endpointType.peer });
  }
}

const tokenGenerator: TokenGenerator = (forceNew, callback) => {
  fetch(`/callstats/token?forceNew=${forceNew}`)
    .then((r) => r.text())
    .then((token) => callback(null, token), (error: Error) => callback(error));
};

export const stats = new CallStats(tokenGenerator);
export const socket = io('/whiteboard', { transports: ['websocket'] });
socket.on('connect', () => stats.start(socket.id!));
