import callstats from 'callstats-js/callstats.min';

const APP_ID = '448120935';

export class AgentDesk {
  constructor(workstationId, tokenGenerator) {
    this._agentId = `desk-${workstationId}`;
    this._calls = new Map();
    this._cs = new callstats();
    // The desk reports from the moment it loads, before anyone signs in.
    this._cs.initialize(APP_ID, tokenGenerator, this._agentId, (status, message) => {
      if (status !== 'success') console.warn('callstats:', message);
    });
  }

  get agentId() {
    return this._agentId;
  }

  set agentId(id) {
    this._agentId = id; // expect: reinit-on-userid-change:error
  }

  acceptCall(call, pc) {
    this._calls.set(call.id, pc);
    this._cs.addNewFabric(pc, call.customerRef, this._cs.fabricUsage.multiplex, call.queueCallId, {
      remoteEndpointType: this._cs.endpointType.peer,
    });
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed') {
        this._cs.reportError(pc, call.queueCallId, this._cs.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
      }
    });
  }

  hold(call, onHold) {
    const pc = this._calls.get(call.id);
    if (!pc) return;
    const { fabricHold, fabricResume } = this._cs.fabricEvent;
    this._cs.sendFabricEvent(pc, onHold ? fabricHold : fabricResume, call.queueCallId);
  }

  endCall(call, wrapUp) {
    const pc = this._calls.get(call.id);
    if (!pc) return;
    this._cs.sendFabricEvent(pc, this._cs.fabricEvent.fabricTerminated, call.queueCallId);
    this._cs.sendUserFeedback(call.queueCallId, { userID: this._agentId, overall: wrapUp.rating, comment: wrapUp.notes });
    this._calls.delete(call.id);
    pc.close();
  }
}
