import { defineStore } from 'pinia';
import callstats from 'callstats-js/callstats.min';

const APP_ID = import.meta.env.VITE_CALLSTATS_APP_ID;

export const csClient = new callstats();

async function fetchCallstatsToken() {
  const response = await fetch('/api/callstats/token', { credentials: 'include' });
  if (!response.ok) throw new Error(`token request failed: ${response.status}`);
  const { token } = await response.json();
  return token;
}

function tokenGenerator(forceNew, callback) {
  fetchCallstatsToken()
    .then((token) => callback(null, token))
    .catch((error) => callback(error));
}

function guestId() {
  let id = sessionStorage.getItem('guest-id');
  if (!id) {
    id = `guest-${crypto.randomUUID()}`;
    sessionStorage.setItem('guest-id', id);
  }
  return id;
}

export const useSessionStore = defineStore('session', {
  state: () => ({
    user: null,
    statsReady: false,
  }),

  getters: {
    // The signed-in account's opaque id; guests keep one id per browser tab.
    statsUserId: (state) => (state.user ? state.user.id : guestId()),
  },

  actions: {
    startStats() {
      this.statsReady = false;
      csClient.initialize(APP_ID, tokenGenerator, this.statsUserId, (status, message) => { // ok: id-empty -- the getter falls back to a guest id when nobody is signed in
        this.statsReady = status === 'success';
        if (!this.statsReady) console.warn('callstats initialize failed', message);
      });
    },

    async login(credentials) {
      const response = await fetch('/api/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(credentials),
      });
      if (!response.ok) throw new Error('login failed');
      this.user = await response.json(); // ok: reinit-on-userid-change -- startStats() runs right after with the new id
      this.startStats();
    },

    logout() {
      this.user = null; // ok: reinit-on-userid-change -- the guest id is sent again by the next initialize()
      this.startStats();
    },
  },
});
