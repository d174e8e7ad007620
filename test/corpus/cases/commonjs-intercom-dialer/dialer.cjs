'use strict';

const { randomBytes } = require('crypto');
const callstats = require('callstats-js/callstats.min');
const { accountKey, extensionOf } = require('./account.cjs');

class IntercomDialer {
  constructor({ appId, appSecret, signaling }) {
    this.appId = appId;
    this.appSecret = appSecret;
    this.signaling = signaling;
    this.cs = new callstats();
    this.calls = new Map();
  }

  register(account) {
    this.account = account;
    this.cs.initialize(this.appId, this.appSecret, accountKey(account), (status) => { // expect: userid-privacy
      this.signaling.emit('stats-status', status);
    });
  }

  async dial(colleague, localStream) {
    const callId = `${Date.now()}-${randomBytes(4).toString('hex')}`;
    const pc = new RTCPeerConnection();
    localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
    this.calls.set(callId, pc);

    // The colleague registered with the same accountKey() of their directory entry.
    this.cs.addNewFabric(pc, accountKey(colleague), this.cs.fabricUsage.multiplex, callId, { // expect: userid-privacy
      remoteEndpointType: this.cs.endpointType.peer,
    });

    try {
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      this.signaling.emit('invite', { to: extensionOf(colleague), fromKey: accountKey(this.account), callId, sdp: offer.sdp });
    } catch (error) {
      this.cs.reportError(pc, callId, this.cs.webRTCFunctions.createOffer, error);
      throw error;
    }
    return callId;
  }

  answer(invite, localStream) {
    const pc = new RTCPeerConnection();
    localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
    this.calls.set(invite.callId, pc);
    this.cs.addNewFabric(pc, invite.fromKey, this.cs.fabricUsage.multiplex, invite.callId, { // expect: userid-privacy (known miss: the caller sends its accountKey, an e-mail, through signalling)
      remoteEndpointType: this.cs.endpointType.peer,
    });
    return pc;
  }

  hold(callId, onHold) {
    const pc = this.calls.get(callId);
    if (!pc) return;
    this.cs.sendFabricEvent(pc, onHold ? this.cs.fabricEvent.fabricHold : this.cs.fabricEvent.fabricResume, callId);
  }

  hangUp(callId) {
    const pc = this.calls.get(callId);
    if (!pc) return;
    this.cs.sendFabricEvent(pc, this.cs.fabricEvent.fabricTerminated, callId);
    pc.close();
    this.calls.delete(callId);
  }
}

module.exports = IntercomDialer;
module.exports.IntercomDialer = IntercomDialer;
