import callstats from 'callstats-js/callstats.min';

export interface RemoteSource {
  ssrc: string;
  owner: string;
  kind: 'audio' | 'video';
}

export abstract class StatsReporter {
  protected static readonly sdk = new callstats();

  constructor(protected readonly localUserId: string, protected readonly conferenceId: string) {}

  static start(appId: string, secret: string, localUserId: string): void {
    StatsReporter.sdk.initialize(appId, secret, localUserId, (status: string, message: string) => {
      if (status !== 'success') console.error('callstats:', message);
    });
  }

  abstract attach(pc: RTCPeerConnection): void;

  onIceFailure(pc: RTCPeerConnection): void {
    const sdk = StatsReporter.sdk;
    sdk.reportError(pc, this.conferenceId, sdk.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
  }

  terminate(pc: RTCPeerConnection): void {
    const sdk = StatsReporter.sdk;
    sdk.sendFabricEvent(pc, sdk.fabricEvent.fabricTerminated, this.conferenceId);
  }
}

/** One connection per remote participant. */
export class MeshReporter extends StatsReporter {
  constructor(localUserId: string, conferenceId: string, private readonly peerId: string) {
    super(localUserId, conferenceId);
  }

  attach(pc: RTCPeerConnection): void {
    const sdk = StatsReporter.sdk;
    sdk.addNewFabric(pc, this.peerId, sdk.fabricUsage.multiplex, this.conferenceId, {
      remoteEndpointType: sdk.endpointType.peer,
      fabricTransmissionDirection: sdk.transmissionDirection.sendrecv,
    });
  }
}

/** One connection to the video bridge carrying every participant's media. */
export class BridgeReporter extends StatsReporter {
  private readonly bridgeId = 'videobridge';

  attach(pc: RTCPeerConnection): void {
    const sdk = StatsReporter.sdk;
    sdk.addNewFabric(pc, this.bridgeId, sdk.fabricUsage.multiplex, this.conferenceId, {
      remoteEndpointType: sdk.endpointType.server,
    });
  }

  mapLocal(pc: RTCPeerConnection, ssrcs: string[]): void {
    const sdk = StatsReporter.sdk;
    for (const ssrc of ssrcs) {
      sdk.associateMstWithUserID(pc, this.localUserId, this.conferenceId, ssrc, 'camera', 'local-video');
    }
  }

  mapRemote(pc: RTCPeerConnection, sources: RemoteSource[]): void {
    const sdk = StatsReporter.sdk;
    for (const source of sources) {
      // The bridge forwards the streams, so they were filed under it.
      sdk.associateMstWithUserID(pc, this.bridgeId, this.conferenceId, source.ssrc, source.kind, `video-${source.owner}`); // expect: remote-track-association
    }
  }
}
