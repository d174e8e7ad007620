// Support-friendly identities: the real name goes to userName for staff, a hash of the login is the ID the dashboard lists.
import callstats from 'callstats-js/callstats.min';

export interface Account {
  login: string;
  fullName: string;
  orgId: string;
}

const csio = new callstats();

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function localIdentity(account: Account): Promise<{ userName: string; aliasName: string; loginID: string }> {
  const alias = await sha1Hex(`${account.orgId}:${account.login}`);
  return { userName: account.fullName, aliasName: alias, loginID: alias.slice(0, 12) };
}

export async function startStats(account: Account, tokenGenerator: (forceNew: boolean, cb: (e: Error | null, t?: string) => void) => void): Promise<void> {
  const identity = await localIdentity(account);
  csio.initialize('117604538', tokenGenerator, identity, (status: string, message: string) => {
    if (status !== 'success') console.warn('callstats:', message);
  });
}

// Remote participants are named by the alias they initialize with, never by the object.
export async function addPeer(pc: RTCPeerConnection, peer: Account, meetingId: string): Promise<void> {
  const remote = await localIdentity(peer);
  csio.addNewFabric(pc, remote.aliasName, csio.fabricUsage.multiplex, `org-meeting-${meetingId}`, { remoteEndpointType: csio.endpointType.peer });
}

export async function rate(meetingId: string, account: Account, overall: number): Promise<void> {
  const me = await localIdentity(account);
  csio.sendUserFeedback(`org-meeting-${meetingId}`, { userID: me.aliasName, overall });
}
