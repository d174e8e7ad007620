// mediasoup room client: one send transport for our producers, one receive transport that carries every peer's consumers.
import { Device, type types } from 'mediasoup-client';
import callstats from 'callstats-js/callstats.min';
import type { Signaling } from './signaling';
import { watchConsumer } from './consumers';

export const SFU_ID = 'mediasoup-sfu';

/** mediasoup-client keeps the RTCPeerConnection in its handler; callstats needs the connection itself. */
export function peerConnectionOf(transport: types.Transport): RTCPeerConnection {
  return (transport as unknown as { _handler: { _pc: RTCPeerConnection } })._handler._pc;
}

export class RoomClient {
  readonly stats = new callstats();
  readonly device = new Device();
  sendTransport?: types.Transport;
  recvTransport?: types.Transport;

  constructor(
    private readonly signaling: Signaling,
    readonly roomId: string,
    readonly peerId: string,
  ) {}

  async join(appId: string, tokenGenerator: (forceNew: boolean, cb: (err: Error | null, token?: string) => void) => void): Promise<void> {
    this.stats.initialize(appId, tokenGenerator, this.peerId);
    const routerRtpCapabilities = await this.signaling.request('getRouterRtpCapabilities');
    await this.device.load({ routerRtpCapabilities });
    await this.createSendTransport();
    await this.createRecvTransport();
    this.signaling.on('newConsumer', async (data) => {
      const consumer = await this.recvTransport!.consume(data);
      watchConsumer(this, consumer);
    });
  }

  get conferenceID(): string {
    return `mediasoup/${this.roomId}`;
  }

  private async createSendTransport(): Promise<void> {
    const params = await this.signaling.request('createWebRtcTransport', { producing: true, consuming: false });
    const transport = this.device.createSendTransport(params);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.signaling.request('connectWebRtcTransport', { transportId: transport.id, dtlsParameters }).then(callback, errback);
    });
    transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      this.signaling.request('produce', { transportId: transport.id, kind, rtpParameters, appData }).then(({ id }) => callback({ id }), errback);
    });
    transport.on('connectionstatechange', (state) => {
      if (state !== 'connected') return;
      this.stats.addNewFabric(peerConnectionOf(transport), SFU_ID, this.stats.fabricUsage.multiplex, this.conferenceID, {
        remoteEndpointType: this.stats.endpointType.server,
        fabricTransmissionDirection: this.stats.transmissionDirection.sendonly,
      });
    });
    this.sendTransport = transport;
  }

  private async createRecvTransport(): Promise<void> {
    const params = await this.signaling.request('createWebRtcTransport', { producing: false, consuming: true });
    const transport = this.device.createRecvTransport(params);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.signaling.request('connectWebRtcTransport', { transportId: transport.id, dtlsParameters }).then(callback, errback);
    });
    transport.on('connectionstatechange', (state) => {
      if (state !== 'connected') return;
      // Every remote peer's consumers arrive on this one connection; consumers.ts maps each track to its producer's peer.
      this.stats.addNewFabric(peerConnectionOf(transport), SFU_ID, this.stats.fabricUsage.multiplex, this.conferenceID, { // ok: remote-userid-topology -- one receive connection carries every peer, so it names the SFU and maps tracks per peer
        remoteEndpointType: this.stats.endpointType.server,
        fabricTransmissionDirection: this.stats.transmissionDirection.receiveonly,
      });
    });
    this.recvTransport = transport;
  }

  async produce(track: MediaStreamTrack, source: 'mic' | 'webcam' | 'screen'): Promise<types.Producer> {
    const producer = await this.sendTransport!.produce({ track, appData: { source } });
    const ssrc = producer.rtpParameters.encodings?.[0]?.ssrc;
    if (ssrc !== undefined) {
      this.stats.associateMstWithUserID(peerConnectionOf(this.sendTransport!), this.peerId, this.conferenceID, ssrc, source === 'screen' ? 'screen' : track.kind, 'local-preview');
    }
    return producer;
  }
}
