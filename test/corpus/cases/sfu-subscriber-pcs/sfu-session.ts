import callstats from 'callstats-js/callstats.min';
import type { SignalClient, PublisherInfo } from './signal-client';

const SFU_ID = 'sfu-fra-1';

interface Subscription {
  pc: RTCPeerConnection;
  publisherId: string;
}

// One send-only connection to the SFU, and one receive-only connection per remote publisher.
export class SfuSession {
  private readonly cs = new callstats();
  private publisher?: RTCPeerConnection;
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(
    private readonly signal: SignalClient,
    private readonly localUserId: string,
    private readonly roomId: string,
  ) {}

  start(appId: string, tokenProvider: (forceNew: boolean, cb: (err: unknown, token?: string) => void) => void) {
    this.cs.initialize(appId, tokenProvider, this.localUserId);
    this.signal.on('publisher-added', (info: PublisherInfo) => this.subscribe(info));
    this.signal.on('publisher-removed', ({ publisherId }: { publisherId: string }) => this.unsubscribe(publisherId));
  }

  async publish(stream: MediaStream) {
    const pc = new RTCPeerConnection();
    this.publisher = pc;
    for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    this.cs.addNewFabric(pc, SFU_ID, this.cs.fabricUsage.multiplex, this.roomId, { // ok: remote-userid-topology -- the send-only connection goes to the SFU
      remoteEndpointType: this.cs.endpointType.server,
      fabricTransmissionDirection: this.cs.transmissionDirection.sendonly,
    });
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    const answer = await this.signal.request('publish', { sdp: offer.sdp });
    await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
  }

  private async subscribe(info: PublisherInfo) {
    const pc = new RTCPeerConnection();
    pc.addTransceiver('audio', { direction: 'recvonly' });
    pc.addTransceiver('video', { direction: 'recvonly' });
    this.subscriptions.set(info.publisherId, { pc, publisherId: info.publisherId });

    // Copied from publish(): every subscriber connection is filed under the SFU.
    this.cs.addNewFabric(pc, SFU_ID, this.cs.fabricUsage.multiplex, this.roomId, { // expect: remote-userid-topology
      remoteEndpointType: this.cs.endpointType.server,
      fabricTransmissionDirection: this.cs.transmissionDirection.receiveonly,
    });

    pc.ontrack = ({ track, streams }) => {
      const el = document.getElementById(`tile-${info.publisherId}`) as HTMLVideoElement | null;
      if (el && track.kind === 'video') el.srcObject = streams[0];
    };

    try {
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      const answer = await this.signal.request('subscribe', { publisherId: info.publisherId, sdp: offer.sdp });
      await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    } catch (error) {
      this.cs.reportError(pc, this.roomId, this.cs.webRTCFunctions.setRemoteDescription, error);
    }
  }

  private unsubscribe(publisherId: string) {
    const sub = this.subscriptions.get(publisherId);
    if (!sub) return;
    this.cs.sendFabricEvent(sub.pc, this.cs.fabricEvent.fabricTerminated, this.roomId);
    sub.pc.close();
    this.subscriptions.delete(publisherId);
  }

  setCameraMuted(muted: boolean) {
    if (!this.publisher) return;
    const event = muted ? this.cs.fabricEvent.videoPause : this.cs.fabricEvent.videoResume;
    this.cs.sendFabricEvent(this.publisher, event, this.roomId);
  }
}
