// The call SDK's stats facade: a static singleton so every module of the SDK reports through one callstats instance.
import callstats from 'callstats-js/callstats.min';

export class Stats {
  static start(appId, tokenGenerator, userId) {
    if (!appId || typeof tokenGenerator !== 'function') {
      throw new TypeError('Stats.start(appId, tokenGenerator, userId)'); // ok: reinit-on-userid-change -- an argument check before initialize()
    }
    Stats.sdk = new callstats();
    Stats.userId = userId;
    Stats.sdk.initialize(appId, tokenGenerator, Stats.userId, Stats.onInit);
  }

  static onInit(status, message) {
    Stats.ready = status === 'success';
    if (!Stats.ready) console.warn('[call-sdk] callstats:', message);
  }

  // Host apps call this after their own user re-authenticates under another account.
  static setLocalUserID(userId) {
    Stats.userId = userId; // expect: reinit-on-userid-change:error -- the new ID goes where initialize() read it, and initialize() is never called again
  }

  static addConnection(pc, remoteUserId, conferenceId) {
    if (!Stats.sdk) return;
    Stats.sdk.addNewFabric(pc, remoteUserId, Stats.sdk.fabricUsage.multiplex, conferenceId, { remoteEndpointType: Stats.sdk.endpointType.peer });
  }

  static connectionFailed(pc, conferenceId, error) {
    if (Stats.sdk) Stats.sdk.reportError(pc, conferenceId, Stats.sdk.webRTCFunctions.iceConnectionFailure, error);
  }
}

// Defaults at module load, before any start().
Stats.sdk = null; // ok: reinit-on-userid-change -- initial value when the module loads
Stats.userId = null; // ok: reinit-on-userid-change -- initial value when the module loads, start() sets the real ID before initialize()
Stats.ready = false;
