// A drop-in shim for third-party RTC libraries: wraps the callstats SDK behind start/addConnection/setLocalUserID. UMD build.
(function (root, factory) {
  if (typeof define === 'function' && define.amd) {
    define(['callstats'], factory);
  } else if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('callstats-js'));
  } else {
    root.CallstatsShim = factory(root.callstats);
  }
})(typeof self !== 'undefined' ? self : this, function (CallstatsFactory) {
  'use strict';

  var sdk = null;
  var appId = null;
  var tokenGenerator = null;
  var localUserID = null;
  var connections = [];

  function start(options) {
    if (typeof CallstatsFactory !== 'function') {
      throw new TypeError('CallstatsShim needs the callstats.js SDK loaded first'); // ok: reinit-on-userid-change -- fails fast when the SDK is missing; not an "already initialized" guard
    }
    if (!options || !options.appId || typeof options.tokenGenerator !== 'function') {
      throw new TypeError('CallstatsShim.start({ appId, tokenGenerator, userID })'); // ok: reinit-on-userid-change -- argument check before the first initialize()
    }
    appId = options.appId;
    tokenGenerator = options.tokenGenerator;
    localUserID = options.userID;
    sdk = new CallstatsFactory();
    sdk.initialize(appId, tokenGenerator, localUserID, function (status, message) {
      if (status !== 'success' && typeof console !== 'undefined') console.warn('callstats: ' + message);
    });
  }

  function addConnection(pc, remoteUserID, conferenceID) {
    if (!sdk) return false;
    sdk.addNewFabric(pc, remoteUserID, sdk.fabricUsage.multiplex, conferenceID, function (status) {
      if (status !== 'success') connections = connections.filter(function (c) { return c.pc !== pc; });
    });
    connections.push({ pc: pc, conferenceID: conferenceID });
    return true;
  }

  function mapTrack(pc, userID, conferenceID, ssrc, label, videoTag) {
    if (sdk) sdk.associateMstWithUserID(pc, userID, conferenceID, ssrc, label, videoTag);
  }

  // Host libraries call this when their own user object is renamed or re-authenticated.
  function setLocalUserID(userID) {
    localUserID = userID; // expect: reinit-on-userid-change:error -- stores the new ID and never re-initializes
  }

  function stop() {
    connections.forEach(function (c) {
      sdk.sendFabricEvent(c.pc, sdk.fabricEvent.fabricTerminated, c.conferenceID);
    });
    connections = [];
  }

  return { start: start, addConnection: addConnection, mapTrack: mapTrack, setLocalUserID: setLocalUserID, stop: stop };
});
