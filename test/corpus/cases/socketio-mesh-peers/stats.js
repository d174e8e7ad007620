import callstats from 'callstats-js/callstats.min';

const cs = new callstats();

class MeshStats {
  constructor(appId, appSecret) {
    this.appId = appId;
    this.appSecret = appSecret;
    this.userID = undefined;
  }

  // Called on every socket 'connect': the socket id is new after a reconnect,
  // and the other peers address this client by it.
  start(userID) {
    if (userID === this.userID) return; // ok: reinit-on-userid-change -- only the ID already in use is skipped
    this.userID = userID;
    cs.initialize(this.appId, this.appSecret, userID, (status, message) => {
      if (status !== 'success') console.warn('callstats:', message);
    });
  }

  addPeer(pc, peerSocketId, roomName) {
    cs.addNewFabric(pc, peerSocketId, cs.fabricUsage.multiplex, roomName, {
      remoteEndpointType: cs.endpointType.peer,
    });
  }

  peerFailed(pc, roomName, error) {
    cs.reportError(pc, roomName, cs.webRTCFunctions.iceConnectionFailure, error);
  }

  peerLeft(pc, roomName) {
    cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, roomName);
  }
}

export const meshStats = new MeshStats('620394117', 'mesh-demo-secret');
