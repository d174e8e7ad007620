import * as mediasoupClient from 'mediasoup-client';
import callstats from 'callstats-js/callstats.min';

const SFU_ID = 'mediasoup-sfu';

export class RoomClient {
  constructor({ roomId, peerId, signaling, appId, tokenGenerator }) {
    this.roomId = roomId;
    this.peerId = peerId;
    this.signaling = signaling;
    this.device = new mediasoupClient.Device();
    this.consumers = new Map();
    this.stats = new callstats();
    this.stats.initialize(appId, tokenGenerator, peerId);
  }

  // mediasoup-client keeps the RTCPeerConnection of each transport in its handler.
  static peerConnectionOf(transport) {
    return transport.handler._pc;
  }

  async join(stream) {
    const routerRtpCapabilities = await this.signaling.request('getRouterRtpCapabilities');
    await this.device.load({ routerRtpCapabilities });

    const sendParams = await this.signaling.request('createWebRtcTransport', { producing: true });
    this.sendTransport = this.device.createSendTransport(sendParams);
    this.sendTransport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.signaling.request('connectWebRtcTransport', { transportId: this.sendTransport.id, dtlsParameters }).then(callback, errback);
    });
    this.sendTransport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      this.signaling.request('produce', { transportId: this.sendTransport.id, kind, rtpParameters, appData })
        .then(({ id }) => callback({ id }), errback);
    });

    const recvParams = await this.signaling.request('createWebRtcTransport', { consuming: true });
    this.recvTransport = this.device.createRecvTransport(recvParams);
    this.recvTransport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.signaling.request('connectWebRtcTransport', { transportId: this.recvTransport.id, dtlsParameters }).then(callback, errback);
    });

    for (const track of stream.getTracks()) {
      const producer = await this.sendTransport.produce({ track, appData: { peerId: this.peerId } });
      this.watchSend(producer);
    }

    this.signaling.on('newProducer', (producerInfo) => this.consume(producerInfo));
    const existing = await this.signaling.request('listProducers');
    await Promise.all(existing.map((producerInfo) => this.consume(producerInfo)));
  }

  watchSend(producer) {
    const pc = RoomClient.peerConnectionOf(this.sendTransport);
    if (!this.sendFabricAdded) {
      this.stats.addNewFabric(pc, SFU_ID, this.stats.fabricUsage.multiplex, this.roomId, { // ok: remote-userid-topology -- the SFU's own ID on the send-only transport
        remoteEndpointType: this.stats.endpointType.server,
        fabricTransmissionDirection: this.stats.transmissionDirection.sendonly,
      });
      this.sendFabricAdded = true;
    }
    const { ssrc } = producer.rtpParameters.encodings[0];
    this.stats.associateMstWithUserID(pc, this.peerId, this.roomId, String(ssrc), producer.kind, 'local-video'); // ok: remote-track-association -- a local track on the send transport, with the local userID
  }

  // One consumer per remote producer; the producer's appData says whose it is.
  async consume({ producerId, appData }) {
    const params = await this.signaling.request('consume', {
      producerId,
      rtpCapabilities: this.device.rtpCapabilities,
    });
    const consumer = await this.recvTransport.consume(params);
    const pc = RoomClient.peerConnectionOf(this.recvTransport);
    if (!this.recvFabricAdded) {
      this.stats.addNewFabric(pc, SFU_ID, this.stats.fabricUsage.multiplex, this.roomId, { // ok: remote-userid-topology -- one receive transport carries every producer: the SFU's ID, then one association per SSRC
        remoteEndpointType: this.stats.endpointType.server,
        fabricTransmissionDirection: this.stats.transmissionDirection.receiveonly,
      });
      this.recvFabricAdded = true;
    }
    const { ssrc } = consumer.rtpParameters.encodings[0];
    const videoElementId = `remote-${appData.peerId}-${consumer.kind}`;
    this.stats.associateMstWithUserID(pc, appData.peerId, this.roomId, String(ssrc), consumer.kind, videoElementId);
    this.consumers.set(consumer.id, { consumer, peerId: appData.peerId });
    consumer.on('transportclose', () => this.consumers.delete(consumer.id));
    await this.signaling.request('resumeConsumer', { consumerId: consumer.id });
    return consumer;
  }

  close() {
    for (const transport of [this.sendTransport, this.recvTransport]) {
      if (!transport) continue;
      this.stats.sendFabricEvent(RoomClient.peerConnectionOf(transport), this.stats.fabricEvent.fabricTerminated, this.roomId);
      transport.close();
    }
  }
}
