// Builds the meeting's reporter around a ready callstats instance.
import callstats from 'callstats-js/callstats.min';
import { CallReporter } from './reporter.js';

export function createReporter({ appId, tokenGenerator, meeting, guest }) {
  const client = new callstats();
  client.initialize(appId, tokenGenerator, guest.id);
  return new CallReporter(client, { conferenceID: meeting.id, localUserID: guest.id });
}
