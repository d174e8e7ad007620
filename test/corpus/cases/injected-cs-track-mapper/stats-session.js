// Sets up callstats for one meeting on the SFU: a single connection carries every participant's media.
import callstats from 'callstats-js';
import { TrackMapper } from './track-mapper';

const SFU_ID = 'sfu-edge';

export function createStatsSession({ appId, appSecret, self, meetingId, onStatus }) {
  const cs = new callstats();
  cs.initialize(appId, appSecret, self.participantId, (status, msg) => onStatus && onStatus(status, msg));

  let mapper = null;

  return {
    attach(pc) {
      cs.addNewFabric(pc, SFU_ID, cs.fabricUsage.multiplex, meetingId, { remoteEndpointType: cs.endpointType.server }); // ok: remote-userid-topology -- the SFU's ID on the one connection to it
      mapper = new TrackMapper(cs, pc, { localUserId: self.participantId, conferenceId: meetingId, serverId: SFU_ID });
      pc.addEventListener('iceconnectionstatechange', () => {
        if (pc.iceConnectionState === 'failed') {
          cs.reportError(pc, meetingId, cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
        }
      });
      return mapper;
    },
    mute(pc, kind) {
      const event = kind === 'video' ? cs.fabricEvent.videoPause : cs.fabricEvent.audioMute;
      cs.sendFabricEvent(pc, event, meetingId);
    },
    close(pc) {
      cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, meetingId);
      if (mapper) mapper.dispose();
      mapper = null;
    },
  };
}
