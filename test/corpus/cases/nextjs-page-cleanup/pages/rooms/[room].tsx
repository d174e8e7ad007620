import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/router';
import { useSession } from 'next-auth/react';
import { joinSignalling, type Signalling } from '../../lib/signalling';

type CallstatsInstance = any;

export default function RoomPage() {
  const router = useRouter();
  const { data: session } = useSession();
  const userId = session?.user?.id;
  const room = typeof router.query.room === 'string' ? router.query.room : null;
  const csRef = useRef<CallstatsInstance | null>(null);
  const [peers, setPeers] = useState<string[]>([]);

  useEffect(() => {
    if (!router.isReady || !userId || !room) return;
    let cancelled = false;
    let signalling: Signalling | null = null;
    const connections = new Map<string, RTCPeerConnection>();
    const conferenceID = `rooms.example.com/${room}`;

    (async () => {
      // The SDK touches window: load it only in the browser.
      const { default: callstats } = await import('callstats-js/callstats.min');
      if (cancelled) return;
      const cs = new callstats();
      const token = await fetch('/api/callstats-token').then((response) => response.text());
      cs.initialize(process.env.NEXT_PUBLIC_CALLSTATS_APP_ID, (forceNew: boolean, cb: (e: unknown, t?: string) => void) => cb(null, token), userId); // ok: id-empty -- userId is checked at the top of the effect
      csRef.current = cs;

      signalling = await joinSignalling(room, userId);
      signalling.onPeer(async (peerId, pc) => {
        connections.set(peerId, pc);
        setPeers((list) => [...list, peerId]);
        cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, conferenceID, {
          remoteEndpointType: cs.endpointType.peer,
        });
      });
      signalling.onPeerLeft((peerId) => {
        const pc = connections.get(peerId);
        if (!pc) return;
        cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, conferenceID);
        pc.close();
        connections.delete(peerId);
        setPeers((list) => list.filter((id) => id !== peerId));
      });
    })().catch((error) => console.error('room setup failed', error));

    return () => {
      cancelled = true;
      const cs = csRef.current;
      connections.forEach((pc) => {
        if (cs) cs.sendFabricEvent(pc, cs.fabricEvent.fabricTerminated, conferenceID);
        pc.close();
      });
      connections.clear();
      signalling?.close();
      csRef.current = null;
    };
  }, [router.isReady, room, userId]);

  return (
    <main>
      <h1>{room}</h1>
      <ul>
        {peers.map((peerId) => (
          <li key={peerId}>
            <video id={`video-${peerId}`} autoPlay playsInline />
          </li>
        ))}
      </ul>
    </main>
  );
}
