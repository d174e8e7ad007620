// A call session of the SDK: opens the connection and reports it through the stats facade.
import { Stats } from './Stats.js';

export class CallSession {
  constructor({ callId, remoteUserId, iceServers }) {
    this.callId = callId;
    this.remoteUserId = remoteUserId;
    this.pc = new RTCPeerConnection({ iceServers });
    this.pc.addEventListener('iceconnectionstatechange', () => {
      if (this.pc.iceConnectionState === 'failed') Stats.connectionFailed(this.pc, `call-${this.callId}`, new Error('ICE failed'));
    });
  }

  async start(stream) {
    stream.getTracks().forEach((track) => this.pc.addTrack(track, stream));
    Stats.addConnection(this.pc, this.remoteUserId, `call-${this.callId}`);
    await this.pc.setLocalDescription(await this.pc.createOffer());
    return this.pc.localDescription;
  }
}
