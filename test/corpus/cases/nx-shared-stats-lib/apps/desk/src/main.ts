import { createStats } from '../../../libs/stats/src';

// Help desk app: the agent's own call through the EU bridge, and a supervisor monitor on the
// US bridge with the workspace's second callstats app.

declare const socket: { on(event: string, cb: (data: any) => void): void; id: string };

const agentStats = createStats({ appId: '381956532', secret: 'desk-secret', bridgeId: 'jvb-eu-1' });
const monitorStats = createStats({ appId: '775120394', secret: 'monitor-secret', bridgeId: 'jvb-us-2' });

export function onSignedIn(user: { id: string; supervisor: boolean }): void {
  agentStats.login(user.id);
  if (user.supervisor) monitorStats.login(`monitor-${user.id}`);
}

socket.on('profile-updated', (profile: { id: string }) => agentStats.rename(profile.id));

export async function joinTicketRoom(ticketId: string, stream: MediaStream): Promise<RTCPeerConnection> {
  const pc = new RTCPeerConnection();
  stream.getTracks().forEach((track) => pc.addTrack(track, stream));
  agentStats.joinBridge(pc, `ticket-${ticketId}`);
  socket.on('source-added', (source: { owner: string; ssrc: string }) => {
    agentStats.mapTrack(pc, source.owner, `ticket-${ticketId}`, source.ssrc);
  });
  return pc;
}
