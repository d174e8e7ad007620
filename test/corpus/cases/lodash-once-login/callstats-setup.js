import once from 'lodash/once';
import callstats from 'callstats-js/callstats.min';
import { config } from './config.js';

export const cs = new callstats();

// Initializing twice used to log a warning in development, so this was made idempotent.
export const initCallstats = once((userId) => { // expect: reinit-on-userid-change
  cs.initialize(config.callstats.appId, config.callstats.appSecret, userId, (status, message) => {
    if (status !== 'success') console.warn('[callstats]', status, message);
  });
});

export function trackCall(pc, call) {
  cs.addNewFabric(pc, call.remoteUserId, cs.fabricUsage.multiplex, call.id, {
    remoteEndpointType: cs.endpointType.peer,
  });
}

export function endCall(pc, call) {
  cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, call.id);
}
