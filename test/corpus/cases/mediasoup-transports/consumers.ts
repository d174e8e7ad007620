// Remote media: shows each consumer's track and tells callstats which peer produced it.
import type { types } from 'mediasoup-client';
import { peerConnectionOf, type RoomClient } from './room-client';

interface ConsumerAppData {
  peerId: string;
  source: 'mic' | 'webcam' | 'screen';
}

export function watchConsumer(client: RoomClient, consumer: types.Consumer): void {
  const { peerId, source } = consumer.appData as unknown as ConsumerAppData;
  const tile = document.getElementById(`peer-${peerId}`);
  if (tile instanceof HTMLVideoElement && consumer.kind === 'video') tile.srcObject = new MediaStream([consumer.track]);
  const ssrc = consumer.rtpParameters.encodings?.[0]?.ssrc;
  if (ssrc === undefined) return;
  const pc = peerConnectionOf(client.recvTransport!);
  client.stats.associateMstWithUserID(pc, peerId, client.conferenceID, ssrc, source === 'screen' ? 'screen' : consumer.kind, `peer-${peerId}`);
  consumer.on('transportclose', () => tile?.remove());
}
