// Keeps callstats' SSRC -> participant mapping in step with the SFU's source announcements.
export class TrackMapper {
  constructor(cs, pc, { localUserId, conferenceId, serverId }) {
    this.cs = cs;
    this.pc = pc;
    this.localUserId = localUserId;
    this.conferenceId = conferenceId;
    this.serverId = serverId;
    this.mapped = new Set();
  }

  // After each renegotiation: our own senders' SSRCs.
  mapLocal(senders) {
    for (const { ssrc, kind } of senders) {
      if (this.mapped.has(ssrc)) continue;
      this.mapped.add(ssrc);
      this.cs.associateMstWithUserID(this.pc, this.localUserId, this.conferenceId, ssrc, kind === 'video' ? 'camera' : 'microphone', 'self-view');
    }
  }

  // The SFU announces { ssrc, participantId, kind } for every forwarded source.
  onSourcesAnnounced(sources) {
    for (const source of sources) {
      if (this.mapped.has(source.ssrc)) continue;
      this.mapped.add(source.ssrc);
      this.cs.associateMstWithUserID(this.pc, source.participantId, this.conferenceId, source.ssrc, source.kind === 'video' ? 'camera' : 'microphone', `tile-${source.participantId}`);
    }
  }

  // The active-speaker mix is produced by the SFU itself, but the video it forwards is still the speaker's.
  onDominantSpeakerSource(ssrc, speakerId) {
    if (this.mapped.has(ssrc)) return;
    this.mapped.add(ssrc);
    this.cs.associateMstWithUserID(this.pc, this.serverId, this.conferenceId, ssrc, 'speaker-view', 'stage'); // expect: remote-track-association
  }

  dispose() {
    this.mapped.clear();
  }
}
