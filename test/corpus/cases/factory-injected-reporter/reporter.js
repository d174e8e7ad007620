// Call-quality reporting for the meetings SDK: the callstats instance is handed in by the app, so tests can pass a fake.
export class CallReporter {
  constructor(client, { conferenceID, localUserID }) {
    this.client = client;
    this.conferenceID = conferenceID;
    this.localUserID = localUserID;
    this.connections = new Set();
  }

  watch(pc, remoteUserID) {
    this.connections.add(pc);
    this.client.addNewFabric(pc, remoteUserID, this.client.fabricUsage.multiplex, this.conferenceID, {
      remoteEndpointType: this.client.endpointType.peer,
    });
  }

  mediaStateChanged(pc, kind, enabled) {
    const events = this.client.fabricEvent;
    const event = kind === 'audio' ? (enabled ? events.audioUnmute : events.audioMute) : enabled ? events.videoResume : events.videoPause;
    this.client.sendFabricEvent(pc, event, this.conferenceID);
  }

  // The meeting lets a guest claim their account mid-call; every connection learns the new ID.
  renameLocalUser(newUserID) {
    this.localUserID = newUserID;
    for (const pc of this.connections) {
      this.client.reportUserIDChange(pc, this.conferenceID, newUserID, this.client.userIDType.local); // expect: reinit-on-userid-change, removed-api -- reportUserIDChange cannot re-identify the local user and is gone from current builds
    }
  }

  close() {
    for (const pc of this.connections) this.client.sendFabricEvent(pc, this.client.fabricEvent.fabricTerminated, this.conferenceID);
    this.connections.clear();
  }
}
