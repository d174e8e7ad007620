// A meeting session: its conference ID is derived once per session and refreshed when the host restarts the meeting.
import { meetingStats, registerFabric, reportDrop } from './fabric';

export class MeetingSession {
  private conferenceId: string;
  private restarts = 0;
  private readonly peers = new Map<string, RTCPeerConnection>();

  constructor(
    private readonly meeting: { tenant: string; slug: string; startedAt: number; parent?: MeetingSession },
    private readonly localUserId: string,
  ) {
    this.conferenceId = this.deriveConferenceId();
  }

  private deriveConferenceId(): string {
    const base = this.meeting.parent ? this.meeting.parent.currentConferenceId() : `${this.meeting.tenant}/${this.meeting.slug}`;
    return this.restarts ? `${base}#${this.meeting.startedAt}-${this.restarts}` : `${base}#${this.meeting.startedAt}`;
  }

  currentConferenceId(): string {
    return this.conferenceId || this.deriveConferenceId();
  }

  start(appId: string, secret: string): void {
    meetingStats.initialize(appId, secret, this.localUserId);
  }

  restart(): void {
    this.restarts += 1;
    this.conferenceId = this.deriveConferenceId();
    // addNewFabric() again would do nothing for a known connection: setIdentifiers() moves it to the new conference.
    for (const pc of this.peers.values()) meetingStats.setIdentifiers({ conferenceID: this.conferenceId }, pc);
  }

  connect(peerId: string, pc: RTCPeerConnection): void {
    this.peers.set(peerId, pc);
    registerFabric(pc, peerId, this.currentConferenceId());
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed') reportDrop(pc, this.conferenceId, new Error(`ICE to ${peerId} failed`));
    });
  }

  // A peer that dropped comes back on a new connection, into the session's current conference.
  rejoin(peerId: string, freshPc: RTCPeerConnection): void {
    this.adopt(this.conferenceId, peerId, freshPc);
  }

  // Moving a peer into another session (a breakout closing) takes over that session's conference ID.
  moveTo(other: MeetingSession, peerId: string, freshPc: RTCPeerConnection): void {
    this.conferenceId = other.currentConferenceId();
    other.adopt(this.conferenceId, peerId, freshPc);
  }

  adopt(conferenceId: string, peerId: string, pc: RTCPeerConnection): void {
    this.conferenceId = conferenceId;
    this.peers.set(peerId, pc);
    registerFabric(pc, peerId, this.conferenceId);
  }

  breakout(slug: string): MeetingSession {
    return new MeetingSession({ tenant: this.meeting.tenant, slug, startedAt: Date.now(), parent: this }, this.localUserId);
  }
}
