import { writable, derived } from 'svelte/store';
import callstats from 'callstats-js/callstats.min';

export const ORG = 'acme-clinic';
const APP_ID = '748113902';
const APP_SECRET = 'c2e1f0a9-6d4b-4f0e-9a7e-3b5d1c2a8f60';

export const cs = new callstats();

/** The signed-in practitioner, or null on the login screen. */
export const account = writable(null);

/** The consultation room the practitioner has open. */
export const room = writable(null);

export const conferenceId = derived(room, ($room) => ($room ? `${ORG}/${$room.slug}` : null));

export const statsStatus = writable('idle');

// Every new account gets its own initialize(): switching practitioners on a
// shared reception PC must not keep reporting under the previous one.
account.subscribe(($account) => {
  if (!$account) return;
  statsStatus.set('pending');
  cs.initialize(APP_ID, APP_SECRET, $account.uid, (status, message) => { // ok: id-empty -- the subscriber returns early while nobody is signed in
    statsStatus.set(status === 'success' ? 'ready' : 'failed');
    if (status !== 'success') console.error('[callstats]', message);
  });
});
