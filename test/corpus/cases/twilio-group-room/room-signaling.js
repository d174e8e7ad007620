// Signaling for group rooms over a WebSocket: ICE servers, offer/answer, participant events.
export class RoomSignaling {
  constructor(path) {
    this.socket = new WebSocket(`wss://${location.host}${path}`);
    this.handlers = new Map();
    this.socket.addEventListener('message', (event) => {
      const { type, payload } = JSON.parse(event.data);
      this.handlers.get(type)?.forEach((handler) => handler(payload));
    });
  }

  on(type, handler) {
    if (!this.handlers.has(type)) this.handlers.set(type, []);
    this.handlers.get(type).push(handler);
  }

  once(type) {
    return new Promise((resolve) => this.on(type, resolve));
  }

  async iceServers() {
    this.socket.send(JSON.stringify({ type: 'iceServers' }));
    return (await this.once('iceServers')).servers;
  }

  async negotiate(pc) {
    await pc.setLocalDescription(await pc.createOffer());
    this.socket.send(JSON.stringify({ type: 'offer', sdp: pc.localDescription.sdp }));
    const answer = await this.once('answer');
    await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
  }

  close() {
    this.socket.close();
  }
}
