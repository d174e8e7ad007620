// A Jingle session: offer/answer over XMPP for the bridge connection or for a direct peer-to-peer connection.
import { getBackend, reportSetupError, sendMuteEvent, startFabric } from './statistics.js';
import { mapRemoteSources, mapLocalSources } from './ssrc-owners.js';

export class TraceablePeerConnection {
  constructor(isP2P, iceConfig) {
    this.isP2P = isP2P;
    this.peerconnection = new RTCPeerConnection({ ...iceConfig, bundlePolicy: 'max-bundle', sdpSemantics: 'unified-plan' });
    this.remoteTracks = new Map();
    this.peerconnection.addEventListener('track', ({ track, streams }) => this.remoteTracks.set(track.id, { track, stream: streams[0] }));
  }

  get localDescription() {
    return this.peerconnection.localDescription;
  }

  get remoteDescription() {
    return this.peerconnection.remoteDescription;
  }
}

export class JingleSession {
  constructor({ room, isP2P, remoteEndpointId, iceConfig, signaling }) {
    this.room = room;
    this.remoteEndpointId = remoteEndpointId;
    this.signaling = signaling;
    this.tpc = new TraceablePeerConnection(isP2P, iceConfig);
  }

  async acceptOffer(offerSdp, sourceMap, localStream) {
    const pc = this.tpc.peerconnection;
    localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
    startFabric(this.tpc, this.remoteEndpointId, this.room.name);
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
      await pc.setLocalDescription(await pc.createAnswer());
    } catch (error) {
      reportSetupError(this.tpc, this.room.name, getBackend().webRTCFunctions.setRemoteDescription, error);
      throw error;
    }
    this.signaling.sendAnswer(pc.localDescription.sdp);
    mapLocalSources(this.tpc, this.room.name);
    mapRemoteSources(this.tpc, this.room.name, sourceMap);
  }

  setMuted(kind, muted) {
    sendMuteEvent(this.tpc, this.room.name, muted, kind);
  }
}
