// The callstats instance of the VideoRoom page, started once the user has joined with their account id.
import callstats from 'callstats-js/callstats.min';

export const SERVER_ID = 'Janus';
export const stats = new callstats();

export function startStats(appId, tokenGenerator, userId) {
  stats.initialize(appId, tokenGenerator, userId, (status, message) => {
    if (status !== 'success') console.warn('callstats:', message);
  });
}
