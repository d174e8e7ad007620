import JitsiMeetJS from 'lib-jitsi-meet';
import { cs, BRIDGE_ID, identity, initStats } from './stats.js';
import { attachTrackHandlers } from './tracks.js';

const { events } = JitsiMeetJS;

export function joinConference(connection, roomName, account) {
  initStats('503771264', 'jm-secret-7a1c', account.uuid);
  const conference = connection.initJitsiConference(roomName.toLowerCase(), { p2p: { enabled: false } });
  identity.conferenceId = `meet.example.com/${roomName.toLowerCase()}`;

  conference.on(events.conference.CONFERENCE_JOINED, () => {
    const pc = conference.jvbJingleSession.peerconnection.peerconnection;
    cs.addNewFabric(pc, BRIDGE_ID, cs.fabricUsage.multiplex, identity.conferenceId, { // ok: remote-userid-topology -- one connection to the bridge carries everyone
      remoteEndpointType: cs.endpointType.server,
    });
    attachTrackHandlers(conference, pc);
  });

  conference.on(events.conference.CONFERENCE_FAILED, (reason) => {
    const pc = conference.jvbJingleSession?.peerconnection?.peerconnection ?? null;
    cs.reportError(pc, identity.conferenceId, cs.webRTCFunctions.signalingError, new Error(reason));
  });

  conference.on(events.conference.CONFERENCE_LEFT, () => {
    const pc = conference.jvbJingleSession?.peerconnection?.peerconnection;
    if (pc) cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, identity.conferenceId);
  });

  conference.join();
  return conference;
}
