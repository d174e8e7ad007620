// Reports the meeting's connections; every ID comes from the participant classes.
import callstats from 'callstats-js/callstats.min';
import { LocalParticipant, RemoteParticipant } from './participant.js';

const client = new callstats();

export function startMeetingStats(session, meeting, tokenGenerator) {
  const me = new LocalParticipant(session);
  client.initialize('174450982', tokenGenerator, me.id); // ok: id-empty -- a getter that always returns a string
  return {
    addPeer(pc, descriptor) {
      const peer = new RemoteParticipant(descriptor);
      client.addNewFabric(pc, peer.userId, client.fabricUsage.multiplex, me.conferenceIdFor(meeting), { // ok: id-empty -- peer.userId is a getter with a fallback, conferenceIdFor() always returns a string
        remoteEndpointType: client.endpointType.peer,
      });
    },
    feedback(overall) {
      client.sendUserFeedback(me.conferenceIdFor(meeting), { userID: me.id, overall }); // ok: id-empty -- both come from a getter and a method that always return a value
    },
  };
}
