// Group meetings over one connection to the video bridge. The bridge signals which endpoint owns
// each SSRC (source-add); local and remote tracks are mapped as soon as they are known.
const APP_ID = '447120956';
const APP_SECRET = 'bWVldGluZ3MtYnJpZGdl';
const BRIDGE_ID = 'jvb-fra-1';

const cs = new callstats();

export class BridgeConference {
  constructor(signalling, localUserID) {
    this.signalling = signalling;
    this.localUserID = localUserID;
    this.sourceOwners = new Map();
    this.pc = null;
    cs.initialize(APP_ID, APP_SECRET, localUserID, (status, message) => {
      if (status !== 'success') console.warn('[meeting] callstats', message);
    });
  }

  async join(roomName, localStream) {
    this.roomName = roomName;
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    this.pc = pc;
    localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
    cs.addNewFabric(pc, BRIDGE_ID, cs.fabricUsage.multiplex, roomName, { // ok: remote-userid-topology -- the bridge's ID on the one connection to it
      remoteEndpointType: cs.endpointType.server,
      fabricTransmissionDirection: cs.transmissionDirection.sendrecv,
    });

    this.signalling.on('source-add', ({ ssrc, endpointId, mediaType }) => {
      this.sourceOwners.set(ssrc, { endpointId, mediaType });
    });

    pc.ontrack = ({ track, streams }) => { // ok: remote-track-association -- every remote SSRC is mapped to the endpoint that sent it
      const ssrc = this.signalling.ssrcOfTrack(track.id);
      const owner = this.sourceOwners.get(ssrc);
      if (!owner) return;
      const tileId = `tile-${owner.endpointId}`;
      document.getElementById(tileId).srcObject = streams[0];
      cs.associateMstWithUserID(pc, owner.endpointId, roomName, ssrc, owner.mediaType, tileId); // ok: remote-track-association -- the sender, not the bridge
    };

    const answer = await this.signalling.offer(pc);
    await pc.setRemoteDescription(answer);
    for (const { ssrc, kind } of this.signalling.localSources()) {
      cs.associateMstWithUserID(pc, this.localUserID, roomName, ssrc, kind === 'video' ? 'camera' : 'microphone', 'local-video'); // ok: remote-track-association -- local SSRCs with the local userID
    }
  }

  moveToBreakout(breakoutName) {
    this.roomName = breakoutName;
    cs.setIdentifiers({ conferenceID: breakoutName }, this.pc);
  }

  leave() {
    if (!this.pc) return;
    cs.sendFabricEvent(this.pc, cs.fabricEvent.fabricTerminated, this.roomName);
    this.pc.close();
    this.pc = null;
  }
}
