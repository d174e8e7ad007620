import callstats from 'callstats-js/callstats.min';
import { Endpoints, Rooms, Usage } from './endpoints';

interface SourceInfo {
  endpointId: string;
  videoType: 'camera' | 'desktop';
}

declare const signalling: {
  sourceMap(): Map<string, SourceInfo>;
  on(event: 'sources-changed', handler: () => void): void;
};

const sdk = new callstats();

export class TownHall {
  private readonly pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
  private readonly owners = new Map<string, string>();

  constructor(private readonly memberId: string) {}

  async join(token: string): Promise<void> {
    sdk.initialize('284619573', () => token, this.memberId);
    sdk.addNewFabric(this.pc, Endpoints.BRIDGE, sdk.fabricUsage.multiplex, Rooms.AllHands, { // ok: remote-userid-topology -- the bridge's ID on the one connection that carries everyone
      remoteEndpointType: sdk.endpointType.server,
    });
    signalling.on('sources-changed', () => this.refreshOwners());
    this.pc.ontrack = (event) => this.onTrack(event);
  }

  private refreshOwners(): void {
    for (const [ssrc, info] of signalling.sourceMap()) {
      this.owners.set(ssrc, info.endpointId);
    }
  }

  private onTrack(event: RTCTrackEvent): void {
    const [source] = event.receiver.getSynchronizationSources();
    const ssrc = String(source?.source ?? '');
    const sender = signalling.sourceMap().get(ssrc)?.endpointId;
    const usage = event.track.kind === 'video' && signalling.sourceMap().get(ssrc)?.videoType === 'desktop' ? Usage.Screen : Usage.Camera;
    sdk.associateMstWithUserID(this.pc, sender, Rooms.AllHands, ssrc, usage, `tile-${ssrc}`); // expect: id-empty
  }

  leave(): void {
    sdk.sendFabricEvent(this.pc, sdk.fabricEvent.fabricTerminated, Rooms.AllHands);
    this.pc.close();
  }
}
