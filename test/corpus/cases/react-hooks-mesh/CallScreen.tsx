// The mesh call screen: one tile and one peer connection per remote participant in the room.
import { useEffect, useState } from 'react';
import { sendCallRating, useCallStats, usePeerFabric, type SignedInUser } from './useCallStats';

interface Peer {
  userId: string;
  pc: RTCPeerConnection;
  stream?: MediaStream;
}

function PeerTile({ peer, roomId }: { peer: Peer; roomId: string }) {
  usePeerFabric(peer.pc, peer.userId, roomId);
  return (
    <video
      id={`peer-${peer.userId}`}
      autoPlay
      playsInline
      ref={(el) => {
        if (el && peer.stream) el.srcObject = peer.stream;
      }}
    />
  );
}

export function CallScreen({ user, roomId, peers }: { user: SignedInUser; roomId: string; peers: Peer[] }) {
  const stats = useCallStats(user);
  const [rating, setRating] = useState<number | null>(null);
  useEffect(() => {
    if (rating !== null) sendCallRating(roomId, user, rating);
  }, [rating, roomId, user]);
  return (
    <section className="call">
      <header>
        {stats ? 'Call quality is being monitored' : 'Connecting…'} — room {roomId}
      </header>
      <div className="grid">
        {stats &&
          peers.map((peer) => (
            <PeerTile key={peer.userId} peer={peer} roomId={roomId} />
          ))}
      </div>
      <footer>
        {[1, 2, 3, 4, 5].map((score) => (
          <button key={score} onClick={() => setRating(score)}>
            {score}★
          </button>
        ))}
      </footer>
    </section>
  );
}
