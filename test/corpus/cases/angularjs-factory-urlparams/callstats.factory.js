// AngularJS 1.x app: the room comes from the join link
// (https://meet.example.com/join?room=board-weekly&peer=...).
angular.module('meetApp').factory('callStats', ['$window', '$log', 'authService', function ($window, $log, authService) {
  var APP_ID = '381956532';
  var APP_SECRET = 'web-app-secret';
  var cs = new $window.callstats();
  var params = new URLSearchParams($window.location.search);
  var initialized = false;

  function init() {
    var user = authService.currentUser();
    if (!user) {
      $log.warn('callStats: not signed in');
      return;
    }
    cs.initialize(APP_ID, APP_SECRET, user.id, function (status, msg) {
      $log.info('callstats ' + status + ': ' + msg);
    });
    initialized = true;
  }

  function roomId() {
    return params.get('room');
  }

  return {
    init: init,

    addPeer: function (pc, peerId) {
      if (!initialized || !peerId) return;
      cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, roomId()); // expect: id-empty
    },

    addInvitedPeer: function (pc) {
      var invited = params.get('peer');
      var room = params.get('room');
      if (!initialized || !invited || !room) return;
      cs.addNewFabric(pc, invited, cs.fabricUsage.multiplex, room); // ok: id-empty -- the room was checked just above
    },

    reportSignalingError: function (err) {
      if (!initialized) return;
      cs.reportError(null, roomId(), cs.webRTCFunctions.signalingError, err); // expect: id-empty
    }
  };
}]);
