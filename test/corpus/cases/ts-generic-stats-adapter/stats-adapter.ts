import callstats from 'callstats-js/callstats.min';

// A typed wrapper shared by several call screens: the SDK is held behind an interface so that
// tests can pass a fake; T is whatever the screen calls a participant.

export interface CallstatsSdk {
  fabricUsage: { multiplex: string; audio: string; video: string };
  fabricEvent: { fabricHold: string; fabricResume: string; fabricTerminated: string };
  endpointType: { peer: string; server: string };
  initialize(appId: string, secret: string, userId: string): void;
  addNewFabric(pc: RTCPeerConnection, remoteUserId: string, usage: string, conferenceId: string, attrs?: object): void;
  sendFabricEvent(pc: RTCPeerConnection, event: string, conferenceId: string): void;
}

export interface Identified {
  id: string;
  fullName: string;
}

export class StatsAdapter<T extends Identified> {
  private readonly fabrics = new Map<string, RTCPeerConnection>();

  constructor(
    private readonly sdk: CallstatsSdk,
    private readonly conferenceId: string,
  ) {}

  start(appId: string, secret: string, self: T): void {
    this.sdk.initialize(appId, secret, self.id); // ok: userid-privacy -- the account's opaque id, fullName is not used
  }

  track(pc: RTCPeerConnection, remote: T): void {
    this.fabrics.set(remote.id, pc);
    // ok: userid-privacy, id-empty -- remote.id is the participant's opaque id, always set by the type
    this.sdk.addNewFabric(pc, remote.id, this.sdk.fabricUsage.multiplex, this.conferenceId, {
      remoteEndpointType: this.sdk.endpointType.peer,
    });
  }

  hold(remote: T): void {
    const pc = this.fabrics.get(remote.id);
    if (pc) this.sdk.sendFabricEvent(pc, this.sdk.fabricEvent.fabricHold, this.conferenceId);
  }

  untrack(remote: T): void {
    const pc = this.fabrics.get(remote.id);
    if (!pc) return;
    this.sdk.sendFabricEvent(pc, this.sdk.fabricEvent.fabricTerminated, this.conferenceId);
    this.fabrics.delete(remote.id);
  }
}

interface Attendee extends Identified {
  seat: number;
}

export async function openClassroom(lessonId: string, me: Attendee, secret: string): Promise<StatsAdapter<Attendee>> {
  // ok: conference-id-reuse -- the lesson's id comes from the caller, one per lesson
  const adapter = new StatsAdapter<Attendee>(new callstats() as unknown as CallstatsSdk, `lesson-${lessonId}`);
  adapter.start('381956532', secret, me);
  return adapter;
}
