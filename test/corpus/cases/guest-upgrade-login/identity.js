// Guests join with a generated alias; signing in upgrades them to their account, and the SDK must learn the new ID.
import callstats from 'callstats-js/callstats.min';

const APP_ID = '311902845';
const cs = new callstats();

function guestAlias() {
  return `guest-${crypto.randomUUID()}`;
}

const identity = { userName: 'Guest', aliasName: guestAlias() };
let tokenGenerator;

export function startAsGuest(generator) {
  tokenGenerator = generator;
  cs.initialize(APP_ID, tokenGenerator, identity);
}

// The sign-in dialog: the account replaces the guest identity and the SDK is initialized again.
export function onSignedIn(account) {
  identity.userName = account.displayName;
  identity.aliasName = account.id;
  cs.initialize(APP_ID, tokenGenerator, identity); // ok: reinit-on-userid-change -- re-initialized right after the change
}

function restartStats() {
  cs.initialize(APP_ID, tokenGenerator, identity);
}

// Switching between the accounts of a shared device goes through the same restart.
export function onAccountSwitched(account) {
  identity.userName = account.displayName;
  identity.aliasName = account.id; // ok: reinit-on-userid-change -- restartStats() right below initializes again
  restartStats();
}

// A returning member's token must be fetched first; initialize() follows once it arrives.
export function onMemberLinkOpened(member) {
  identity.aliasName = member.id; // ok: reinit-on-userid-change -- initialize() runs again when the token arrives
  fetch(`/api/members/${member.id}/callstats-token`)
    .then((response) => response.text())
    .then((token) => {
      tokenGenerator = (forceNew, callback) => callback(null, token);
      cs.initialize(APP_ID, tokenGenerator, identity);
    });
}

// The "use a different name in this meeting" menu item only renames the alias.
export function useMeetingAlias(alias) {
  identity.aliasName = alias; // expect: reinit-on-userid-change -- aliasName is the ID the SDK uses, and initialize() is not called again
}

export function joinPeer(pc, peer, meeting) {
  cs.addNewFabric(pc, peer.alias, cs.fabricUsage.multiplex, `meeting-${meeting.id}`, { remoteEndpointType: cs.endpointType.peer });
}
