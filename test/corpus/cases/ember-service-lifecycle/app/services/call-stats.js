/* global callstats */
import Service, { inject as service } from '@ember/service';
import { bind } from '@ember/runloop';
import ENV from 'classroom/config/environment';

// Loaded with <script src="https://api.callstats.io/static/callstats.min.js"> in index.html.
export default Service.extend({
  session: service(),
  currentUser: service('current-user'),

  sdk: null,
  userId: null,
  fabrics: null,

  init() {
    this._super(...arguments);
    this.fabrics = new Map();
    this.sdk = new callstats();
    this.sdk.on('mediaDisruption', bind(this, this.onMediaDisruption));
    this._onAuthenticated = bind(this, this.startForCurrentUser);
    this._onInvalidated = bind(this, this.stop);
    this.session.on('authenticationSucceeded', this._onAuthenticated);
    this.session.on('invalidationSucceeded', this._onInvalidated);
    if (this.session.isAuthenticated) {
      this.startForCurrentUser();
    }
  },

  willDestroy() {
    this.session.off('authenticationSucceeded', this._onAuthenticated);
    this.session.off('invalidationSucceeded', this._onInvalidated);
    this.stop();
    this._super(...arguments);
  },

  tokenGenerator(forceNew, callback) {
    fetch(`${ENV.APP.apiHost}/callstats/token`, {
      headers: { Authorization: `Bearer ${this.session.data.authenticated.access_token}` },
    })
      .then((response) => response.json())
      .then(({ token }) => callback(null, token))
      .catch((error) => callback(error));
  },

  startForCurrentUser() {
    const userId = this.currentUser.user.get('statsId');
    if (!userId || userId === this.userId) return;
    this.userId = userId;
    this.sdk.initialize(ENV.callstats.appId, bind(this, this.tokenGenerator), this.userId, (status, msg) => { // ok: reinit-on-userid-change -- a new user re-initializes; the guard only skips the same one
      if (status !== 'success') console.warn('callstats initialize:', msg);
    });
  },

  stop() {
    this.fabrics.forEach(({ pc, lessonId }) => {
      this.sdk.sendFabricEvent(pc, this.sdk.fabricEvent.fabricTerminated, lessonId);
    });
    this.fabrics.clear();
    this.userId = null; // ok: reinit-on-userid-change -- a reset on sign-out, the next sign-in initializes again
  },

  // Called by the lesson route for each connection to another student or the teacher (mesh).
  track(pc, peerStatsId, lessonId) {
    if (!this.userId || !peerStatsId) return;
    this.sdk.addNewFabric(pc, peerStatsId, this.sdk.fabricUsage.multiplex, lessonId, {
      remoteEndpointType: this.sdk.endpointType.peer,
    });
    this.fabrics.set(peerStatsId, { pc, lessonId });
  },

  untrack(peerStatsId) {
    const entry = this.fabrics.get(peerStatsId);
    if (!entry) return;
    this.sdk.sendFabricEvent(entry.pc, this.sdk.fabricEvent.fabricTerminated, entry.lessonId);
    this.fabrics.delete(peerStatsId);
  },

  onMediaDisruption(event) {
    console.info('media disruption in lesson', event);
  },
});
