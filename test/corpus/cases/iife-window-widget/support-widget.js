/* Support call widget, loaded by a <script> tag on the customer portal. */
(function (window, document) {
  'use strict';

  var App = window.App || (window.App = {});
  var APP_ID = '552013874';
  var sdk = null;
  var current = null;
  var currentVisitor = null;

  function tokenGenerator(forceNew, callback) {
    fetch('/support/callstats-token', { credentials: 'same-origin', cache: forceNew ? 'no-store' : 'default' })
      .then(function (response) { return response.text(); })
      .then(function (token) { callback(null, token); })
      .catch(function (error) { callback(error); });
  }

  function startStats(visitorId) {
    sdk = new window.callstats();
    sdk.initialize(APP_ID, tokenGenerator, visitorId, function (status, message) {
      if (status !== 'success') console.warn('[support] callstats:', message);
    });
  }

  App.support = {
    login: function (session) {
      currentVisitor = session.visitorId; // ok: reinit-on-userid-change -- startStats() right below initializes with it
      startStats(currentVisitor);
    },

    // A new visitor gets a new SDK instance, initialized with the new ID.
    logout: function () {
      if (current) App.support.hangUp();
      currentVisitor = null; // ok: reinit-on-userid-change -- a reset on logout; the next login initializes again
      sdk = null; // ok: reinit-on-userid-change -- the instance is dropped, not the userID; the next login initializes a new one
    },

    call: function (ticket, agentId) {
      if (!sdk || !agentId) return null;
      var conferenceID = 'support/' + ticket.id;
      var pc = new RTCPeerConnection({ iceServers: App.iceServers || [] });
      sdk.addNewFabric(pc, agentId, sdk.fabricUsage.multiplex, conferenceID, {
        remoteEndpointType: sdk.endpointType.peer,
      });
      pc.addEventListener('connectionstatechange', function () {
        if (pc.connectionState === 'failed') {
          sdk.reportError(pc, conferenceID, sdk.webRTCFunctions.iceConnectionFailure, new Error('connection failed'));
        }
      });
      current = { pc: pc, conferenceID: conferenceID };
      return current;
    },

    hold: function (onHold) {
      if (!current || !sdk) return;
      sdk.sendFabricEvent(current.pc, onHold ? sdk.fabricEvent.fabricHold : sdk.fabricEvent.fabricResume, current.conferenceID);
    },

    hangUp: function () {
      if (!current) return;
      if (sdk) sdk.sendFabricEvent(current.pc, sdk.fabricEvent.fabricTerminated, current.conferenceID);
      current.pc.close();
      current = null;
    },

    rate: function (conferenceID, stars, comment) {
      if (!sdk || !currentVisitor) return;
      sdk.sendUserFeedback(conferenceID, { userID: currentVisitor, overall: stars, comment: comment });
    },
  };

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-support-call]');
    if (button) button.addEventListener('click', function () {
      App.support.call({ id: button.getAttribute('data-ticket') }, button.getAttribute('data-agent'));
    });
  });
})(window, document);
