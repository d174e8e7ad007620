// Janus VideoRoom front end: one send-only publisher handle, and one subscriber handle per remote publisher feed.
import Janus from 'janus-gateway';
import { stats, SERVER_ID } from './stats.js';

export class VideoRoom {
  constructor(janus, { roomId, me }) {
    this.janus = janus;
    this.roomId = roomId;
    this.me = me;
    this.conferenceID = `videoroom-${roomId}`;
    this.subscribers = new Map();
  }

  publish(stream) {
    this.janus.attach({
      plugin: 'janus.plugin.videoroom',
      success: (handle) => {
        this.publisher = handle;
        // The display field carries our callstats userID, so subscribers can name this feed's sender.
        handle.send({ message: { request: 'join', ptype: 'publisher', room: this.roomId, display: JSON.stringify({ userId: this.me.userId }) } });
      },
      onmessage: (msg, jsep) => {
        if (msg.videoroom === 'joined') {
          this.publisher.createOffer({
            tracks: stream.getTracks().map((track) => ({ type: track.kind, capture: track, recv: false })),
            success: (offer) => this.publisher.send({ message: { request: 'configure', audio: true, video: true }, jsep: offer }),
            error: (error) => Janus.error('publisher offer failed', error),
          });
          (msg.publishers ?? []).forEach((feed) => this.subscribe(feed));
        }
        if (msg.videoroom === 'event' && msg.publishers) msg.publishers.forEach((feed) => this.subscribe(feed));
        if (msg.unpublished) this.unsubscribe(msg.unpublished);
        if (jsep) {
          this.publisher.handleRemoteJsep({ jsep });
          const pc = this.publisher.webrtcStuff.pc;
          stats.addNewFabric(pc, SERVER_ID, stats.fabricUsage.multiplex, this.conferenceID, { // ok: remote-userid-topology -- the send-only publisher connection goes to the server
            remoteEndpointType: stats.endpointType.server,
            fabricTransmissionDirection: stats.transmissionDirection.sendonly,
          });
        }
      },
    });
  }

  subscribe(feed) {
    const publisher = JSON.parse(feed.display);
    this.janus.attach({
      plugin: 'janus.plugin.videoroom',
      success: (handle) => {
        this.subscribers.set(feed.id, handle);
        handle.send({ message: { request: 'join', ptype: 'subscriber', room: this.roomId, feed: feed.id } });
      },
      onmessage: (msg, jsep) => {
        const handle = this.subscribers.get(feed.id);
        if (!jsep || !handle) return;
        handle.createAnswer({
          jsep,
          tracks: [{ type: 'data' }],
          success: (answer) => {
            handle.send({ message: { request: 'start', room: this.roomId }, jsep: answer });
            // Each subscriber connection carries exactly one publisher's media.
            stats.addNewFabric(handle.webrtcStuff.pc, SERVER_ID, stats.fabricUsage.multiplex, this.conferenceID, { // expect: remote-userid-topology:warn -- the connection carries one known publisher, publisher.userId belongs here
              remoteEndpointType: stats.endpointType.server,
              fabricTransmissionDirection: stats.transmissionDirection.receiveonly,
            });
          },
          error: (error) => Janus.error(`subscriber answer for ${publisher.userId} failed`, error),
        });
      },
      onremotetrack: (track, mid, added) => {
        if (added) document.getElementById(`feed-${feed.id}`)?.append(track.id);
      },
    });
  }

  unsubscribe(feedId) {
    const handle = this.subscribers.get(feedId);
    if (!handle) return;
    stats.sendFabricEvent(handle.webrtcStuff.pc, stats.fabricEvent.fabricTerminated, this.conferenceID);
    handle.detach();
    this.subscribers.delete(feedId);
  }
}
