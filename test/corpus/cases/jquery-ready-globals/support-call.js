/* global $, io, jsSHA, callstats */
// Support page of 2014 vintage: jQuery, Socket.IO signalling, callstats from the script tag.

var csObject = new callstats($, io, jsSHA);
var socket = io.connect('https://signal.example.com');
var peerConnection = null;
var conferenceID = null;
var AppID = '381956532';
var AppSecret = 'QSrKrsl3Ez4o';

function csInitCallback(err, msg) {
  console.log('callstats status: ' + err + ' ' + msg);
}

function reportStats(stats) {
  $('#quality').text(stats.fabrics ? 'ok' : 'n/a');
}

$(document).ready(function () {
  var email = $('#email').val();
  csObject.initialize(AppID, AppSecret, email, csInitCallback, reportStats); // expect: userid-privacy

  csObject.on('error', function (err) { // expect: removed-api
    $('#status').text('stats error: ' + err);
  });

  $('#join').on('click', function () {
    conferenceID = window.location.pathname + '#' + $('#ticket').val();
    socket.emit('join', { room: conferenceID });
  });

  socket.on('agent-ready', function (data) {
    peerConnection = new RTCPeerConnection({ iceServers: data.iceServers });
    // ok: conference-id-reuse, id-empty -- the ticket room is set by the join click before the agent answers
    csObject.addNewFabric(peerConnection, data.agentId, csObject.fabricUsage.multiplex, conferenceID);
    peerConnection.onicecandidate = function (e) {
      if (e.candidate) socket.emit('candidate', e.candidate);
    };
  });

  $('#mute').on('click', function () {
    if (!peerConnection) return;
    csObject.sendFabricEvent(peerConnection, csObject.fabricEvent.audioMute, conferenceID);
  });

  $('#hangup').on('click', function () {
    if (!peerConnection) return;
    csObject.sendFabricEvent(peerConnection, csObject.fabricEvent.fabricTerminated, conferenceID);
    peerConnection.close();
    peerConnection = null;
  });
});
