// Wraps a Vonage Video (OpenTok-style) session: one publisher connection to the media router and
// one subscriber connection per remote stream, each reported to callstats.
const APP_ID = '52219004';
const ROUTER_ID = 'opentok-media-router';

export class SessionStats {
  constructor(OT, apiKey, sessionId, tokenGenerator) {
    this.cs = new window.callstats();
    this.OT = OT;
    this.session = OT.initSession(apiKey, sessionId);
    this.tokenGenerator = tokenGenerator;
    this.subscribers = new Map();
  }

  connect(token, publisherElement) {
    this.session.on('sessionConnected', () => {
      const localId = this.session.connection.connectionId;
      this.cs.initialize(APP_ID, this.tokenGenerator, localId, (status) => {
        if (status !== 'httpStatusOk') console.warn('callstats:', status);
      });

      const publisher = this.OT.initPublisher(publisherElement, { insertMode: 'append' });
      publisher.on('streamCreated', async () => {
        const pc = await publisher._getPeerConnection();
        this.cs.addNewFabric(pc, localId, this.cs.fabricUsage.multiplex, this.session.sessionId, { // expect: remote-userid-topology
          remoteEndpointType: this.cs.endpointType.server,
          fabricTransmissionDirection: this.cs.transmissionDirection.sendonly,
        });
      });
      this.session.publish(publisher);
    });

    this.session.on('streamCreated', (event) => {
      const { stream } = event;
      const subscriber = this.session.subscribe(stream, `video-${stream.streamId}`, { insertMode: 'append' });
      subscriber.on('videoElementCreated', async () => {
        const pc = await subscriber._getPeerConnection();
        this.subscribers.set(stream.streamId, pc);
        // Screen shares get their own entry on the dashboard, labelled with the sharer's name.
        const remoteId = stream.videoType === 'screen' ? `${stream.name} (screen)` : stream.connection.connectionId;
        this.cs.addNewFabric(pc, remoteId, this.cs.fabricUsage.multiplex, this.session.sessionId, { // expect: userid-privacy
          remoteEndpointType: this.cs.endpointType.server,
          fabricTransmissionDirection: this.cs.transmissionDirection.receiveonly,
        });
      });
    });

    this.session.on('streamDestroyed', (event) => {
      const pc = this.subscribers.get(event.stream.streamId);
      if (!pc) return;
      this.cs.sendFabricEvent(pc, this.cs.fabricEvent.fabricTerminated, this.session.sessionId);
      this.subscribers.delete(event.stream.streamId);
    });

    this.session.connect(token, (error) => {
      if (error) console.error('session connect failed', error);
    });
  }
}

export { ROUTER_ID }; // the publisher connection should have been reported under this ID
