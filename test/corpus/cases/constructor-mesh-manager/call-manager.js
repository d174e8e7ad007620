// Mesh calls for small study groups: one connection per classmate, negotiated over the group's socket.
export class CallManager {
  constructor(stats, socket, me) {
    this.stats = stats;
    this.socket = socket;
    this.me = me;
    this.peers = new Map();
    socket.on('offer', (message) => this.answer(message));
    socket.on('peer-left', ({ userId }) => this.hangUp(userId));
  }

  conferenceIdOf(group) {
    return `study-group/${group.id}/${group.sessionStartedAt}`;
  }

  async call(group, classmate, stream) {
    const pc = this.createConnection(group, classmate.userId, stream);
    await pc.setLocalDescription(await pc.createOffer());
    this.socket.emit('offer', { to: classmate.userId, group: group.id, sdp: pc.localDescription.sdp });
    this.stats.addNewFabric(pc, classmate.userId, this.stats.fabricUsage.multiplex, this.conferenceIdOf(group), {
      remoteEndpointType: this.stats.endpointType.peer,
    });
    return pc;
  }

  async answer({ from, group, sdp }) {
    const pc = this.createConnection(group, from, this.localStream);
    await pc.setRemoteDescription({ type: 'offer', sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    this.socket.emit('answer', { to: from, sdp: pc.localDescription.sdp });
    this.stats.addNewFabric(pc, this.me.userId, this.stats.fabricUsage.multiplex, this.conferenceIdOf(group), { // expect: remote-userid-topology -- the callee names itself instead of the caller (from)
      remoteEndpointType: this.stats.endpointType.peer,
    });
  }

  createConnection(group, userId, stream) {
    const pc = new RTCPeerConnection({ iceServers: group.iceServers });
    stream?.getTracks().forEach((track) => pc.addTrack(track, stream));
    pc.onicecandidate = ({ candidate }) => candidate && this.socket.emit('candidate', { to: userId, candidate });
    this.peers.set(userId, { pc, group });
    return pc;
  }

  hangUp(userId) {
    const peer = this.peers.get(userId);
    if (!peer) return;
    this.stats.sendFabricEvent(peer.pc, this.stats.fabricEvent.fabricTerminated, this.conferenceIdOf(peer.group));
    peer.pc.close();
    this.peers.delete(userId);
  }
}
