// The demo's call logic: the first tab in a room waits, the second one calls it.
/* global io, csObject, room, me */
var socket = io({ query: { room: room, user: me } });
var pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:stun.l.google.com:19302' }] });

navigator.mediaDevices.getUserMedia({ audio: true, video: true }).then(function (stream) {
  document.getElementById('local').srcObject = stream;
  stream.getTracks().forEach(function (track) { pc.addTrack(track, stream); });
});

pc.ontrack = function (event) {
  document.getElementById('remote').srcObject = event.streams[0];
};
pc.onicecandidate = function (event) {
  if (event.candidate) socket.emit('candidate', event.candidate);
};

socket.on('peer', function (peer) {
  csObject.addNewFabric(pc, peer.user, csObject.fabricUsage.multiplex, room, { remoteEndpointType: csObject.endpointType.peer });
  if (peer.initiator) {
    pc.createOffer()
      .then(function (offer) { return pc.setLocalDescription(offer); })
      .then(function () { socket.emit('offer', pc.localDescription); })
      .catch(function (error) { csObject.reportError(pc, room, csObject.webRTCFunctions.createOffer, error); });
  }
});
socket.on('offer', function (offer) {
  pc.setRemoteDescription(offer)
    .then(function () { return pc.createAnswer(); })
    .then(function (answer) { return pc.setLocalDescription(answer); })
    .then(function () { socket.emit('answer', pc.localDescription); })
    .catch(function (error) { csObject.reportError(pc, room, csObject.webRTCFunctions.createAnswer, error); });
});
socket.on('answer', function (answer) { pc.setRemoteDescription(answer); });
socket.on('candidate', function (candidate) { pc.addIceCandidate(candidate); });
socket.on('peer-left', function () {
  csObject.sendFabricEvent(pc, csObject.fabricEvent.fabricTerminated, room);
});
