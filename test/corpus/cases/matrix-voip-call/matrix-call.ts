import callstats from 'callstats-js/callstats.min';

// A Matrix/Element-like VoIP call: one RTCPeerConnection per 1:1 call, the call's
// callId shared by both sides through m.call.invite, the opponent known from the room state.

interface RoomMember {
  userId: string;
  displayName?: string;
}

interface MatrixClient {
  getUserId(): string;
  sendEvent(roomId: string, type: string, content: object): Promise<void>;
}

const APP_ID = '381956532';
const cs = new callstats();

export function startCallstats(client: MatrixClient, tokenGenerator: (forceNew: boolean, cb: (err: unknown, token?: string) => void) => void): void {
  cs.initialize(APP_ID, tokenGenerator, client.getUserId());
}

export class MatrixCall {
  private peerConn?: RTCPeerConnection;
  private readonly localVideoId = 'mx-local-video';

  constructor(
    private readonly client: MatrixClient,
    readonly roomId: string,
    readonly callId: string,
    private readonly opponentMember: RoomMember,
  ) {}

  async placeVideoCall(stream: MediaStream): Promise<void> {
    const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:turn.matrix.org' }] });
    this.peerConn = pc;
    stream.getTracks().forEach((track) => pc.addTrack(track, stream));
    // ok: userid-privacy -- a Matrix user ID such as @alice:example.org is the account handle, not a display name
    cs.addNewFabric(pc, this.opponentMember.userId, cs.fabricUsage.multiplex, this.callId, {
      remoteEndpointType: cs.endpointType.peer,
    });
    pc.addEventListener('iceconnectionstatechange', () => this.onIceStateChanged());
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    await this.client.sendEvent(this.roomId, 'm.call.invite', {
      call_id: this.callId,
      version: 1,
      lifetime: 60000,
      offer: { type: offer.type, sdp: offer.sdp },
    });
  }

  setMicrophoneMuted(muted: boolean): void {
    if (!this.peerConn) return;
    const event = muted ? cs.fabricEvent.audioMute : cs.fabricEvent.audioUnmute;
    cs.sendFabricEvent(this.peerConn, event, this.callId); // ok: conference-id-consistency -- the same callId the fabric was added with
  }

  private onIceStateChanged(): void {
    const pc = this.peerConn;
    if (!pc || pc.iceConnectionState !== 'failed') return;
    cs.reportError(pc, `call-${this.callId}`, cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed')); // expect: conference-id-consistency
  }

  hangup(reason: string): void {
    if (!this.peerConn) return;
    cs.sendFabricEvent(this.peerConn, cs.fabricEvent.fabricTerminated, this.callId);
    this.peerConn.close();
    this.peerConn = undefined;
    void this.client.sendEvent(this.roomId, 'm.call.hangup', { call_id: this.callId, version: 1, reason });
  }
}
