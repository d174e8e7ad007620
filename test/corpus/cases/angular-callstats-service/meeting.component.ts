// The meeting view: one peer connection per participant, registered with callstats as it connects.
import { Component, Input } from '@angular/core';
import { CallStatsService } from './callstats.service';

@Component({ selector: 'app-meeting', template: '<div class="tiles"></div>' })
export class MeetingComponent {
  @Input() meetingId = '';
  private readonly connections = new Map<string, RTCPeerConnection>();

  constructor(private readonly stats: CallStatsService) {}

  onParticipantJoined(participantUserId: string, iceServers: RTCIceServer[]): RTCPeerConnection {
    const pc = new RTCPeerConnection({ iceServers });
    this.connections.set(participantUserId, pc);
    this.stats.addPeer(pc, participantUserId, this.meetingId);
    return pc;
  }

  onScreenShare(participantUserId: string): void {
    const pc = this.connections.get(participantUserId);
    if (pc) this.stats.screenShareStarted(pc, this.meetingId);
  }
}
