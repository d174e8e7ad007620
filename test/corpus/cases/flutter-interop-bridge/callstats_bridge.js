// Loaded by the Flutter web app's index.html; Dart calls these through
// js interop (callstatsBridge.init(...), callstatsBridge.addPeer(...)).
(function () {
  var APP_ID = '381956532';
  var cs = null;
  var currentUser = null;
  var peers = {};

  function log(msg) {
    if (window.console) console.log('[callstatsBridge] ' + msg);
  }

  window.callstatsBridge = {
    init: function (userId, tokenUrl) {
      if (!userId) {
        log('init without a user');
        return false;
      }
      if (cs && currentUser === userId) return true;
      cs = cs || new callstats();
      currentUser = userId;
      cs.initialize(APP_ID, function (forced, cb) {
        fetch(tokenUrl, { credentials: 'include' })
          .then(function (r) { return r.text(); })
          .then(function (t) { cb(null, t); })
          .catch(function (e) { cb(e); });
      }, userId, function (status, msg) { log(status + ' ' + msg); });
      return true;
    },

    addPeer: function (pc, peerId, roomId) {
      if (!cs || !peerId || !roomId) return false;
      peers[peerId] = pc;
      cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, roomId);
      return true;
    },

    removePeer: function (peerId, roomId) {
      var pc = peers[peerId];
      if (!cs || !pc) return;
      cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, roomId);
      delete peers[peerId];
    },

    feedback: function (roomId, rating) {
      if (!cs || !roomId) return;
      cs.sendUserFeedback(roomId, { userID: currentUser, overall: rating }); // ok: id-empty -- init stored a checked user before cs was set
    }
  };
})();
