// The kiosk's signalling client: asks the reception service for a call and wires up the peer connection.
/* exported kioskSignalling, kioskToken */
var kioskToken = function (forceNew, callback) {
  fetch('/kiosk/callstats-token?forceNew=' + forceNew)
    .then(function (response) { return response.text(); })
    .then(function (token) { callback(null, token); }, callback);
};

var kioskSignalling = {
  call: function (desk) {
    var socket = new WebSocket('wss://' + location.host + '/kiosk/' + desk);
    var pc = new RTCPeerConnection();
    return new Promise(function (resolve, reject) {
      socket.onerror = reject;
      socket.onmessage = function (event) {
        var message = JSON.parse(event.data);
        if (message.type !== 'accepted') return;
        var ended = [];
        pc.onconnectionstatechange = function () {
          if (pc.connectionState === 'closed') ended.forEach(function (handler) { handler(); });
        };
        resolve({
          id: message.callId,
          pc: pc,
          receptionistId: message.receptionistId,
          remoteStream: new MediaStream(),
          onEnded: function (handler) { ended.push(handler); }
        });
      };
    });
  }
};
