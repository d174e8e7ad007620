// The conference module's callstats wrapper: one SDK backend for the page, shared by every connection through static fields.
import callstats from 'callstats-js/callstats.min';
import { logger } from './logger.js';

export default class CallStats {
  constructor(tpc, options) {
    this.tpc = tpc;
    this.confID = options.confID;
    this.remoteUserID = options.remoteUserID;
    this._addNewFabric();
  }

  static initBackend(options) {
    if (typeof options.getWiFiStatsMethod !== 'undefined' && typeof options.getWiFiStatsMethod !== 'function') {
      throw new TypeError('getWiFiStatsMethod must be a function'); // ok: reinit-on-userid-change -- an argument check, not a guard that skips initialize() once initialized
    }
    if (!options.callStatsID || !options.callStatsSecret) {
      throw new TypeError('callstats needs callStatsID and callStatsSecret'); // ok: reinit-on-userid-change -- an argument check that throws before any initialize()
    }
    try {
      CallStats.backend = new callstats();
      CallStats.userID = { userName: options.userName, aliasName: options.aliasName };
      CallStats.callStatsID = options.callStatsID;
      CallStats.backend.initialize(options.callStatsID, options.callStatsSecret, CallStats.userID, CallStats._initCallback, undefined, {
        applicationVersion: options.applicationName,
        disableBeforeUnloadHandler: true,
      });
      if (options.getWiFiStatsMethod) CallStats.backend.attachWifiStatsHandler(options.getWiFiStatsMethod);
      return true;
    } catch (error) {
      CallStats.backend = null; // ok: reinit-on-userid-change -- drops the SDK instance after a failed start, the userID is untouched
      logger.error('callstats failed to start', error);
      return false;
    }
  }

  static _initCallback(status, message) {
    CallStats.initialized = status === 'success';
    if (!CallStats.initialized) logger.warn(`callstats init: ${message}`);
  }

  static isBackendInitialized() {
    return Boolean(CallStats.backend) && CallStats.initialized;
  }

  _addNewFabric() {
    const backend = CallStats.backend;
    if (!backend) return;
    backend.addNewFabric(this.tpc.peerconnection, this.remoteUserID, backend.fabricUsage.multiplex, this.confID, {
      remoteEndpointType: this.tpc.isP2P ? backend.endpointType.peer : backend.endpointType.server,
    }, (status, message) => {
      if (status !== 'success') logger.warn(`addNewFabric: ${message}`);
    });
  }

  sendMuteEvent(muted, type) {
    const events = CallStats.backend.fabricEvent;
    const event = type === 'audio' ? (muted ? events.audioMute : events.audioUnmute) : muted ? events.videoPause : events.videoResume;
    CallStats.backend.sendFabricEvent(this.tpc.peerconnection, event, this.confID);
  }

  sendTerminateEvent() {
    CallStats.backend.sendFabricEvent(this.tpc.peerconnection, CallStats.backend.fabricEvent.fabricTerminated, this.confID);
  }

  sendIceConnectionFailedEvent() {
    CallStats.backend.reportError(this.tpc.peerconnection, this.confID, CallStats.backend.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
  }

  static sendFeedback(confID, overall, comment) {
    CallStats.backend.sendUserFeedback(confID, { userID: CallStats.userID.aliasName, overall, comment });
  }
}

// Module-load values: they run once when this file is imported, before anyone calls initBackend().
CallStats.backend = null; // ok: reinit-on-userid-change -- initial value at module load, before any initialize()
CallStats.userID = null; // ok: reinit-on-userid-change, id-empty -- initial value at module load; initBackend() sets the real one before initialize()
CallStats.callStatsID = null;
CallStats.initialized = false;
