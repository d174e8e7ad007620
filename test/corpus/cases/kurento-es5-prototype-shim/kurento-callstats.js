/* global callstats */
// callstats glue for a Kurento one-to-many broadcast: the presenter sends to the media server,
// every viewer receives the presenter's stream from it. Plain ES5, loaded with a <script> tag.
(function (root) {
  'use strict';

  var MEDIA_SERVER_ID = 'kurento-media-server';

  function KurentoCallstats(appId, appSecret) {
    this.appId = appId;
    this.appSecret = appSecret;
    this.cs = new callstats();
    this.userId = null;
    this.fabrics = {};
  }

  KurentoCallstats.prototype.start = function (userId, done) {
    var self = this;
    if (!userId) {
      return done(new Error('callstats: userId required'));
    }
    self.userId = userId; // ok: reinit-on-userid-change -- set right before initialize() reads it
    self.cs.initialize(self.appId, self.appSecret, self.userId, function (status, msg) {
      if (status !== 'success') {
        console.warn('callstats initialize failed', status, msg);
      }
      done(null, status);
    });
  };

  // Called when the signed-in user changes without reloading the page.
  KurentoCallstats.prototype.switchUser = function (userId, done) {
    if (userId === this.userId) return done(null, 'unchanged');
    this.start(userId, done);
  };

  // The presenter's connection: send-only, to the media server.
  KurentoCallstats.prototype.addPresenter = function (webRtcPeer, broadcastId) {
    var self = this;
    var pc = webRtcPeer.peerConnection;
    self.fabrics[broadcastId] = pc;
    self.cs.addNewFabric(pc, MEDIA_SERVER_ID, self.cs.fabricUsage.multiplex, broadcastId, { // ok: remote-userid-topology -- send-only connection to the media server
      remoteEndpointType: self.cs.endpointType.server,
      fabricTransmissionDirection: self.cs.transmissionDirection.sendonly
    }, function (err, msg) {
      if (err !== 'success') console.warn('callstats addNewFabric', err, msg);
    });
  };

  // A viewer's connection: receive-only, carrying the presenter's media only.
  KurentoCallstats.prototype.addViewer = function (webRtcPeer, broadcastId, presenterId) {
    var self = this;
    var pc = webRtcPeer.peerConnection;
    self.fabrics[broadcastId] = pc;
    self.cs.addNewFabric(pc, presenterId, self.cs.fabricUsage.multiplex, broadcastId, { // ok: remote-userid-topology -- a receiving connection names the one participant it carries
      remoteEndpointType: self.cs.endpointType.server,
      fabricTransmissionDirection: self.cs.transmissionDirection.receiveonly
    });
  };

  KurentoCallstats.prototype.iceFailed = function (broadcastId, error) {
    var pc = this.fabrics[broadcastId];
    if (!pc) return;
    this.cs.reportError(pc, broadcastId, this.cs.webRTCFunctions.iceConnectionFailure, error);
  };

  KurentoCallstats.prototype.stop = function (broadcastId) {
    var pc = this.fabrics[broadcastId];
    if (!pc) return;
    this.cs.sendFabricEvent(pc, this.cs.fabricEvent.fabricTerminated, broadcastId);
    delete this.fabrics[broadcastId];
  };

  root.KurentoCallstats = KurentoCallstats;
})(window);

// page wiring
var stats = new KurentoCallstats('918273645', window.CALLSTATS_SECRET);
var ws = new WebSocket('wss://' + location.host + '/one2many');

ws.onmessage = function (message) {
  var parsed = JSON.parse(message.data);
  switch (parsed.id) {
    case 'registered':
      stats.switchUser(parsed.userId, function () {});
      break;
    case 'presenterResponse':
      if (parsed.response === 'accepted') stats.addPresenter(window.webRtcPeer, parsed.broadcastId);
      break;
    case 'viewerResponse':
      if (parsed.response === 'accepted') stats.addViewer(window.webRtcPeer, parsed.broadcastId, parsed.presenterId);
      break;
    case 'iceFailed':
      stats.iceFailed(parsed.broadcastId, new Error(parsed.reason));
      break;
    case 'stopCommunication':
      stats.stop(parsed.broadcastId);
      break;
  }
};
