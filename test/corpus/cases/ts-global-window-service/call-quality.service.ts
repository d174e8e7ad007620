// Call-quality reporting for the meeting client. callstats.min.js is loaded by index.html.
import { fetchJson } from './http';

declare global {
  interface Window {
    callstats: any;
  }
}

export interface MeetingUser {
  id: string;
  displayName: string;
}

export interface Meeting {
  id: string;
  title: string;
}

interface TokenResponse {
  token: string;
}

const APP_ID = '663201457';

export class CallQualityService {
  private readonly cs = new window.callstats();
  private readonly connections = new Map<string, RTCPeerConnection>();
  private meeting: Meeting | null = null;

  constructor(private readonly log: (msg: string, ...rest: unknown[]) => void = console.log) {
    this.cs.on('connectionRecommendation', (pc: RTCPeerConnection, recommendation: unknown) => {
      this.log('callstats recommendation', recommendation);
    });
  }

  private tokenGenerator(user: MeetingUser) {
    return (forceNew: boolean, callback: (err: unknown, token?: string) => void) => {
      fetchJson<TokenResponse>(`/api/callstats/token?user=${encodeURIComponent(user.id)}&force=${forceNew}`)
        .then((body) => callback(null, body.token))
        .catch((err) => callback(err));
    };
  }

  /** Joins a meeting: sets up the SDK for the user and starts monitoring the first peer. */
  join(user: MeetingUser, meeting: Meeting, firstPeerId: string, firstPc: RTCPeerConnection): void {
    this.meeting = meeting;
    fetchJson<{ enabled: boolean }>('/api/features/callstats').then((flags) => {
      if (!flags.enabled) return;
      this.cs.initialize(APP_ID, this.tokenGenerator(user), user.id, (status: string, msg: string) => {
        if (status !== 'success') this.log('callstats initialize failed', status, msg);
      });
    });
    this.addPeer(firstPeerId, firstPc);
  }

  addPeer(peerId: string, pc: RTCPeerConnection): void {
    if (!this.meeting) return;
    this.connections.set(peerId, pc);
    this.cs.addNewFabric(pc, peerId, this.cs.fabricUsage.multiplex, this.meeting.id, { // expect: api-before-initialize
      remoteEndpointType: this.cs.endpointType.peer,
    });
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed' && this.meeting) {
        this.cs.reportError(pc, this.meeting.id, this.cs.webRTCFunctions.iceConnectionFailure);
      }
    });
  }

  removePeer(peerId: string): void {
    const pc = this.connections.get(peerId);
    if (!pc || !this.meeting) return;
    this.cs.sendFabricEvent(pc, this.cs.fabricEvent.fabricTerminated, this.meeting.id);
    this.connections.delete(peerId);
  }

  leave(rating: 1 | 2 | 3 | 4 | 5, user: MeetingUser): void {
    if (!this.meeting) return;
    this.cs.sendUserFeedback(this.meeting.id, { userID: user.id, overall: rating });
    for (const peerId of [...this.connections.keys()]) this.removePeer(peerId);
    this.meeting = null;
  }
}
