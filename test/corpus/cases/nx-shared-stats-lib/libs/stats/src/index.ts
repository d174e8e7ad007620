import callstats from 'callstats-js';

// Shared stats library of the workspace: every app creates its own client with its own
// credentials and bridge, the library keeps the SDK and the signed-in user to itself.

export interface StatsConfig {
  appId: string;
  secret: string;
  bridgeId: string;
}

export interface StatsClient {
  login(userId: string): void;
  rename(userId: string): void;
  joinBridge(pc: RTCPeerConnection, room: string): void;
  mapTrack(pc: RTCPeerConnection, ownerId: string, room: string, ssrc: string): void;
}

export function createStats(config: StatsConfig): StatsClient {
  const cs = new callstats();
  const session = { userId: '' };

  return {
    login(userId) {
      session.userId = userId; // ok: reinit-on-userid-change -- initialize() follows with the new value
      cs.initialize(config.appId, config.secret, session.userId);
    },
    rename(userId) {
      session.userId = userId; // expect: reinit-on-userid-change
    },
    joinBridge(pc, room) {
      cs.addNewFabric(pc, config.bridgeId, cs.fabricUsage.multiplex, room, {
        remoteEndpointType: cs.endpointType.server,
      });
      cs.associateMstWithUserID(pc, session.userId, room, localSsrc(pc), 'camera', 'local-video');
    },
    mapTrack(pc, ownerId, room, ssrc) {
      cs.associateMstWithUserID(pc, ownerId, room, ssrc, 'camera', `video-${ownerId}`); // ok: remote-track-association -- the sender's id, not the bridge's
    },
  };
}

function localSsrc(pc: RTCPeerConnection): string {
  const sdp = pc.localDescription?.sdp ?? '';
  return /a=ssrc:(\d+)/.exec(sdp)?.[1] ?? '';
}
