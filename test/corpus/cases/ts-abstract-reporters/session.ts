import { BridgeReporter, MeshReporter, RemoteSource, StatsReporter } from './reporters';

interface JoinResult {
  mode: 'mesh' | 'bridge';
  peers: string[];
  localSsrcs: string[];
  sources: RemoteSource[];
}

export class CallSession {
  private readonly reporters = new Map<RTCPeerConnection, StatsReporter>();

  constructor(private readonly userId: string, private readonly roomId: string) {
    StatsReporter.start('902118340', 'app-secret-from-env', userId);
  }

  async join(signal: (room: string) => Promise<JoinResult>, stream: MediaStream): Promise<void> {
    const result = await signal(this.roomId);
    if (result.mode === 'mesh') {
      for (const peerId of result.peers) {
        const pc = this.open(stream);
        const reporter = new MeshReporter(this.userId, this.roomId, peerId);
        reporter.attach(pc);
        this.reporters.set(pc, reporter);
      }
      return;
    }
    const pc = this.open(stream);
    const reporter = new BridgeReporter(this.userId, this.roomId);
    reporter.attach(pc);
    reporter.mapLocal(pc, result.localSsrcs);
    reporter.mapRemote(pc, result.sources);
    this.reporters.set(pc, reporter);
  }

  private open(stream: MediaStream): RTCPeerConnection {
    const pc = new RTCPeerConnection();
    stream.getTracks().forEach((track) => pc.addTrack(track, stream));
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed') this.reporters.get(pc)?.onIceFailure(pc);
    });
    return pc;
  }

  leave(): void {
    for (const [pc, reporter] of this.reporters) {
      reporter.terminate(pc);
      pc.close();
    }
    this.reporters.clear();
  }
}
