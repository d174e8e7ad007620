// Registers a meeting connection with callstats; the conference ID is whatever the meeting computed for this session.
import callstats from 'callstats-js/callstats.min';

export const meetingStats = new callstats();

export function registerFabric(pc: RTCPeerConnection, remoteUserID: string, conferenceID: string): void {
  meetingStats.addNewFabric(pc, remoteUserID, meetingStats.fabricUsage.multiplex, conferenceID, {
    remoteEndpointType: meetingStats.endpointType.peer,
  });
}

export function reportDrop(pc: RTCPeerConnection, conferenceID: string, error: Error): void {
  meetingStats.reportError(pc, conferenceID, meetingStats.webRTCFunctions.iceConnectionFailure, error);
}
