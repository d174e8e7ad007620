// The app shell: the signed-in account can be switched without reloading the page (shared family devices).
import { useState } from 'react';
import { CallStatsProvider, useFabric } from './CallStatsContext.jsx';

function Call({ pc, peer, room }) {
  useFabric(pc, peer.id, `family-call/${room.id}`);
  return <video id={`peer-${peer.id}`} autoPlay playsInline />;
}

export function App({ accounts, call }) {
  const [account, setAccount] = useState(accounts[0]);
  return (
    <CallStatsProvider account={account}>
      <nav>
        {accounts.map((candidate) => (
          <button key={candidate.id} disabled={candidate.id === account.id} onClick={() => setAccount(candidate)}>
            Switch to {candidate.nickname}
          </button>
        ))}
      </nav>
      {call && <Call pc={call.pc} peer={call.peer} room={call.room} />}
    </CallStatsProvider>
  );
}
