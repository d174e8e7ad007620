import { h } from 'preact';
import { useState } from 'preact/hooks';
import { cs, useCallstats, usePeerFabric } from './hooks.js';
import { useSession } from './session.js';
import { usePeerConnection } from './rtc.js';

export function CallScreen({ roomId, peer, tokenGenerator }) {
  const { user } = useSession();
  const userID = useCallstats(user, tokenGenerator);
  const pc = usePeerConnection(roomId, peer);
  const [sent, setSent] = useState(false);
  usePeerFabric(pc, peer, roomId);

  const rate = (overall) => {
    cs.sendUserFeedback(roomId, { userID, overall, comment: '' }); // ok: userid-privacy -- the ID from user?.id, not a name
    setSent(true);
  };

  return (
    <section class="call">
      <video id="remote-video" autoPlay playsInline />
      <p>Connected to {peer?.displayName ?? 'a guest'}</p>
      {sent ? <p>Thanks for the feedback</p> : (
        <div class="rating">
          {[1, 2, 3, 4, 5].map((n) => (
            <button key={n} onClick={() => rate(n)}>{n}</button>
          ))}
        </div>
      )}
    </section>
  );
}
