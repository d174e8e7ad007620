// Peer connections of the current lobby, keyed by the remote peer's stats alias.
export const connections = new Map<string, RTCPeerConnection>();
