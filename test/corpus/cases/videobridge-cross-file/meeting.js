// Joining a meeting: open the bridge connection, negotiate, then map the sources the bridge announces.
import { openBridgeConnection } from './connection.js';
import { mapSources } from './sources.js';

export async function joinMeeting(meeting, localStream, signalling) {
  const pc = openBridgeConnection(meeting, localStream);
  await pc.setLocalDescription(await pc.createOffer());
  const { sdp, sources } = await signalling.request('join', { conferenceID: meeting.conferenceID, sdp: pc.localDescription.sdp });
  await pc.setRemoteDescription({ type: 'answer', sdp });
  mapSources(pc, meeting, sources);
  signalling.on('sources-changed', (changed) => mapSources(pc, meeting, changed));
  return pc;
}
