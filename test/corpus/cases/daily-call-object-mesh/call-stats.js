// Wraps a Daily-like call object: every remote participant arrives in a
// 'participant-joined' event and gets its own peer connection (mesh).
import { createCallObject } from './call-object.js';
import { fetchStatsToken } from './api.js';

const APP_ID = '381956532';

export class DailyStats {
  constructor(localUser, roomUrl) {
    this.cs = new callstats();
    this.localUserId = localUser.id;
    this.conferenceId = new URL(roomUrl).pathname.slice(1);
    this.pcs = new Map();
    this.call = createCallObject({ url: roomUrl });
  }

  async start() {
    const token = await fetchStatsToken(this.localUserId);
    await new Promise((resolve, reject) => {
      this.cs.initialize(APP_ID, (forced, cb) => cb(null, token), this.localUserId, (err, msg) => {
        if (err !== 'success') {
          console.warn('callstats init failed', msg);
          reject(new Error(msg));
          return;
        }
        resolve();
      });
    });

    this.call.on('participant-joined', (ev) => this.onJoined(ev.participant));
    this.call.on('participant-left', (ev) => this.onLeft(ev.participant));
    this.call.on('error', (ev) => {
      this.cs.reportError(null, this.conferenceId, this.cs.webRTCFunctions.signalingError, ev.errorMsg);
    });
    await this.call.join();
  }

  onJoined(participant) {
    if (participant.local) return;
    const remoteId = participant.session_id;
    const pc = this.call.peerConnectionFor(remoteId);
    if (!pc || this.pcs.has(remoteId)) return;
    this.pcs.set(remoteId, pc);
    this.cs.addNewFabric(pc, remoteId, this.cs.fabricUsage.multiplex, this.conferenceId); // ok: remote-userid-topology -- mesh, the joining participant's session_id is the peer
  }

  onLeft(participant) {
    const pc = this.pcs.get(participant.session_id);
    if (!pc) return;
    this.cs.sendFabricEvent(pc, this.cs.fabricEvent.fabricTerminated, this.conferenceId);
    this.pcs.delete(participant.session_id);
  }

  async leave() {
    for (const pc of this.pcs.values()) {
      this.cs.sendFabricEvent(pc, this.cs.fabricEvent.fabricTerminated, this.conferenceId);
    }
    this.pcs.clear();
    await this.call.leave();
  }
}
