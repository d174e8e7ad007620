// Reports a LiveKit room to callstats. The client keeps two connections to the SFU: the publisher
// (send-only, our tracks) and the subscriber, which carries every remote participant's tracks.
import { Room, RoomEvent, Track } from 'livekit-client';
import callstats from 'callstats-js/callstats.min';

const APP_ID = '711532990';
const SFU_ID = 'livekit-sfu';

const cs = new callstats();

function ssrcOf(stats, trackId) {
  for (const report of stats.values()) {
    if (report.type === 'inbound-rtp' || report.type === 'outbound-rtp') {
      if (report.trackIdentifier === trackId) return String(report.ssrc);
    }
  }
  return null;
}

export async function joinRoom(url, token, identity, tokenGenerator) {
  cs.initialize(APP_ID, tokenGenerator, identity, (err, msg) => {
    if (err !== 'httpStatusOk') console.warn('callstats init', err, msg);
  });

  const room = new Room({ adaptiveStream: true, dynacast: true });
  await room.connect(url, token);

  const { publisher, subscriber } = room.engine.pcManager;
  const conferenceID = room.name;

  cs.addNewFabric(publisher.pc, SFU_ID, cs.fabricUsage.multiplex, conferenceID, {
    remoteEndpointType: cs.endpointType.server,
    fabricTransmissionDirection: cs.transmissionDirection.sendonly,
  });
  cs.addNewFabric(subscriber.pc, SFU_ID, cs.fabricUsage.multiplex, conferenceID, { // ok: remote-userid-topology -- one subscriber connection carries everyone: the SFU's ID, tracks mapped below
    remoteEndpointType: cs.endpointType.server,
  });

  room.localParticipant.on('localTrackPublished', async (publication) => {
    const stats = await publisher.pc.getStats();
    const ssrc = ssrcOf(stats, publication.track.mediaStreamTrack.id);
    if (!ssrc) return;
    const label = publication.source === Track.Source.ScreenShare ? 'screen' : publication.kind;
    cs.associateMstWithUserID(publisher.pc, identity, conferenceID, ssrc, label, `local-${publication.trackSid}`);
  });

  room.on(RoomEvent.TrackSubscribed, async (track, publication, participant) => {
    const element = track.attach();
    element.id = `remote-${publication.trackSid}`;
    document.getElementById('stage').appendChild(element);

    const stats = await subscriber.pc.getStats();
    const ssrc = ssrcOf(stats, track.mediaStreamTrack.id);
    if (!ssrc) return;
    const label = publication.source === Track.Source.ScreenShare ? 'screen' : publication.kind;
    cs.associateMstWithUserID(subscriber.pc, participant.identity, conferenceID, ssrc, label, element.id); // ok: remote-track-association -- each remote track mapped to the participant who published it
  });

  room.on(RoomEvent.TrackUnsubscribed, (track) => {
    track.detach().forEach((el) => el.remove());
  });

  room.on(RoomEvent.Disconnected, () => {
    cs.sendFabricEvent(subscriber.pc, cs.fabricEvent.fabricTerminated, conferenceID);
    cs.sendFabricEvent(publisher.pc, cs.fabricEvent.fabricTerminated, conferenceID);
  });

  return room;
}
