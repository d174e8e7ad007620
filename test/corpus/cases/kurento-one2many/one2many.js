// One-to-many broadcast through Kurento: the presenter sends to the media server, each viewer receives the presenter.
import callstats from 'callstats-js/callstats.min';
import kurentoUtils from 'kurento-utils';

const MEDIA_SERVER_ID = 'kurento-media-server';
const stats = new callstats();
let ws;

export function boot(appId, tokenGenerator, me) {
  stats.initialize(appId, tokenGenerator, me.id, (status, message) => {
    if (status !== 'success') console.warn(`callstats: ${message}`);
  });
  ws = new WebSocket(`wss://${location.host}/one2many`);
  ws.onmessage = (message) => onMessage(JSON.parse(message.data));
}

let webRtcPeer;
let broadcast;

function onMessage(message) {
  if (message.id === 'presenterResponse' || message.id === 'viewerResponse') {
    if (message.response !== 'accepted') return dispose();
    webRtcPeer.processAnswer(message.sdpAnswer, (error) => {
      if (error) stats.reportError(webRtcPeer.peerConnection, broadcast.conferenceID, stats.webRTCFunctions.setRemoteDescription, error);
    });
  } else if (message.id === 'iceCandidate') {
    webRtcPeer.addIceCandidate(message.candidate);
  } else if (message.id === 'stopCommunication') {
    dispose();
  }
}

export function present(broadcastId, video) {
  broadcast = { conferenceID: `broadcast-${broadcastId}` };
  webRtcPeer = kurentoUtils.WebRtcPeer.WebRtcPeerSendonly({ localVideo: video, onicecandidate: sendCandidate }, function (error) {
    if (error) return console.error(error);
    this.generateOffer((offerError, sdpOffer) => {
      if (offerError) return console.error(offerError);
      ws.send(JSON.stringify({ id: 'presenter', broadcastId, sdpOffer }));
    });
    stats.addNewFabric(this.peerConnection, MEDIA_SERVER_ID, stats.fabricUsage.multiplex, broadcast.conferenceID, {
      remoteEndpointType: stats.endpointType.server,
      fabricTransmissionDirection: stats.transmissionDirection.sendonly,
    });
  });
}

// A viewer's connection carries the presenter's media only, so the presenter is its remote user.
export function view(broadcastId, presenterId, video) {
  broadcast = { conferenceID: `broadcast-${broadcastId}` };
  webRtcPeer = kurentoUtils.WebRtcPeer.WebRtcPeerRecvonly({ remoteVideo: video, onicecandidate: sendCandidate }, function (error) {
    if (error) return console.error(error);
    this.generateOffer((offerError, sdpOffer) => {
      if (offerError) return console.error(offerError);
      ws.send(JSON.stringify({ id: 'viewer', broadcastId, sdpOffer }));
    });
    stats.addNewFabric(this.peerConnection, presenterId, stats.fabricUsage.multiplex, broadcast.conferenceID, {
      remoteEndpointType: stats.endpointType.server,
      fabricTransmissionDirection: stats.transmissionDirection.receiveonly,
    });
  });
}

function sendCandidate(candidate) {
  ws.send(JSON.stringify({ id: 'onIceCandidate', candidate }));
}

function dispose() {
  if (!webRtcPeer) return;
  stats.sendFabricEvent(webRtcPeer.peerConnection, stats.fabricEvent.fabricTerminated, broadcast.conferenceID);
  webRtcPeer.dispose();
  webRtcPeer = null;
}
