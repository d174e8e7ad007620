// Call analytics for the support desk app: a guest joins with a temporary ID and may sign in mid-call.
import callstats from 'callstats-js';

const APP_ID = '604218837';

export class CallAnalytics {
  #cs = new callstats();
  #userId;
  #conferenceId = null;
  #connections = new Map();
  #tokenGenerator;

  constructor(guestId, tokenGenerator) {
    this.#userId = guestId;
    this.#tokenGenerator = tokenGenerator;
    this.#cs.initialize(APP_ID, tokenGenerator, this.#userId, (status, message) => {
      if (status !== 'httpStatusOk') console.warn('callstats', status, message);
    }, null, { disableBeforeUnloadHandler: false });
  }

  get userId() {
    return this.#userId;
  }

  // The lobby lets a guest replace the generated ID with a chosen handle before joining.
  set userId(id) {
    this.#userId = id; // expect: reinit-on-userid-change:error
  }

  joinConference(conferenceId) {
    this.#conferenceId = conferenceId;
  }

  addPeer(peerId, pc) {
    if (!this.#conferenceId) throw new Error('join a conference first');
    this.#connections.set(peerId, pc);
    this.#cs.addNewFabric(pc, peerId, this.#cs.fabricUsage.multiplex, this.#conferenceId, {
      remoteEndpointType: this.#cs.endpointType.peer,
    });
  }

  removePeer(peerId) {
    const pc = this.#connections.get(peerId);
    if (!pc) return;
    this.#cs.sendFabricEvent(pc, this.#cs.fabricEvent.fabricTerminated, this.#conferenceId);
    this.#connections.delete(peerId);
  }

  login(user) {
    this.#userId = user.id; // expect: reinit-on-userid-change:error
    for (const pc of this.#connections.values()) {
      this.#cs.sendCustomEvent(pc, this.#conferenceId, [{ name: 'signedIn' }]);
    }
  }

  // Used by the kiosk flow, where the guest registers an account before the call starts.
  registerGuest(account) {
    this.#userId = account.id; // ok: reinit-on-userid-change -- initialize() runs again right below
    this.#cs.initialize(APP_ID, this.#tokenGenerator, this.#userId);
  }

  logout() {
    this.#userId = null; // ok: reinit-on-userid-change -- a reset to null, the session ends with it
    this.#connections.clear();
  }

  sendFeedback(rating, comment) {
    if (!this.#conferenceId || !this.#userId) return;
    this.#cs.sendUserFeedback(this.#conferenceId, { userID: this.#userId, overall: rating, comment });
  }
}
