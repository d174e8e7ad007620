import { connect, LocalTrack, RemoteParticipant, RemoteTrack, Room } from 'twilio-video';
import callstats from 'callstats-js/callstats.min';

declare module 'twilio-video' {
  interface Room {
    /** Peer-to-peer rooms keep one RTCPeerConnection per remote participant. */
    _getPeerConnection(participantSid: string): RTCPeerConnection | undefined;
  }
}

export interface StatsConfig {
  appId: string;
  tokenUrl: string;
}

export class VideoCallStats {
  private readonly cs = new callstats();
  private readonly connections = new Map<string, RTCPeerConnection>();
  private room: Room | null = null;

  constructor(private readonly config: StatsConfig) {}

  async join(accessToken: string, roomName: string, tracks: LocalTrack[]): Promise<Room> {
    const room = await connect(accessToken, { name: roomName, tracks });
    this.room = room;
    const token = await fetch(this.config.tokenUrl, { method: 'POST' }).then((response) => response.text());
    // Every participant is known to the others by its participant SID.
    this.cs.initialize(this.config.appId, (forceNew: boolean, cb: (err: Error | null, t?: string) => void) => cb(null, token), room.localParticipant.sid);

    room.participants.forEach((participant) => this.attach(room, participant));
    room.on('participantConnected', (participant: RemoteParticipant) => this.attach(room, participant));
    room.on('participantDisconnected', (participant: RemoteParticipant) => this.detach(participant.sid));
    room.on('disconnected', () => this.connections.forEach((pc, sid) => this.detach(sid)));
    return room;
  }

  private attach(room: Room, participant: RemoteParticipant): void {
    const pc = room._getPeerConnection(participant.sid);
    if (!pc || this.connections.has(participant.sid)) return;
    const conferenceID = room.sid;
    this.connections.set(participant.sid, pc);
    this.cs.addNewFabric(pc, participant.sid, this.cs.fabricUsage.multiplex, conferenceID, {
      remoteEndpointType: this.cs.endpointType.peer,
    });

    participant.on('trackSubscribed', (track: RemoteTrack) => {
      if (track.kind === 'video' && track.name.startsWith('screen')) {
        // Screen shares are kept apart from the camera call on the dashboard.
        this.cs.sendFabricEvent(pc, this.cs.fabricEvent.screenShareStart, `${conferenceID}:screen`); // expect: conference-id-consistency
      }
    });
    participant.on('trackUnsubscribed', (track: RemoteTrack) => {
      if (track.kind === 'video' && track.name.startsWith('screen')) {
        this.cs.sendFabricEvent(pc, this.cs.fabricEvent.screenShareStop, conferenceID);
      }
    });
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed') {
        this.cs.reportError(pc, conferenceID, this.cs.webRTCFunctions.iceConnectionFailure, new Error(`ICE failed to ${participant.sid}`));
      }
    });
  }

  private detach(participantSid: string): void {
    const pc = this.connections.get(participantSid);
    if (!pc || !this.room) return;
    this.cs.sendFabricEvent(pc, this.cs.fabricEvent.fabricTerminated, this.room.sid);
    this.connections.delete(participantSid);
  }

  /** A participant SID the app learnt late (a reconnect under a new SID) replaces the old one. */
  renameRemote(oldSid: string, newSid: string): void {
    const pc = this.connections.get(oldSid);
    if (!pc || !this.room) return;
    this.cs.setIdentifiers({ conferenceID: this.room.sid, remoteUserID: newSid }, pc);
    this.connections.delete(oldSid);
    this.connections.set(newSid, pc);
  }

  rateCall(overall: number, comment: string): void {
    if (!this.room) return;
    const feedback = { userID: this.room.localParticipant.sid, overall, comment };
    this.cs.sendUserFeedback(this.room.name, feedback); // expect: conference-id-consistency (known miss: the fabrics use room.sid and the feedback room.name while sendUserFeedback names no connection)
  }
}
