// Voice SDK for the contact-center: wraps the carrier's WebRTC gateway and reports every call leg to callstats.
import callstats from 'callstats-js/callstats.min';
import { uuid } from './util.js';

const GATEWAY_ID = 'pstn-gateway';

export class VoiceClient {
  constructor({ appId, tokenGenerator, agent, gatewayUrl }) {
    this.stats = new callstats();
    this.stats.initialize(appId, tokenGenerator, agent.workerSid, (status, message) => {
      if (status !== 'success') console.warn(`callstats ${status}: ${message}`);
    });
    this.gatewayUrl = gatewayUrl;
    this.calls = new Map();
  }

  // An outbound call to a phone number goes to the carrier gateway, which bridges it to the PSTN.
  async dial(phoneNumber, callSid) {
    const pc = await this.openLeg(callSid);
    this.stats.addNewFabric(pc, GATEWAY_ID, this.stats.fabricUsage.audio, callSid, { // ok: remote-userid-topology -- the far end is the carrier's gateway; the phone it bridges to has no callstats user
      remoteEndpointType: this.stats.endpointType.server,
    });
    this.calls.set(callSid, { pc, to: phoneNumber });
    return callSid;
  }

  // A browser-to-browser transfer leg between two agents: each leg gets a fresh tracking id.
  async connectAgent(otherAgent, callSid) {
    const pc = await this.openLeg(callSid);
    this.stats.addNewFabric(pc, uuid(), this.stats.fabricUsage.audio, callSid, { // expect: remote-userid-topology -- a random id made for the leg, not the other agent's userID (otherAgent.workerSid)
      remoteEndpointType: this.stats.endpointType.peer,
    });
    this.calls.set(callSid, { pc, to: otherAgent.workerSid });
  }

  async openLeg(callSid) {
    const pc = new RTCPeerConnection({ iceServers: await this.iceServers(callSid) });
    const mic = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true } });
    mic.getTracks().forEach((track) => pc.addTrack(track, mic));
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed') this.stats.reportError(pc, callSid, this.stats.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
    });
    return pc;
  }

  async iceServers(callSid) {
    const response = await fetch(`${this.gatewayUrl}/ice?call=${encodeURIComponent(callSid)}`);
    return (await response.json()).iceServers;
  }

  hold(callSid) {
    const call = this.calls.get(callSid);
    if (call) this.stats.sendFabricEvent(call.pc, this.stats.fabricEvent.fabricHold, callSid);
  }

  hangUp(callSid) {
    const call = this.calls.get(callSid);
    if (!call) return;
    this.stats.sendFabricEvent(call.pc, this.stats.fabricEvent.fabricTerminated, callSid);
    call.pc.close();
    this.calls.delete(callSid);
  }
}
