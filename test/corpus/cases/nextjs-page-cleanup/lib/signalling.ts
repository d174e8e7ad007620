export interface Signalling {
  onPeer(handler: (peerId: string, pc: RTCPeerConnection) => void): void;
  onPeerLeft(handler: (peerId: string) => void): void;
  close(): void;
}

export async function joinSignalling(room: string, userId: string): Promise<Signalling> {
  const socket = new WebSocket(`wss://signal.example.com/${encodeURIComponent(room)}?user=${encodeURIComponent(userId)}`);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  const peerHandlers: Array<(peerId: string, pc: RTCPeerConnection) => void> = [];
  const leftHandlers: Array<(peerId: string) => void> = [];
  const pcs = new Map<string, RTCPeerConnection>();

  socket.onmessage = async (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'offer') {
      const pc = new RTCPeerConnection();
      pcs.set(message.from, pc);
      await pc.setRemoteDescription(message.sdp);
      await pc.setLocalDescription(await pc.createAnswer());
      socket.send(JSON.stringify({ type: 'answer', to: message.from, sdp: pc.localDescription }));
      peerHandlers.forEach((handler) => handler(message.from, pc));
    } else if (message.type === 'leave') {
      pcs.delete(message.from);
      leftHandlers.forEach((handler) => handler(message.from));
    }
  };

  return {
    onPeer: (handler) => peerHandlers.push(handler),
    onPeerLeft: (handler) => leftHandlers.push(handler),
    close: () => socket.close(),
  };
}
