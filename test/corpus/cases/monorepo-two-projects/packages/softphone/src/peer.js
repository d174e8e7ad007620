// Softphone call legs: a Leg owns its peer connection wrapper, which reads IDs back from the leg (and a transfer's parent leg).
import callstats from 'callstats-js/callstats.min';

export const phoneStats = new callstats();

export class PeerConnectionWrapper {
  constructor(leg, iceServers) {
    this.leg = leg;
    this.pc = new RTCPeerConnection({ iceServers });
    this.pc.addEventListener('connectionstatechange', () => this.onState());
  }

  get conferenceId() {
    return this.leg.conferenceId;
  }

  get remoteUserId() {
    return this.leg.remote.accountId;
  }

  onState() {
    if (this.pc.connectionState === 'connected') {
      phoneStats.addNewFabric(this.pc, this.remoteUserId, phoneStats.fabricUsage.audio, this.conferenceId, {
        remoteEndpointType: phoneStats.endpointType.peer,
      });
    }
    if (this.pc.connectionState === 'failed') {
      phoneStats.reportError(this.pc, this.conferenceId, phoneStats.webRTCFunctions.iceConnectionFailure, new Error('leg failed'));
    }
  }
}

export class Leg {
  constructor(call, remote, iceServers, parent) {
    this.call = call;
    this.remote = remote;
    this.parent = parent;
    this.wrapper = new PeerConnectionWrapper(this, iceServers);
  }

  get conferenceId() {
    return this.parent ? this.parent.conferenceId : `call-${this.call.callId}`;
  }

  transferTo(remote, iceServers) {
    return new Leg(this.call, remote, iceServers, this);
  }
}

export function startPhoneStats(appId, tokenGenerator, account) {
  phoneStats.initialize(appId, tokenGenerator, account.accountId);
}
