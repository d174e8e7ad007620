// The whiteboard app's callstats wrapper: the signalling server routes by socket id, so that id doubles as the userID.
import callstats from 'callstats-js/callstats.min';

const APP_ID = '257730194';

export class CallStats {
  constructor(tokenGenerator) {
    this.sdk = new callstats();
    this.tokenGenerator = tokenGenerator;
    this.initialized = false;
  }

  start(userID) {
    if (this.initialized) return; // expect: reinit-on-userid-change -- after a reconnect socket.id is new, and this drops it
    this.sdk.initialize(APP_ID, this.tokenGenerator, userID, (status) => {
      if (status !== 'success') this.initialized = false;
    });
    this.initialized = true;
  }

  addPeer(pc, peerSocketId, boardId) {
    this.sdk.addNewFabric(pc, peerSocketId, this.sdk.fabricUsage.data, `board-${boardId}`, { remoteEndpointType: this.sdk.endpointType.peer });
  }
}
