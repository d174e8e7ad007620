// The app's one callstats.js instance; each page initializes it once through analytics.ts, session.js or kiosk.js.
import callstats from 'callstats-js/callstats.min';

export const csObject = new callstats();

export function onStatsReady(csError, csErrMsg) {
  if (csError !== 'success') console.warn('callstats initialize failed:', csError, csErrMsg);
}

export function onFabricReady(status, message) {
  if (status !== 'success') console.warn('callstats addNewFabric failed:', message);
}
