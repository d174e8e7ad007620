import JitsiMeetJS from 'lib-jitsi-meet';
import callstats from 'callstats-js/callstats.min';

const BRIDGE_ID = 'jitsi-videobridge';

/**
 * Reports one conference to callstats. The conference starts peer-to-peer with two participants and
 * moves to the bridge when a third joins; each TraceablePeerConnection says which one it is.
 */
export class ConferenceStats {
  constructor(conference, { appId, tokenGenerator }) {
    this.conference = conference;
    this.conferenceId = `${conference.getName()}@conference.meet.example.com`;
    this.localId = conference.myUserId();
    this.fabrics = new Set();
    this.cs = new callstats();
    this.cs.initialize(appId, tokenGenerator, this.localId, (status, message) => {
      if (status !== 'success') console.warn('callstats initialize', message);
    });

    const { events } = JitsiMeetJS;
    conference.on(events.conference.TRACK_ADDED, (track) => this.onTrack(track));
    conference.on(events.conference.P2P_STATUS, (jitsiConference, isP2P) => {
      console.info('p2p status', isP2P);
    });
  }

  ensureFabric(tpc) {
    if (this.fabrics.has(tpc)) return;
    this.fabrics.add(tpc);
    const pc = tpc.peerconnection;
    if (tpc.isP2P) {
      this.cs.addNewFabric(pc, tpc.remoteUserId, this.cs.fabricUsage.multiplex, this.conferenceId, {
        remoteEndpointType: this.cs.endpointType.peer,
      });
    } else {
      this.cs.addNewFabric(pc, BRIDGE_ID, this.cs.fabricUsage.multiplex, this.conferenceId, { // ok: remote-userid-topology -- the bridge connection carries every participant, so the bridge's ID
        remoteEndpointType: this.cs.endpointType.server,
      });
    }
  }

  onTrack(track) {
    const tpc = track.isLocal() ? this.activePeerConnection() : track.tpc;
    if (!tpc) return;
    this.ensureFabric(tpc);
    const ssrc = track.isLocal() ? tpc.getLocalSSRC(track) : track.getSSRC();
    if (!ssrc) return;
    const userId = track.isLocal() ? this.localId : track.getParticipantId();
    const usage = track.getVideoType() === 'desktop' ? 'screen' : track.getType();
    const elementId = track.isLocal() ? 'localVideo_container' : `participant_${userId}`;
    this.cs.associateMstWithUserID(tpc.peerconnection, userId, this.conferenceId, String(ssrc), usage, elementId);
  }

  activePeerConnection() {
    const jingle = this.conference.isP2PActive() ? this.conference.p2pJingleSession : this.conference.jvbJingleSession;
    return jingle ? jingle.peerconnection : null;
  }

  onMuteChanged(track) {
    const tpc = track.isLocal() ? this.activePeerConnection() : track.tpc;
    if (!tpc || !this.fabrics.has(tpc)) return;
    const { fabricEvent } = this.cs;
    const audio = track.getType() === 'audio';
    const event = track.isMuted()
      ? (audio ? fabricEvent.audioMute : fabricEvent.videoPause)
      : (audio ? fabricEvent.audioUnmute : fabricEvent.videoResume);
    this.cs.sendFabricEvent(tpc.peerconnection, event, this.conferenceId);
  }

  onSwitch(fromTpc) {
    if (!fromTpc || !this.fabrics.has(fromTpc)) return;
    this.cs.sendFabricEvent(fromTpc.peerconnection, this.cs.fabricEvent.fabricTerminated, this.conferenceId);
    this.fabrics.delete(fromTpc);
  }

  dispose() {
    for (const tpc of this.fabrics) {
      this.cs.sendFabricEvent(tpc.peerconnection, this.cs.fabricEvent.fabricTerminated, this.conferenceId);
    }
    this.fabrics.clear();
  }
}
