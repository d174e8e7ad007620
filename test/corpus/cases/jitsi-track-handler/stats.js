import callstats from 'callstats-js/callstats.min';

export const BRIDGE_ID = 'jitsi-videobridge';
export const cs = new callstats();

export const identity = { userId: null, conferenceId: null };

export function initStats(appId, appSecret, userId) {
  identity.userId = userId;
  cs.initialize(appId, appSecret, userId, (status, message) => {
    if (status !== 'success') console.warn(`callstats init: ${message}`);
  });
}
